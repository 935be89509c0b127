/** Finds facts in the customer's text for summary fields; returns nothing rather than guessing. */

export type ExtractorKind = 'email' | 'phone' | 'order' | 'amount' | 'date' | 'url' | 'name';

const MONTHS = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

export const EXTRACTORS: Record<ExtractorKind, (text: string) => string[]> = {
  email: (t) => {
    // Scanning from each "@" is much cheaper on long conversations than a regex over every position.
    const out: string[] = [];
    for (let at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) {
      const left = /(?<![\w.+-])[\w.+-]+$/.exec(t.slice(Math.max(0, at - 64), at));
      const right = /^[\w-]+(?:\.[\w-]+)+/.exec(t.slice(at + 1, at + 256));
      if (left && right) out.push(`${left[0]}@${right[0]}`);
    }
    return out;
  },
  phone: (t) =>
    (t.match(/(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}\b|\+\d{8,15}\b/g) ?? []).filter((p) => {
      const digits = p.replace(/\D/g, '');
      // Dates and amounts look like digit groups too; a phone number has 8 to 15 digits and no date shape.
      return digits.length >= 8 && digits.length <= 15 && !/^\d{4}-\d{2}-\d{2}$/.test(p.trim());
    }),
  order: (t) => {
    const out: string[] = [];
    const label =
      /\b(?:order|pedido|commande|bestellung|bestellnummer|encomenda|ticket|booking|reservation|reference|ref|tracking|confirmation|invoice|case)(?:\s*(?:number|no\.?|num|id|#|nr\.?|numero|nummer))?(?:\s*(?:is|es|est|ist|e))?(?:\s*[:#])?\s*([A-Z]{0,5}-?\d[\w-]{2,})/gi;
    for (const m of t.matchAll(label)) out.push(m[1]);
    for (const m of t.matchAll(/(?:^|\s)#\s?([A-Z]{0,5}-?\d[\w-]{2,})/g)) out.push(m[1]);
    return [...new Set(out)];
  },
  amount: (t) =>
    t.match(/(?:[$€£¥₹]\s?\d[\d,.]*\d|[$€£¥₹]\s?\d|\b\d[\d,.]*\s?(?:usd|eur|gbp|inr|dollars?|euros?|pounds?|rupees?|rs\.?)(?![a-z]))/gi) ??
    [],
  date: (t) =>
    t.match(
      new RegExp(
        `\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b|\\b${MONTHS} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?\\b|\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTHS}(?: \\d{4})?\\b|\\b(?:yesterday|today|tomorrow|last (?:week|month|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\b`,
        'gi',
      ),
    ) ?? [],
  url: (t) => t.match(/https?:\/\/[^\s<>"')]+/g) ?? [],
  name: (t) => {
    const m =
      /\b(?:my name is|my name's|this is|i am|i'm|me llamo|mi nombre es|je m'appelle|je suis|ich heiße|ich heisse|mein name ist|meu nome é|meu nome e|eu sou|me chamo)\s+([A-ZÀ-Ý][\p{L}'-]+(?:\s[A-ZÀ-Ý][\p{L}'-]+)?)/u.exec(
        t,
      );
    return m ? [m[1]] : [];
  },
};

/** Which extractor a field asks for, judged from its name and description; null when none fits. */
export function extractorFor(field: string, description: string): ExtractorKind | null {
  const s = `${field.replace(/[_-]+/g, ' ')} ${description}`.toLowerCase();
  if (/e-?mail|correo|courriel/.test(s)) return 'email';
  if (/phone|mobile|telephone|cell|whatsapp|tel[eé]fono|telefon/.test(s)) return 'phone';
  if (/\burl\b|\blink\b|website|web page|webpage/.test(s)) return 'url';
  if (
    /\b(order|booking|reservation|reference|ticket|tracking|invoice|confirmation|case) ?(number|no|id|#|code|ref)?\b/.test(s) &&
    !/\b(amount|date|status)\b/.test(s)
  )
    return 'order';
  if (/amount|price|cost|money|charge|refund|total|sum|paid|payment|balance|fee/.test(s)) return 'amount';
  if (/\bdate\b|\bwhen\b|\bday\b|deadline|since|fecha|datum/.test(s)) return 'date';
  if (/\bname\b|nombre|\bnom\b|nome/.test(s) && !/product|item|company|store|file/.test(s)) return 'name';
  return null;
}

/** "number_of_esim": looks for "3 eSIMs" / "eSIMs: 3" / "two eSIMs" using the field's own noun. */
export function countFor(field: string, text: string): string | null {
  const m =
    /(?:number_of_|num_|count_of_|how_many_|quantity_of_|qty_)([a-z]+)/i.exec(field) ??
    /^([a-z]+)_(?:count|quantity|number|qty)$/i.exec(field);
  if (!m) return null;
  const noun = m[1].replace(/s$/i, '');
  const words = 'one|two|three|four|five|six|seven|eight|nine|ten';
  const re = new RegExp(`\\b(\\d+|${words})\\s+(?:\\w+\\s)?${noun}s?\\b|\\b${noun}s?\\s*[:=]\\s*(\\d+)`, 'i');
  const hit = re.exec(text);
  return hit ? (hit[1] ?? hit[2]) : null;
}

/** "destination": looks for "to/in <Capitalised Place>". */
export function placeFor(field: string, description: string, text: string): string | null {
  if (!/destination|country|city|location|place|where|travel/i.test(`${field} ${description}`)) return null;
  const m = /\b(?:to|in|visiting|travel(?:l?ing)? to|going to|trip to|flying to)\s+((?:[A-Z][a-zà-ÿ]+)(?:\s[A-Z][a-zà-ÿ]+)?)/.exec(text);
  if (!m || /^(The|My|Our|Your|A|An|I)$/.test(m[1].split(' ')[0])) return null;
  return m[1];
}
