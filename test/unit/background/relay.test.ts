import { describe, expect, it } from 'vitest';
import { TabRelay, type RelayBrowser } from '@/entrypoints/background/relay';
import { TransportError } from '@/lib/http/types';

const ORIGIN = 'https://acme.example.com';
const NO_TAB = 'Open a Helpdesk tab of acme to connect.';

/** Tabs of the origin; `listening` ones have a content script that answers. */
function fakeBrowser(tabs: { id: number; listening: boolean; goneMidRequest?: boolean }[]) {
  const sent: { tab: number; type: string }[] = [];
  const b: RelayBrowser = {
    query: async () => tabs.map((t) => ({ id: t.id })),
    urlOf: async () => `${ORIGIN}/agent/tickets/1`,
    async sendMessage(tabId, message) {
      const type = (message as { type: string }).type;
      const tab = tabs.find((t) => t.id === tabId);
      if (!tab?.listening) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push({ tab: tabId, type });
      if (type === 'ping') return true;
      if (tab.goneMidRequest)
        throw new Error(
          'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
        );
      return { ok: true, tab: tabId };
    },
    load: async () => ({}),
    save: async () => {},
  };
  return { b, sent, tabs };
}

describe('session relay', () => {
  it('with no tab of the account: no_tab with the sentence naming the tab to open, nothing sent', async () => {
    const { b, sent } = fakeBrowser([]);
    const err = await new TabRelay(b).send(ORIGIN, undefined, { type: 'sessionFetch' }, NO_TAB).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err).toMatchObject({ kind: 'no_tab', message: NO_TAB });
    expect(sent).toEqual([]);
  });

  it('uses a tab that announced itself, and finds one that answers a ping after a worker restart', async () => {
    const { b, sent } = fakeBrowser([
      { id: 1, listening: false },
      { id: 2, listening: true },
    ]);
    const relay = new TabRelay(b);
    expect(await relay.send(ORIGIN, 1, { type: 'sessionFetch' }, NO_TAB)).toEqual({ ok: true, tab: 2 });
    expect(sent.filter((s) => s.type === 'sessionFetch')).toEqual([{ tab: 2, type: 'sessionFetch' }]);
  });

  it('waits for a tab still loading and sends as soon as it announces itself', async () => {
    const { b, tabs } = fakeBrowser([{ id: 7, listening: false }]);
    const relay = new TabRelay(b, { waitMs: 60_000 });
    const answer = relay.send(ORIGIN, undefined, { type: 'sessionFetch' }, NO_TAB);
    await new Promise((r) => setImmediate(r));
    tabs[0].listening = true;
    await relay.markReady(7);
    expect(await answer).toEqual({ ok: true, tab: 7 });
  });

  it('gives up with no_tab when the tab never becomes ready', async () => {
    const { b } = fakeBrowser([{ id: 7, listening: false }]);
    const err = await new TabRelay(b, { waitMs: 0 }).send(ORIGIN, undefined, { type: 'sessionFetch' }, NO_TAB).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'no_tab' });
  });

  it('a tab that took the request and went away is tab_gone (it may have landed), and is forgotten', async () => {
    const { b, tabs } = fakeBrowser([{ id: 3, listening: true, goneMidRequest: true }]);
    const relay = new TabRelay(b, { waitMs: 0 });
    await relay.markReady(3);
    const err = await relay.send(ORIGIN, 3, { type: 'sessionFetch' }, NO_TAB).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'tab_gone' });
    tabs[0].listening = false;
    // Forgotten: the next request asks again instead of trusting the stale entry.
    expect(await relay.tabFor(ORIGIN)).toBeUndefined();
  });
});
