import type { Conversation } from '../schema/conversation';
import type { Verdict } from '../schema/verdict';
import { readBotTurn } from '../engine/acts/bot';
import type { BotActKind } from '../engine/acts/types';
import { isHumanReply } from './owner';

/**
 * Acts in which the bot tells the customer that someone else will act: a transfer done now, or a commitment
 * that the team will follow up. `cannot_help` alone and `redirects` (call us, write to billing@) promise
 * nothing the helpdesk should show, so they are left out. The act readers already exclude the customer as
 * the one who acts ("you will receive an email" is no commitment).
 */
const PROMISE_ACTS: readonly BotActKind[] = ['transfers_now', 'commits_future'];

export interface HandoffPromise {
  /** Index into conversation.messages of the bot message that promised. */
  messageIndex: number;
  /** The sentence that promised, or the start of the message. */
  quote: string;
  /** The message's time, when the helpdesk gave one. */
  at?: string;
}

const promises = (acts: readonly string[]) => acts.some((a) => (PROMISE_ACTS as readonly string[]).includes(a));

/**
 * The earliest bot message after the last human agent reply that promised a handoff, or null. Read from the
 * engine's acts; when the verdict carries none (an engine that did not report them), the bot_handed_off
 * evidence is read again with the act readers. A customer taking the request back afterwards ("never mind,
 * I found it") cancels the promise.
 */
export function promiseOf(conversation: Conversation, verdict: Verdict): HandoffPromise | null {
  const msgs = conversation.messages;
  let lastHuman = -1;
  msgs.forEach((m, i) => {
    if (isHumanReply(m)) lastHuman = i;
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
    index = verdict.signals
      .filter((s) => s.kind === 'bot_handed_off' && isBotTurn(s.evidence.messageIndex))
      .map((s) => s.evidence.messageIndex)
      .filter((i) => promises(readBotTurn(msgs[i]!.text).map((a) => a.kind)))
      .sort((a, b) => a - b)[0];
  }
  if (index === undefined) return null;
  const m = msgs[index]!;
  const evidence = verdict.signals.find((s) => s.kind === 'bot_handed_off' && s.evidence.messageIndex === index);
  const quote = evidence?.evidence.quote || readBotTurn(m.text).find((a) => promises([a.kind]))?.quote || m.text.slice(0, 200);
  return { messageIndex: index, quote, ...(m.createdAt ? { at: m.createdAt } : {}) };
}
