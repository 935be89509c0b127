import type { Conversation } from '../schema/conversation';
import { analyseBotMessage, mayHaveHandedOff, type BotFinding } from './handoff';

export interface BotReading {
  /** The latest confirmed handoff in the window (or repeated failures to understand). */
  handoff?: { index: number; finding: BotFinding };
  /** What the latest bot replies leave open: still collecting details, an offer, a vague "may need review". */
  pending?: { index: number; finding: BotFinding };
}

// Only the latest bot replies can leave a handoff pending; older ones are read for confirmed handoffs only.
const RECENT_BOT_REPLIES = 10;
const MEMO_SIZE = 10_000;

// Bot messages repeat across re-checks of the same conversation; their analysis is pure, so it is memoised.
const findings = new Map<string, BotFinding | null>();
const noHandoff = new Set<string>();

function analyse(text: string): BotFinding | null {
  let f = findings.get(text);
  if (f === undefined) {
    f = analyseBotMessage(text);
    if (findings.size >= MEMO_SIZE) findings.clear();
    findings.set(text, f);
  }
  return f;
}

function mayHandOff(text: string): boolean {
  if (findings.has(text)) return true;
  if (noHandoff.has(text)) return false;
  const may = mayHaveHandedOff(text);
  if (!may) {
    if (noHandoff.size >= MEMO_SIZE) noHandoff.clear();
    noHandoff.add(text);
  }
  return may;
}

/** The finding of one bot message (memoised), for callers that look at a single reply. */
export function botFinding(text: string): BotFinding | null {
  return analyse(text);
}

/** Reads the bot's side of the window: what it handed off, and what it leaves pending. */
export function readBotMessages(conv: Conversation, from: number): BotReading {
  const msgs = conv.messages;
  let recentFrom = msgs.length;
  for (let i = msgs.length - 1, n = 0; i >= from && n < RECENT_BOT_REPLIES; i--) {
    if (msgs[i].role === 'bot' && !msgs[i].internal) {
      recentFrom = i;
      n++;
    }
  }
  let handoff: BotReading['handoff'];
  let pending: BotReading['pending'];
  let handoffTalk = false;
  const fallbacks: { index: number; finding: BotFinding }[] = [];
  for (let i = from; i < msgs.length; i++) {
    const m = msgs[i];
    if (m.role !== 'bot' || m.internal) continue;
    const f = i < recentFrom && !mayHandOff(m.text) ? null : analyse(m.text);
    if (f?.kind === 'handoff') {
      handoff = { index: i, finding: f };
      pending = undefined;
    } else if (f?.kind === 'fallback') fallbacks.push({ index: i, finding: f });
    else if (f) {
      // Details asked for with no handoff in sight are the bot doing its own job, not a pending handoff.
      if (f.kind !== 'collecting' || f.handoffContext || handoffTalk) pending = { index: i, finding: f };
      handoffTalk ||= f.handoffContext || f.kind === 'offer' || f.kind === 'vague';
    } else if (m.text.split(/\s+/, 12).length >= 12) {
      // A real answer from the bot: what it was still collecting, or failing to understand, is behind it.
      pending = undefined;
      fallbacks.length = 0;
    }
  }
  // One "I didn't understand" without asking to rephrase, or two of any kind: the bot cannot follow.
  if (!handoff && fallbacks.length && (fallbacks.length >= 2 || fallbacks.some((f) => !f.finding.retrying))) handoff = fallbacks.at(-1);
  return { handoff, pending };
}
