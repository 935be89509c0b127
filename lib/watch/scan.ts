import type { Conversation, ConversationRef } from '../schema/conversation';
import type { WatchEntry } from '../schema/watch';
import type { WatchChanges } from '../platforms/types';
import type { Judgement } from './judge';

/** Where the watch keeps its entries and, per watched list, the stamp the next scan starts from. */
export interface WatchStore {
  get(key: string): Promise<WatchEntry | undefined>;
  put(entry: WatchEntry): Promise<void>;
  cursor(list: string): Promise<string | null>;
  setCursor(list: string, stamp: string | null): Promise<void>;
}

export interface ScanDeps {
  /** Names the watched list, for its cursor: platform, account and inbox or view. */
  list: string;
  changes(since: string | null): Promise<WatchChanges>;
  ref(id: string): ConversationRef;
  key(ref: ConversationRef): string;
  read(ref: ConversationRef): Promise<Conversation>;
  judge(conversation: Conversation, ref: ConversationRef): Promise<Judgement>;
  store: WatchStore;
  now(): Date;
}

export interface ScanResult {
  listed: number;
  /** Conversations read in full. */
  read: number;
  /** Requests the listing took (reads are counted by the caller's transport). */
  listRequests: number;
  /** Entries written by this scan (read, or only their stamp moved). */
  updated: WatchEntry[];
}

/** The newest message's id, else its time: what the verdict is about. */
function lastMessageOf(c: Conversation): string {
  const last = c.messages.at(-1);
  return last?.id ?? last?.createdAt ?? '';
}

/**
 * One incremental scan of a watched list: asks the helpdesk which conversations changed since the last scan,
 * and reads only those. A conversation whose update stamp did not move is not read; one whose newest message
 * (when the list names it) is the one already judged, and that needed nothing and waited on nobody, only has
 * its stamp moved: a tag or an assignment cannot make it need a human. Everything else is read and judged.
 * The cursor moves only after every changed conversation was handled, so a scan cut short is redone.
 */
export async function scanList(deps: ScanDeps): Promise<ScanResult> {
  const since = await deps.store.cursor(deps.list);
  const changes = await deps.changes(since);
  const updated: WatchEntry[] = [];
  let read = 0;
  for (const item of changes.items) {
    const ref = deps.ref(item.id);
    const key = deps.key(ref);
    const prev = await deps.store.get(key);
    if (prev && prev.updatedAt === item.updatedAt) continue;
    if (prev && item.lastMessage && sameMessage(prev.lastMessage, item.lastMessage) && !prev.needs.length && !prev.pendingPickupSince) {
      const moved = { ...prev, updatedAt: item.updatedAt };
      await deps.store.put(moved);
      updated.push(moved);
      continue;
    }
    const conversation = await deps.read(ref);
    read++;
    const j = await deps.judge(conversation, ref);
    const now = deps.now().toISOString();
    const entry: WatchEntry = {
      key,
      ref,
      updatedAt: item.updatedAt,
      lastMessage: item.lastMessage ?? lastMessageOf(conversation),
      needs: j.needs,
      readAt: now,
      announced: prev?.announced.filter((a) => j.needs.some((n) => needId(n) === a)) ?? [],
      ...(j.subject ? { subject: j.subject } : {}),
      ...(j.evidence ? { evidence: j.evidence } : {}),
      ...(j.subAgent ? { subAgent: j.subAgent } : {}),
      ...(j.waitingSince ? { waitingSince: j.waitingSince } : {}),
      ...(j.pendingPickupSince ? { pendingPickupSince: j.pendingPickupSince } : {}),
      ...(j.needs.length || j.pendingPickupSince ? { firstNeededAt: prev?.firstNeededAt ?? now } : {}),
    };
    await deps.store.put(entry);
    updated.push(entry);
  }
  await deps.store.setCursor(deps.list, changes.newest);
  return { listed: changes.items.length, read, listRequests: changes.requests, updated };
}

/** Ids compare as given; times (a list may name the newest message by its time) as instants. */
function sameMessage(a: string, b: string): boolean {
  if (a === b) return true;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return !Number.isNaN(ta) && ta === tb;
}

/** One need as the webhooks are told about it once: its kind, and its signal for Escalate. */
export function needId(n: WatchEntry['needs'][number]): string {
  return n.kind === 'escalate' && n.signal ? `escalate:${n.signal}` : n.kind;
}
