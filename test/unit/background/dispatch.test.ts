import { describe, expect, it, vi } from 'vitest';
import { dispatch, MALFORMED_REQUEST, MALFORMED_RESULT, type Handlers } from '@/entrypoints/background/dispatch';
import { PROTOCOL, type RequestType } from '@/lib/schema/messages';
import { MALFORMED, REQUESTS, VALID } from '../protocol/fixtures';

const TYPES = Object.keys(PROTOCOL) as RequestType[];

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
    const res = await dispatch({ type: 'escalate', ref, draft: { note: '', tags: 'sys_escalation' } }, 1, handlers, log);
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
      expect((await dispatch(raw, 1, handlers, () => {})).ok).toBe(false);
    }
    expect(calls).toEqual([]);
  });

  it.each(TYPES)('%s: reaches its own handler with the tab, and a well-formed result is answered', async (type) => {
    const { handlers, calls } = handlersAnswering((t) => VALID[t]);
    const res = await dispatch(REQUESTS[type], 3, handlers, () => {});
    expect(res).toEqual({ ok: true, data: PROTOCOL[type].response.parse(VALID[type]) });
    expect(calls.map((c) => [c.type, c.tab])).toEqual([[type, 3]]);
  });

  it.each(TYPES)('%s: a malformed handler result is never sent on; the reason is logged', async (type) => {
    const { handlers } = handlersAnswering((t) => MALFORMED[t].data);
    const log = vi.fn();
    const res = await dispatch(REQUESTS[type], 3, handlers, log);
    expect(res).toEqual({ ok: false, error: MALFORMED_RESULT });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toContain(`rejected the ${type} handler's result:`);
    expect(log.mock.calls[0][0]).toMatch(MALFORMED[type].names);
  });

  it("turns a handler's failure into its plain sentence", async () => {
    const { handlers } = handlersAnswering(() => {
      throw new Error('Zendesk had a server error (500).');
    });
    expect(await dispatch({ type: 'journal', ref }, 3, handlers)).toEqual({ ok: false, error: 'Zendesk had a server error (500).' });
  });
});
