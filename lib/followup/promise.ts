import type { Conversation } from '../schema/conversation';
import type { Verdict } from '../schema/verdict';
import { isHumanReply } from './owner';

const PROMISE_ACTS: readonly string[] = ['transfers_now', 'commits_future'];

export interface HandoffPromise {
  /** Index into conversation.messages of the bot message that promised. */
  messageIndex: number;
  /** The sentence that promised, or the start of the message. */
  quote: string;
  /** The message's time, when the helpdesk gave one. */
  at?: string;
}

const promises = (acts: readonly string[]) => acts.some((a) => PROMISE_ACTS.includes(a));

/**
 * The earliest bot message after the last human agent reply that promised a handoff, or null. Read from the
 * engine's acts; when the verdict carries none (an engine that did not report them), from `promised`, the
 * indexes of promising bot messages the background read (lib/followup/promises.ts). A customer taking the request back afterwards ("never mind,
 * I found it") cancels the promise.
 */
export function promiseOf(
  conversation: Conversation,
  verdict: Verdict,
  promised: readonly number[] = [],
  /** A message index the promise must come after (the latest Return to bot: what came before it was answered). */
  after = -1,
): HandoffPromise | null {
  const msgs = conversation.messages;
  let lastHuman = after;
  msgs.forEach((m, i) => {
    if (isHumanReply(m) && i > lastHuman) lastHuman = i;
  });
  const isBotTurn = (i: number) => i > lastHuman && msgs[i]?.role === 'bot' && !msgs[i]?.internal;

  let index: number | undefined;
  if (verdict.acts) {
    index = verdict.acts
      .filter((a) => a.role === 'bot' && isBotTurn(a.messageIndex) && promises(a.acts))
      .map((a) => a.messageIndex)
      .sort((a, b) => a - b)[0];
    const tookBack = verdict.acts.some(
      (a) => a.role === 'customer' && index !== undefined && a.messageIndex > index && a.acts.includes('takes_back'),
    );
    if (tookBack) return null;
  } else {
    index = promised.filter(isBotTurn).sort((a, b) => a - b)[0];
  }
  if (index === undefined) return null;
  const m = msgs[index]!;
  const evidence = verdict.signals.find((s) => s.kind === 'bot_handed_off' && s.evidence.messageIndex === index);
  const quote = evidence?.evidence.quote || m.text.slice(0, 200);
  return { messageIndex: index, quote, ...(m.createdAt ? { at: m.createdAt } : {}) };
}
