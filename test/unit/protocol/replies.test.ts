import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROTOCOL, type RequestType } from '@/lib/schema/messages';
import { DISCONNECTED, send, UNEXPECTED_REPLY } from '@/utils/messaging';
import { MALFORMED, REQUESTS, VALID } from './fixtures';

const TYPES = Object.keys(PROTOCOL) as RequestType[];

function backgroundAnswers(reply: unknown) {
  const fn = vi.fn(async () => reply);
  (fakeBrowser.runtime as { sendMessage: unknown }).sendMessage = fn;
  return fn;
}

const payloadOf = (type: RequestType) => {
  const { type: _t, ...payload } = REQUESTS[type] as { type: string };
  return payload;
};

afterEach(() => fakeBrowser.reset());

describe('every reply from the background is checked on arrival', () => {
  it('has a sample of every protocol message', () => {
    for (const type of TYPES) {
      expect(REQUESTS[type], `request sample for ${type}`).toBeDefined();
      expect(VALID[type], `valid reply for ${type}`).toBeDefined();
      expect(MALFORMED[type], `malformed reply for ${type}`).toBeDefined();
    }
  });

  it.each(TYPES)('%s: a malformed reply is rejected with a plain sentence and a logged reason', async (type) => {
    backgroundAnswers({ ok: true, data: MALFORMED[type].data });
    const log = vi.fn();
    await expect(send(type, payloadOf(type) as never, log)).rejects.toThrow(UNEXPECTED_REPLY);
    expect(log).toHaveBeenCalledTimes(1);
    const reason = log.mock.calls[0]![0] as string;
    expect(reason).toContain(`rejected reply to ${type}:`);
    expect(reason).toMatch(MALFORMED[type].names);
  });

  it.each(TYPES)('%s: a well-formed reply reaches the caller, and the request carries its type', async (type) => {
    const fn = backgroundAnswers({ ok: true, data: VALID[type] });
    const log = vi.fn();
    const got = await send(type, payloadOf(type) as never, log);
    expect(got).toEqual(PROTOCOL[type].response.parse(VALID[type]));
    expect(fn).toHaveBeenCalledWith(expect.objectContaining({ type }));
    expect(log).not.toHaveBeenCalled();
  });

  it("an answer that is not Baton's envelope is rejected and logged", async () => {
    for (const raw of [undefined, 'ok', { ok: 'yes', data: [] }, { ok: false }]) {
      backgroundAnswers(raw);
      const log = vi.fn();
      await expect(send('targets', { platform: 'zendesk', account: 'acme' }, log)).rejects.toThrow(UNEXPECTED_REPLY);
      expect(log.mock.calls[0]![0]).toMatch(/^\[baton\] rejected reply to targets: /);
    }
  });

  it("the background's own error sentence is shown as it is, without a log", async () => {
    backgroundAnswers({ ok: false, error: 'Open a Zendesk tab of acme to connect.' });
    const log = vi.fn();
    await expect(send('targets', { platform: 'zendesk', account: 'acme' }, log)).rejects.toThrow('Open a Zendesk tab of acme to connect.');
    expect(log).not.toHaveBeenCalled();
  });

  it('a background that cannot be reached asks for a reload', async () => {
    (fakeBrowser.runtime as { sendMessage: unknown }).sendMessage = async () => {
      throw new Error('Extension context invalidated.');
    };
    await expect(send('openOptions')).rejects.toThrow(DISCONNECTED);
  });
});
