import type { Conversation } from '../schema/conversation';
import type { Journal } from '../schema/plan';
import { hasMarker } from '../platforms/marker';
import { parseRecords } from '../record/codec';

const validTime = (s: string | undefined): s is string => !!s && !Number.isNaN(Date.parse(s));

/**
 * Where the latest Return to bot sits in the thread, as a message index: the hand-back note this browser
 * posted (its marker), a note carrying a `returned` record (any browser's), or else the last message no later
 * than the journal's `resumedAt`. -1 when the conversation was never returned, or was escalated again since
 * (an `escalated` record after it). What the bot promised up to here, the escalation that the return ended
 * already answered; the escalation tags left from before it no longer show a handoff.
 */
export function returnIndex(conversation: Conversation, journal: Journal | null): number {
  const msgs = conversation.messages;
  const marker = journal?.resumedAt ? journal.handBack?.noteMarker : undefined;
  let back = -1;
  let escalated = -1;
  msgs.forEach((m, i) => {
    if (!m.internal) return;
    const kinds = parseRecords(m.text).records.map((r) => r.kind);
    if (kinds.includes('returned') || (marker && hasMarker(m.text, marker))) back = i;
    else if (kinds.includes('escalated')) escalated = i;
  });
  if (back < 0 && journal?.resumedAt && validTime(journal.resumedAt)) {
    const t = Date.parse(journal.resumedAt);
    back = msgs.reduce((last, m, i) => (validTime(m.createdAt) && Date.parse(m.createdAt) <= t ? i : last), -1);
  }
  return escalated > back ? -1 : back;
}
