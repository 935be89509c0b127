/**
 * The internal note "Return to bot" posts, written in the note Markdown subset (lib/note/render.ts) so every
 * helpdesk renders it like the escalation note. The agent's words are data: each of them is kept literal
 * (backslash escapes for the subset's markup, then renderNote escapes HTML), and a line stays one line.
 */
const HANDBACK_TITLE = 'Handed back to the bot';

/** What the bot may do next when the agent wrote nothing for it: the ordinary, safe reading of a hand-back. */
export function defaultNext(line: string): string {
  return `Carry on with the customer as usual; treat "${oneLine(line)}" as settled and do not hand the conversation off again for it.`;
}

/** `recordLine`: the handoff record's note line (lib/record/codec.ts recordNoteLine), already escaped, kept last. */
export function handBackNote(line: string, next?: string, recordLine?: string): { note: string; next: string } {
  const nextLine = next && oneLine(next) ? oneLine(next) : defaultNext(line);
  const note = [`**${HANDBACK_TITLE}**`, `What was done: ${literal(oneLine(line))}`, `What the bot may do next: ${literal(nextLine)}`].join(
    '\n',
  );
  return { note: recordLine ? `${note}\n\n${recordLine}` : note, next: nextLine };
}

/** Line breaks (pasted text) become spaces: the note's layout is Baton's, never the agent's input's. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every character the note subset gives a meaning to, escaped, so "**" or "\\" typed by the agent stays as typed. */
function literal(text: string): string {
  return text.replace(/[\\`*_<>[\]()#+\-.!|{}]/g, '\\$&');
}
