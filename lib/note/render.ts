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

const ESCAPABLE = /\\([\\`*_<>[\]()#+\-.!|{}])/g;
const PLACEHOLDER = '\u0000';

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

/** Inline markup of one line: escapes are kept aside first so an escaped "*" never opens bold. */
function inlineHtml(line: string): string {
  const kept: string[] = [];
  const shielded = line.replace(ESCAPABLE, (_, c: string) => `${PLACEHOLDER}${kept.push(c) - 1}${PLACEHOLDER}`);
  return escapeHtml(shielded)
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>')
    .replace(new RegExp(`${PLACEHOLDER}(\\d+)${PLACEHOLDER}`, 'g'), (_, i: string) => escapeHtml(kept[Number(i)]));
}

function inlineText(line: string): string {
  const kept: string[] = [];
  const shielded = line.replace(ESCAPABLE, (_, c: string) => `${PLACEHOLDER}${kept.push(c) - 1}${PLACEHOLDER}`);
  return shielded
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(new RegExp(`${PLACEHOLDER}(\\d+)${PLACEHOLDER}`, 'g'), (_, i: string) => kept[Number(i)]);
}

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
