import { planRoom } from '@/lib/retention/plan';
import { bytesOf, readEntries, removeEntries } from './entries';

/**
 * At least this much is freed once storage is full (a tenth of Chrome's 10 MB storage.local), so the writes
 * right after (the rest of an escalation's steps) do not hit the quota again.
 */
const ROOM_BYTES = 1024 * 1024;

/** Chrome: "Resource::kQuotaBytes quota exceeded"; Firefox and others: a QuotaExceededError. */
function isQuotaError(e: unknown): boolean {
  for (let err = e; err instanceof Error; err = err.cause) {
    if (err.name === 'QuotaExceededError' || /quota/i.test(err.message)) return true;
  }
  return false;
}

export interface WriteOptions {
  /** Storage key (no area prefix) and the value about to be written there. */
  key: string;
  value: unknown;
  /** Names it in messages, e.g. "the escalation progress". */
  what: string;
  /**
   * A journal write: an escalation depends on it, so it throws a plain sentence if even a clean-up leaves
   * no room. Otherwise (a draft, a copy) the write is dropped with a logged reason and never blocks anything.
   */
  essential: boolean;
}

/**
 * Runs one write; if storage is full, frees room (see planRoom: oldest drafts first, then settled journals,
 * oldest first) and tries once more. Resolves true when the value was written.
 */
export async function writeWithRoom(write: () => Promise<void>, o: WriteOptions): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    if (!isQuotaError(e)) throw e;
  }
  try {
    await makeRoom(Math.max(2 * bytesOf(o.key, o.value), ROOM_BYTES), o.key);
    await write();
    return true;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (o.essential) {
      if (!isQuotaError(e)) throw e;
      throw new Error(
        `Baton could not save ${o.what}: its browser storage is full and clearing old drafts and escalations did not free enough room (${why}).`,
        { cause: e },
      );
    }
    console.warn(`[baton] ${o.what} was not saved: browser storage is full (${why}).`);
    return false;
  }
}

/** Removes what planRoom picks to free `need` bytes, never `keep`. */
async function makeRoom(need: number, keep: string): Promise<void> {
  await removeEntries(planRoom(await readEntries(), need, keep));
}
