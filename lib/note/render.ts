/**
 * The escalation note is written (and edited by the agent) in a small Markdown subset: paragraphs, "- " list
 * items, **bold**, and backslash escapes for characters that must stay literal. Helpdesks show notes either
 * as HTML (an HTML body, or an HTML twin beside the plain text) or as plain text; both forms come from here
 * so the sidebar preview, the posted note and its plain-text twin always agree. Everything is escaped before
 * any markup is added, so customer text quoted in a note can never become HTML.
 */
export interface RenderedNote {
  html: string;
  text: string;
}

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul'; items: string[] };

const ESCAPABLE = new Set('\\`*_<>[]()#+-.!|{}');

/** One character of a line: `literal` when it came from a backslash escape and can never be markup. */
type Unit = { c: string; literal: boolean };

function unitsOf(line: string): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length && ESCAPABLE.has(line[i + 1])) out.push({ c: line[++i], literal: true });
    else out.push({ c, literal: false });
  }
  return out;
}

const isStar = (u: Unit | undefined) => !!u && !u.literal && u.c === '*';
const isSpace = (u: Unit | undefined) => !u || /\s/.test(u.c);

/**
 * Inline markup of one line in a single left-to-right pass: "**" opens bold before a non-space and closes
 * after one; escaped characters are marked literal, so they never open or close bold and need no in-band
 * placeholder that note text could forge.
 */
function inline(line: string, strong: (inner: string) => string, esc: (text: string) => string): string {
  const units = unitsOf(line);
  let out = '';
  let open = -1;
  let pending = '';
  const flush = (text: string) => (open < 0 ? (out += text) : (pending += text));
  for (let i = 0; i < units.length; i++) {
    const pair = isStar(units[i]) && isStar(units[i + 1]);
    if (pair && open >= 0 && i >= open + 3 && !isSpace(units[i - 1])) {
      out += strong(pending);
      pending = '';
      open = -1;
      i++;
      continue;
    }
    if (pair && open < 0 && !isSpace(units[i + 2])) {
      open = i;
      i++;
      continue;
    }
    flush(esc(units[i].c));
  }
  if (open >= 0) out += esc('**') + pending;
  return out;
}

function blocks(note: string): Block[] {
  const out: Block[] = [];
  for (const line of note.replace(/\r\n?/g, '\n').split('\n')) {
    const last = out[out.length - 1];
    if (!line.trim()) {
      out.push({ kind: 'p', lines: [] });
      continue;
    }
    const item = /^\s*[-*•]\s+(.*)$/.exec(line);
    if (item) {
      if (last?.kind === 'ul') last.items.push(item[1]);
      else out.push({ kind: 'ul', items: [item[1]] });
    } else if (last?.kind === 'p') last.lines.push(line);
    else out.push({ kind: 'p', lines: [line] });
  }
  return out.filter((b) => (b.kind === 'p' ? b.lines.length > 0 : true));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const inlineHtml = (line: string) => inline(line, (inner) => `<strong>${inner}</strong>`, escapeHtml);
const inlineText = (line: string) =>
  inline(
    line,
    (inner) => inner,
    (t) => t,
  );

export function renderNote(note: string): RenderedNote {
  const bs = blocks(note);
  const html = bs
    .map((b) =>
      b.kind === 'ul'
        ? `<ul>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`
        : `<p>${b.lines.map(inlineHtml).join('<br>')}</p>`,
    )
    .join('');
  const text = bs
    .map((b) => (b.kind === 'ul' ? b.items.map((i) => `- ${inlineText(i)}`).join('\n') : b.lines.map(inlineText).join('\n')))
    .join('\n\n');
  return { html, text };
}
