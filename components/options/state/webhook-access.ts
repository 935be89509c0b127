import { browser } from 'wxt/browser';
import { create } from 'zustand';
import { send } from '@/utils/messaging';
import type { Webhook } from '@/lib/schema/notify';
import type { Outcome } from './store';

/**
 * Whether Baton may reach each webhook's host. missing: not asked yet; asking: the browser's prompt is open
 * (in headless Chromium it never settles: nobody can answer it); refused: the team lead said no.
 */
type Access = 'allowed' | 'missing' | 'asking' | 'refused';

interface WebhookAccessState {
  /** Keyed by match pattern (https://hooks.slack.com/*). */
  access: Record<string, Access>;
  /** "Send test" results, keyed by the row's form key. */
  tests: Record<string, Outcome>;
}

export const useWebhookAccess = create<WebhookAccessState>(() => ({ access: {}, tests: {} }));

/** The pattern a webhook address needs: its host, any port (match patterns carry none); null when not https. */
export function webhookPattern(url: string): string | null {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' && u.hostname ? `https://${u.hostname}/*` : null;
  } catch {
    return null;
  }
}

const setAccess = (pattern: string, a: Access) => useWebhookAccess.setState((s) => ({ access: { ...s.access, [pattern]: a } }));

/** Looks up (without asking) what the browser already allows; a refusal stays shown until asked again. */
export async function refreshWebhookAccess(urls: string[]): Promise<void> {
  const patterns = [...new Set(urls.map(webhookPattern).filter((p): p is string => !!p))];
  await Promise.all(
    patterns.map(async (pattern) => {
      const granted = await Promise.resolve(browser.permissions.contains({ origins: [pattern] })).catch(() => false);
      const now = useWebhookAccess.getState().access[pattern];
      if (granted) setAccess(pattern, 'allowed');
      else if (now !== 'refused' && now !== 'asking') setAccess(pattern, 'missing');
    }),
  );
}

/**
 * Asks the browser to let Baton reach these webhooks' hosts. Must be called straight from a click (Save,
 * Allow, Send test): the prompt is only shown during the user's gesture, and any await before it loses it.
 * Resolves true when every host is allowed. Nothing waits on it to save: a refusal is shown at the webhook.
 */
export function requestWebhookAccess(urls: string[]): Promise<boolean> {
  const patterns = [...new Set(urls.map(webhookPattern).filter((p): p is string => !!p))];
  if (!patterns.length) return Promise.resolve(true);
  let asked: Promise<boolean>;
  try {
    asked = Promise.resolve(browser.permissions.request({ origins: patterns })).catch(() => false);
  } catch {
    asked = Promise.resolve(false);
  }
  for (const p of patterns) if (useWebhookAccess.getState().access[p] !== 'allowed') setAccess(p, 'asking');
  return asked.then((granted) => {
    for (const p of patterns) setAccess(p, granted ? 'allowed' : 'refused');
    return granted;
  });
}

const PROMPT_WAIT_MS = 30_000;

/** "Send test": asks for the host first (same click), then one test notification through the background. */
export function sendTestWebhook(key: string, webhook: Webhook): Promise<void> {
  const set = (o: Outcome) => useWebhookAccess.setState((s) => ({ tests: { ...s.tests, [key]: o } }));
  const access = requestWebhookAccess([webhook.url]);
  set({ state: 'busy', message: 'Sending a test notification…' });
  return (async () => {
    // Sent once the prompt is answered; a prompt left open (headless Chromium never settles one) does not
    // hold the test back for ever: it goes out and says what came back.
    await Promise.race([access, new Promise((r) => setTimeout(r, PROMPT_WAIT_MS))]);
    try {
      const r = await send('testWebhook', { webhook });
      set({ state: r.delivered ? 'ok' : 'error', message: r.message });
    } catch (e) {
      set({ state: 'error', message: (e as Error).message });
    }
  })();
}
