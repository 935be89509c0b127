import { QUEUE_INBOX, queueStories, storyTimes } from '../../watch-queue';
import { id36, type FConversation, type FrontState } from './state';

const FIRST_QUEUE_CONVERSATION = 3001;

/** The conversations of one inbox, most recently updated first (GET /inboxes/{id}/conversations). */
export function inboxConversations(state: FrontState, inboxId: string): FConversation[] {
  return [...state.conversations.values()].filter((c) => c.inboxId === inboxId).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** POST /__admin/front/watch-queue: the watched inbox and its 50 bot conversations (watch-queue.ts). */
export function seedQueue(state: FrontState, now = Date.now(), copies = 1): { inboxId: string; conversations: Record<string, string> } {
  const inboxId = id36('inb', QUEUE_INBOX.num);
  if (!state.inboxes.some((i) => i.id === inboxId)) state.inboxes.push({ id: inboxId, num: QUEUE_INBOX.num, name: QUEUE_INBOX.name });
  const conversations: Record<string, string> = {};
  queueStories(copies).forEach((s, i) => {
    const num = FIRST_QUEUE_CONVERSATION + i;
    const times = storyTimes(s, now).map((t) => t / 1000);
    const c: FConversation = {
      id: id36('cnv', num),
      num,
      key: s.key,
      subject: s.subject,
      contact: { ...s.customer },
      tagIds: s.tags.map((t) => (state.tagByName(t) ?? state.createTag(t)).id),
      assigneeId: null,
      inboxId,
      status: 'open',
      createdAt: times[0],
      updatedAt: times[0],
      items: [],
    };
    state.conversations.set(c.id, c);
    s.messages.forEach((m, j) => {
      state.addItem(c, m.role, m.text).at = times[j];
    });
    c.updatedAt = times.at(-1)!;
    conversations[s.key] = c.id;
  });
  return { inboxId, conversations };
}
