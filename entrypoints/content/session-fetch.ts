import { browser } from 'wxt/browser';
import { fetchTransport } from '../../lib/http/client';
import { TransportError } from '../../lib/http/types';
import { TabRequestSchema } from '../../lib/schema/messages';

/**
 * Session auth: the background asks this tab to make a same-origin API call, so the helpdesk's own
 * cookies authenticate it. Only this page's origin is allowed, and no secret ever passes through here.
 */
export function listenForSessionFetch(onCommand: (command: 'toggle-sidebar' | 'escalate') => void) {
  const transport = fetchTransport(fetch, {}, { credentials: 'same-origin' });
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const parsed = TabRequestSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'command') {
      onCommand(msg.command);
      return Promise.resolve(true);
    }
    if (new URL(msg.request.url).origin !== location.origin) {
      return Promise.resolve({ ok: false, kind: 'network', message: 'Cross-origin session requests are not allowed' });
    }
    return transport(msg.request).then(
      (response) => ({ ok: true, response }),
      (e: unknown) => ({ ok: false, kind: e instanceof TransportError ? e.kind : 'network', message: (e as Error).message }),
    );
  });
}
