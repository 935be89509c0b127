import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../entrypoints/background/dispatch';

describe('background message validation', () => {
  const ref = { platform: 'zendesk', account: 'acme', conversationId: '1' };

  it('rejects a malformed message with a logged reason and never calls a handler', async () => {
    const handler = vi.fn();
    const log = vi.fn();
    const res = await dispatch({ type: 'escalate', ref, draft: { note: '', tags: 'sys_escalation' } }, 1, handler, log);
    expect(res).toEqual({ ok: false, error: 'Baton could not understand that request.' });
    expect(handler).not.toHaveBeenCalled();
    expect(log.mock.calls[0][0]).toMatch(/draft\.note: The note cannot be empty/);
    expect(log.mock.calls[0][0]).toMatch(/draft\.tags/);
  });

  it('rejects unknown message types and non-objects', async () => {
    const handler = vi.fn();
    for (const raw of [null, 'check', { type: 'deleteEverything' }, { type: 'check', ref: { platform: 'intercom', account: 'a', conversationId: '1' } }]) {
      expect((await dispatch(raw, 1, handler, () => {})).ok).toBe(false);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes a valid message to the handler and turns its failure into a plain sentence', async () => {
    const res = await dispatch({ type: 'check', ref }, 3, async (req, tab) => ({ got: req.type, tab }));
    expect(res).toEqual({ ok: true, data: { got: 'check', tab: 3 } });
    const failed = await dispatch({ type: 'journal', ref }, 3, async () => {
      throw new Error('Zendesk had a server error (500).');
    });
    expect(failed).toEqual({ ok: false, error: 'Zendesk had a server error (500).' });
  });
});
