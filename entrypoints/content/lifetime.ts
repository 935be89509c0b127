/**
 * Everything the content script starts lives as long as an AbortSignal: the content script's (WXT's
 * `ctx.signal`, aborted on an extension update) or one open conversation's (aborted when the agent opens
 * another). Listeners, observers and timers started through these helpers go away with it.
 */

/** A signal aborted with `parent`, or earlier by its own controller. */
export function childOf(parent: AbortSignal): AbortController {
  const child = new AbortController();
  if (parent.aborted) child.abort();
  else parent.addEventListener('abort', () => child.abort(), { once: true, signal: child.signal });
  return child;
}

/** Runs `fn` once when `signal` aborts (at once if it already has). */
export function onAbort(signal: AbortSignal, fn: () => void): void {
  if (signal.aborted) fn();
  else signal.addEventListener('abort', fn, { once: true });
}

export function observe(signal: AbortSignal, target: Node, options: MutationObserverInit, callback: () => void): void {
  if (signal.aborted) return;
  const observer = new MutationObserver(callback);
  observer.observe(target, options);
  onAbort(signal, () => observer.disconnect());
}

export function later(signal: AbortSignal, fn: () => void, ms: number): void {
  if (signal.aborted) return;
  const timer = setTimeout(() => {
    signal.removeEventListener('abort', cancel);
    fn();
  }, ms);
  const cancel = () => clearTimeout(timer);
  signal.addEventListener('abort', cancel, { once: true });
}

export function every(signal: AbortSignal, fn: () => void, ms: number): void {
  if (signal.aborted) return;
  const timer = setInterval(fn, ms);
  onAbort(signal, () => clearInterval(timer));
}

/**
 * Calls `fn` `ms` after the last `trigger()`; a trigger while one is pending restarts the wait. Nothing fires
 * after `signal` aborts.
 */
export function debounced(signal: AbortSignal, fn: () => void, ms: number): () => void {
  let pending: AbortController | null = null;
  return () => {
    pending?.abort();
    pending = childOf(signal);
    const mine = pending;
    later(
      mine.signal,
      () => {
        if (pending === mine) pending = null;
        fn();
      },
      ms,
    );
  };
}
