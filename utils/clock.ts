import { storage } from 'wxt/utils/storage';

/**
 * Baton's idea of "now". Normally the computer's clock; end-to-end tests move it (to a Saturday evening, an
 * hour after an escalation) by writing an offset in milliseconds to `local:baton:clock-offset`, which only
 * the extension itself can write. Times shown to agents and business-hours decisions read it; request
 * timestamps and logs keep the real clock.
 */
const offsetItem = storage.defineItem<number>('local:baton:clock-offset', { fallback: 0 });

let offset = 0;
let started: Promise<void> | null = null;

/** Reads the offset once and follows changes; call before the first `now()` that matters. */
export function startClock(): Promise<void> {
  started ??= (async () => {
    offset = Number(await offsetItem.getValue()) || 0;
    offsetItem.watch((v) => {
      offset = Number(v) || 0;
    });
  })();
  return started;
}

export function now(): Date {
  return new Date(Date.now() + offset);
}
