import { describe, expect, it, vi } from 'vitest';
import { dispatch, MALFORMED_REQUEST, MALFORMED_RESULT, type Handlers } from '@/entrypoints/background/dispatch';
import { PROTOCOL, type RequestType } from '@/lib/schema/messages';
import { MALFORMED, REQUESTS, VALID } from '../protocol/fixtures';
import { contentScript, optionsPage, sidebarFrame } from '@/test/fixtures/senders';

const TYPES = Object.keys(PROTOCOL) as RequestType[];

/** An agent page of each platform's sandbox account "acme". */
const PAGE = {
  zendesk: 'https://acme.zendesk.com/agent/tickets/7',
  gorgias: 'https://acme.gorgias.com/app/ticket/5001',
  front: 'https://app.frontapp.com/open/cnv_1',
} as const;
const platformOf = (req: unknown) => {
  const r = req as { ref?: { platform: string }; event?: { platform: string }; platform?: string };
  return (r.ref?.platform ?? r.event?.platform ?? r.platform ?? 'zendesk') as keyof typeof PAGE;
};
/** A sender allowed to make this request: the options page for settings, else the sidebar on the request's page. */
const allowedSender = (type: RequestType, tabId: number) =>
  (PROTOCOL[type].from as readonly string[]).includes('options')
    ? optionsPage(tabId)
    : sidebarFrame(PAGE[platformOf(REQUESTS[type])], tabId);

/** Handlers that all answer with `answer(type)`, recording what they were called with. */
function handlersAnswering(answer: (type: RequestType) => unknown) {
  const calls: { type: string; req: unknown; tab: number | undefined }[] = [];
  const handlers = Object.fromEntries(
    TYPES.map((type) => [
      type,
      async (req: unknown, tab: number | undefined) => {
        calls.push({ type, req, tab });
        return answer(type);
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

describe('background message validation', () => {
  const ref = { platform: 'zendesk', account: 'acme', conversationId: '1' };

  it('rejects a malformed message with a logged reason and never calls a handler', async () => {
    const { handlers, calls } = handlersAnswering(() => true);
    const log = vi.fn();
    const res = await dispatch(
      { type: 'escalate', ref, draft: { note: '', tags: 'sys_escalation' } },
      contentScript(PAGE.zendesk),
      handlers,
      log,
    );
    expect(res).toEqual({ ok: false, error: MALFORMED_REQUEST });
    expect(calls).toEqual([]);
    expect(log.mock.calls[0][0]).toMatch(/draft\.note: The note cannot be empty/);
    expect(log.mock.calls[0][0]).toMatch(/draft\.tags/);
  });

  it('rejects unknown message types and non-objects', async () => {
    const { handlers, calls } = handlersAnswering(() => true);
    for (const raw of [
      null,
      'check',
      { type: 'deleteEverything' },
      { type: 'check', ref: { platform: 'intercom', account: 'a', conversationId: '1' } },
    ]) {
      expect((await dispatch(raw, contentScript(PAGE.zendesk), handlers, () => {})).ok).toBe(false);
    }
    expect(calls).toEqual([]);
  });

  it.each(TYPES)('%s: reaches its own handler with the tab, and a well-formed result is answered', async (type) => {
    const { handlers, calls } = handlersAnswering((t) => VALID[t]);
    const res = await dispatch(REQUESTS[type], allowedSender(type, 3), handlers, () => {});
    expect(res).toEqual({ ok: true, data: PROTOCOL[type].response.parse(VALID[type]) });
    expect(calls.map((c) => [c.type, c.tab])).toEqual([[type, 3]]);
  });

  it.each(TYPES)('%s: a malformed handler result is never sent on; the reason is logged', async (type) => {
    const { handlers } = handlersAnswering((t) => MALFORMED[t].data);
    const log = vi.fn();
    const res = await dispatch(REQUESTS[type], allowedSender(type, 3), handlers, log);
    expect(res).toEqual({ ok: false, error: MALFORMED_RESULT });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toContain(`rejected the ${type} handler's result:`);
    expect(log.mock.calls[0][0]).toMatch(MALFORMED[type].names);
  });

  it("turns a handler's failure into its plain sentence", async () => {
    const { handlers } = handlersAnswering(() => {
      throw new Error('Zendesk had a server error (500).');
    });
    expect(await dispatch({ type: 'journal', ref }, contentScript(PAGE.zendesk), handlers)).toEqual({
      ok: false,
      error: 'Zendesk had a server error (500).',
    });
  });
});

describe('who may ask what (review #7)', () => {
  const OPTIONS_ONLY = TYPES.filter((t) => !(PROTOCOL[t].from as readonly string[]).includes('content'));

  it('settings, secrets, their tests, Team Insights and the whole queue-watch list are extension-page requests', () => {
    // The watch's list spans every watched account, so only Baton's own pages (Needs a human) may read or act on it.
    expect(OPTIONS_ONLY.sort()).toEqual([
      'saveSecrets',
      'secretPresence',
      'teamInsights',
      'testConnection',
      'testEngine',
      'testWebhook',
      'watchEscalate',
      'watchList',
      'watchPreview',
      'watchScan',
    ]);
  });

  it.each(OPTIONS_ONLY)('%s from a content script, or from the sidebar frame, is refused before any handler runs', async (type) => {
    const { handlers, calls } = handlersAnswering((t) => VALID[t]);
    for (const sender of [contentScript(PAGE.zendesk), sidebarFrame(PAGE.zendesk)]) {
      const res = await dispatch(REQUESTS[type], sender, handlers, () => {});
      expect(res).toEqual({ ok: false, error: expect.stringMatching(/options page/) });
    }
    expect(calls).toEqual([]);
  });

  it.each(['check', 'escalate', 'targets', 'checkSetup', 'logEvent'] as const)(
    '%s from a page of another account (another company on the same helpdesk) is refused',
    async (type) => {
      const { handlers, calls } = handlersAnswering((t) => VALID[t]);
      for (const sender of [
        contentScript('https://other.zendesk.com/agent/tickets/7'),
        sidebarFrame('https://other.zendesk.com/agent/tickets/7'),
      ]) {
        const res = await dispatch(REQUESTS[type], sender, handlers, () => {});
        expect(res).toEqual({ ok: false, error: expect.stringMatching(/only ask Baton about the helpdesk account it shows/) });
      }
      expect(calls).toEqual([]);
    },
  );

  it("a page's requests about its own account reach their handlers", async () => {
    const { handlers, calls } = handlersAnswering((t) => VALID[t]);
    expect((await dispatch(REQUESTS.check, contentScript(PAGE.zendesk, 5), handlers, () => {})).ok).toBe(true);
    expect((await dispatch(REQUESTS.markBot, contentScript(PAGE.gorgias, 6), handlers, () => {})).ok).toBe(true);
    expect(calls.map((c) => [c.type, c.tab])).toEqual([
      ['check', 5],
      ['markBot', 6],
    ]);
  });
});
