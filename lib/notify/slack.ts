import type { EscalationEvent } from './event';
import { signalLabel } from '../signals/registry';

/**
 * Slack reads &, < and > as markup in mrkdwn and in the `text` fallback (`<!channel>` would ping everyone,
 * `<https://x|y>` would hide a link), so every piece of customer or team text is escaped before it goes in:
 * only these three, as Slack's formatting reference asks (api.slack.com/reference/surfaces/formatting#escaping).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * mrkdwn has no backslash escape, so customer and team text could turn bold, italic, struck or code; a
 * zero-width space after each of these characters keeps it literal (and still readable).
 */
function plainMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/[*_~`]/g, '$&\u200b');
}

/** Slack refuses a section whose text is over 3,000 characters and a header over 150. */
const SECTION_MAX = 3000;
const HEADER_MAX = 150;
const QUOTE_MAX = 280;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A link Slack shows as its label; the label is escaped, the address percent-encodes what Slack would read. */
function link(url: string, label: string): string {
  const safe = url.replace(/[<>|]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
  return `<${safe}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/** `verbatim` stops Slack from turning bare addresses and #names in customer text into links; Baton's own links stay. */
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string) => ({ type: 'section', text: mrkdwn(clip(text, SECTION_MAX)) });

export interface SlackMessage {
  text: string;
  blocks: unknown[];
}

/** A Slack incoming-webhook message: a plain fallback `text` (notifications, old clients) plus Block Kit blocks. */
export function slackMessage(e: EscalationEvent): SlackMessage {
  const where = `${e.platformLabel} conversation ${e.conversation.id}`;
  const target = e.target ? `${e.target.name}` : 'no target';
  const test = e.event === 'test' ? 'Test from Baton: ' : '';
  const headline = e.event === 'needs_human' ? 'Needs a human' : `${test}Escalated to ${target}`;
  const text = `${escapeMrkdwn(`${headline}: `)}${plainMrkdwn(e.reason)}${escapeMrkdwn(` (${where})`)}`;

  const summaryLines = Object.entries(e.summary)
    .filter((entry): entry is [string, string] => !!entry[1])
    .map(([field, value]) => `*${plainMrkdwn(field)}:* ${plainMrkdwn(value)}`);
  const quotes = e.signals
    .filter((s) => s.quote.trim())
    .map((s) => `${escapeMrkdwn(`${signalLabel(s.kind)}:`)}\n> ${plainMrkdwn(clip(s.quote.replace(/\s+/g, ' ').trim(), QUOTE_MAX))}`);
  const context = [
    e.subAgent ? `Sub agent: ${plainMrkdwn(e.subAgent)}` : null,
    e.override ? 'Escalated against the verdict' : null,
    e.event === 'needs_human' ? `Found ${escapeMrkdwn(e.escalatedAt)}` : `Escalated ${escapeMrkdwn(e.escalatedAt)}`,
  ].filter((c): c is string => !!c);

  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(headline, HEADER_MAX), emoji: false } },
    section(`*Reason:* ${plainMrkdwn(e.reason)}\n${link(e.conversation.url, `Open ${where}`)}`),
  ];
  if (summaryLines.length) blocks.push(section(summaryLines.join('\n')));
  if (quotes.length) blocks.push(section(`*Evidence*\n${quotes.join('\n')}`));
  if (e.note) blocks.push(section(`*Note*\n${plainMrkdwn(e.note)}`));
  blocks.push({ type: 'context', elements: context.map(mrkdwn) });
  return { text: clip(text, SECTION_MAX), blocks };
}
