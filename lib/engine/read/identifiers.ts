/**
 * Links, emails, phone numbers and codes blanked out of text, in one left-to-right pass. They say nothing about a
 * topic or a request, and the regular expressions that used to find them (`[\w.+-]+@…`, `https?:\/\/\S+|…`)
 * retried every start inside a long run of word characters: quadratic on one pasted log line. This scanner reads
 * each character a bounded number of times and blanks exactly what those expressions matched.
 */

const code = (s: string, i: number) => (i < s.length ? s.charCodeAt(i) : -1);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (c: number) => c >= 97 && c <= 122;
// `\w` without the `u` flag: ASCII letters, digits and underscore.
const isWord = (c: number) => isDigit(c) || isLower(c) || (c >= 65 && c <= 90) || c === 95;
// [\w.+-], the characters of an email's local part.
const isLocal = (c: number) => isWord(c) || c === 46 || c === 43 || c === 45;
// [\w-], the characters of a domain label.
const isLabel = (c: number) => isWord(c) || c === 45;
const SPACE = /\s/;
const isSpace = (s: string, i: number) => i < s.length && SPACE.test(s[i]);
// [\d\s()./#-], what may stand between the digits of a phone or order number.
const isPhone = (s: string, i: number) => {
  const c = code(s, i);
  return isDigit(c) || c === 40 || c === 41 || c === 46 || c === 47 || c === 35 || c === 45 || isSpace(s, i);
};

/** An alternative tried at one position: the end of its match, or -1. */
type Alternative = (i: number) => number;

function blank(text: string, alternatives: Alternative[]): string {
  let out = '';
  let kept = 0;
  for (let i = 0; i < text.length;) {
    let end = -1;
    for (const alt of alternatives) if ((end = alt(i)) >= 0) break;
    if (end < 0) {
      i++;
      continue;
    }
    out += `${text.slice(kept, i)} `;
    kept = i = end;
  }
  return kept ? out + text.slice(kept) : text;
}

/** End of the run of non-space characters from `i`. */
function nonSpaceEnd(s: string, i: number): number {
  while (i < s.length && !isSpace(s, i)) i++;
  return i;
}

/** `https?:\/\/\S+` at `i`. */
function url(s: string): Alternative {
  return (i) => {
    const from = s.startsWith('http://', i) ? i + 7 : s.startsWith('https://', i) ? i + 8 : -1;
    return from >= 0 && from < s.length && !isSpace(s, from) ? nonSpaceEnd(s, from) : -1;
  };
}

/** `www\.\S+` at `i`. */
function www(s: string): Alternative {
  return (i) => (s.startsWith('www.', i) && i + 4 < s.length && !isSpace(s, i + 4) ? nonSpaceEnd(s, i + 4) : -1);
}

/** `[\w.+-]+@[\w-]+(\.[\w-]+)+` at `i`. Every start inside one local-part run reaches the same "@", so the run and
 * the domain after it are read once. */
function email(s: string): Alternative {
  let runEnd = -1;
  let at = -1;
  let domainEnd = -1;
  return (i) => {
    if (!isLocal(code(s, i))) return -1;
    if (i >= runEnd) {
      runEnd = i;
      while (isLocal(code(s, runEnd))) runEnd++;
    }
    if (code(s, runEnd) !== 64) return -1;
    if (at !== runEnd) {
      at = runEnd;
      domainEnd = -1;
      let j = at + 1;
      while (isLabel(code(s, j))) j++;
      if (j > at + 1) {
        while (code(s, j) === 46 && isLabel(code(s, j + 1))) {
          j += 2;
          while (isLabel(code(s, j))) j++;
          domainEnd = j;
        }
      }
    }
    return domainEnd;
  };
}

/** `\+?\d[\d\s()./#-]{2,}\d` at `i`: the greedy run ends at its last digit. */
function phone(s: string): Alternative {
  let lastDigit: Int32Array | undefined;
  // lastDigit[k]: the last digit of the run of phone characters that starts at k, or -1.
  const lastDigitFrom = (k: number) => {
    if (!lastDigit) {
      lastDigit = new Int32Array(s.length + 1).fill(-1);
      for (let j = s.length - 1; j >= 0; j--) {
        if (!isPhone(s, j)) continue;
        lastDigit[j] = lastDigit[j + 1] >= 0 ? lastDigit[j + 1] : isDigit(s.charCodeAt(j)) ? j : -1;
      }
    }
    return lastDigit[k];
  };
  return (i) => {
    const first = code(s, i) === 43 ? i + 1 : i;
    if (!isDigit(code(s, first))) return -1;
    const last = lastDigitFrom(first + 1);
    return last >= first + 3 ? last + 1 : -1;
  };
}

/** `\b[a-z]*\d[a-z\d]{3,}\b` at `i` ("a1b2c3", "730abc"). */
function alphanumeric(s: string): Alternative {
  return (i) => {
    if (i > 0 && isWord(s.charCodeAt(i - 1))) return -1;
    let j = i;
    while (isLower(code(s, j))) j++;
    if (!isDigit(code(s, j))) return -1;
    const rest = ++j;
    while (isLower(code(s, j)) || isDigit(code(s, j))) j++;
    return j - rest >= 3 && !isWord(code(s, j)) ? j : -1;
  };
}

/** Links and emails replaced by a space (scope features read the words around them). */
export function blankLinks(text: string, emailFirst = false): string {
  if (!text.includes('@') && !text.includes('://') && !text.includes('www.')) return text;
  const links = [url(text), www(text)];
  return blank(text, emailFirst ? [email(text), ...links] : [...links, email(text)]);
}

/** Emails, phone or order numbers and codes with digits replaced by a space ("my email is sam1@x.io" → "my email is  "). */
export function blankIdentifiers(text: string): string {
  return blank(text, [email(text), phone(text), alphanumeric(text)]);
}
