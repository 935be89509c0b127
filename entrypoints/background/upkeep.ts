import { browser } from 'wxt/browser';
import { isSettled } from '@/lib/retention/rules';
import { runUpkeep } from '@/utils/storage';
import { onJournalWrites } from '@/utils/storage/journals';
import { FRESH_MS } from './notify';

const DAILY = 'baton:storage-upkeep';
const AFTER_FINISH = 'baton:storage-upkeep-finished';
/** After a finish, the notifier's window plus a margin: the finished journal's text is stripped then. */
const AFTER_FINISH_MS = FRESH_MS + 60_000;

async function upkeep(): Promise<void> {
  try {
    await runUpkeep({ quietMs: FRESH_MS });
  } catch (e) {
    console.warn('[baton] storage clean-up failed:', e);
  }
}

/**
 * Keeps storage.local bounded: cleans up when the worker starts (once `ready`: the handoff log has caught up
 * with the stored journals, so nothing is pruned before it is logged), every day, and shortly after an
 * escalation or hand-back settles (its customer text goes once the notifier is done with it).
 */
export function installUpkeep(ready: Promise<void>): void {
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY || alarm.name === AFTER_FINISH) void upkeep();
  });
  void (async () => {
    if (!(await browser.alarms?.get(DAILY))) await browser.alarms?.create(DAILY, { periodInMinutes: 24 * 60 });
  })().catch(() => {});
  onJournalWrites((writes) => {
    const settled = writes.some((w) => w.value && isSettled(w.value) && !(w.previous && isSettled(w.previous)));
    // Replaces a pending one: a burst of escalations is cleaned up once, after the last.
    if (settled) void browser.alarms?.create(AFTER_FINISH, { when: Date.now() + AFTER_FINISH_MS })?.catch(() => {});
  });
  void ready.then(upkeep, upkeep);
}
