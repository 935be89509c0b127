import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { RequestSchema, type BatonResponse } from '../../lib/schema/messages';
import { handle } from './handlers';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const parsed = RequestSchema.safeParse(raw);
    if (!parsed.success) {
      // Not ours or malformed: log why and answer with an error instead of throwing in the worker.
      console.warn('[baton] rejected message:', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return Promise.resolve<BatonResponse>({ ok: false, error: 'Baton could not understand that request.' });
    }
    return handle(parsed.data, sender.tab?.id).then(
      (data): BatonResponse => ({ ok: true, data }),
      (e: unknown): BatonResponse => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  });

  browser.commands?.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await browser.tabs.sendMessage(tab.id, { type: 'command', command }).catch(() => {
      // The active tab is not a helpdesk conversation; nothing to do.
    });
  });
});
