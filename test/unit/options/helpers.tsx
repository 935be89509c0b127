import { act } from 'react';
import { optionsPage } from '@/test/fixtures/senders';
import { resetSecrets } from '@/test/fixtures/secrets';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { initialState, useOptions } from '@/components/options/state/store';
import { dispatch } from '@/entrypoints/background/dispatch';
import { handlers as backgroundHandlers } from '@/entrypoints/background/handlers/index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Reply = { ok: true; data: unknown } | { ok: false; error: string };
export type Handler = (msg: { type: string; [k: string]: unknown }) => Reply | Promise<Reply>;

/**
 * Stands in for the background worker: each request type answered by the test. Secrets are read and
 * written by the real background handlers (on the fake browser's storage), as the options page cannot.
 */
export function stubBackground(handlers: Record<string, Handler> = {}) {
  const real: Record<string, Handler> = {
    secretPresence: (msg) => dispatch(msg, optionsPage(), backgroundHandlers),
    saveSecrets: (msg) => dispatch(msg, optionsPage(), backgroundHandlers),
  };
  const fn = vi.fn(async (msg: { type: string }) => {
    const h = handlers[msg.type] ?? real[msg.type];
    return h ? h(msg as never) : { ok: false, error: `no stub for ${msg.type}` };
  });
  (fakeBrowser.runtime as { sendMessage: unknown }).sendMessage = fn;
  return fn;
}

/** Also forgets saved secrets, which live outside fakeBrowser's storage. */
export async function resetAll(): Promise<void> {
  await resetSecrets();
  fakeBrowser.reset();
  stubBackground();
  useOptions.setState(initialState(), true);
}

let root: Root | null = null;
let container: HTMLElement | null = null;

export async function mount(): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(<OptionsApp />));
  await waitFor(() => useOptions.getState().phase !== 'loading');
  return container;
}

export async function unmount(): Promise<void> {
  await act(async () => root?.unmount());
  container?.remove();
  root = null;
  container = null;
}

export async function waitFor<T>(check: () => T, timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = check();
      if (v !== false && v !== undefined && v !== null) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() - start > timeoutMs) throw last ?? new Error('waitFor timed out');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
}

export const $ = <T extends Element = HTMLElement>(sel: string): T => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`not found: ${sel}`);
  return el;
};
export const byTestId = <T extends Element = HTMLElement>(id: string): T => $<T>(`[data-testid="${id}"]`);

/** Types like a user would: React listens to input events, so the native setter plus an event is needed. */
export async function type(el: Element, value: string): Promise<void> {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(el: Element, value: string): Promise<void> {
  await act(async () => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

export async function flush(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

export const stored = async (area: 'sync' | 'local', key: string) => (await fakeBrowser.storage[area].get(key))[key];
