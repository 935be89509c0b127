import { describe, expect, it } from 'vitest';
import { createHttpClient, retryAfterMs } from '@/lib/http/client';
import { TransportError, type HttpResponse, type Transport } from '@/lib/http/types';

function scripted(responses: (HttpResponse | Error)[]) {
  const calls: string[] = [];
  const transport: Transport = async (req) => {
    calls.push(`${req.method} ${req.url}`);
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  };
  return { transport, calls };
}
const ok = (body: unknown = {}): HttpResponse => ({ status: 200, headers: {}, body });

describe('HTTP helper', () => {
  it('waits for Retry-After on 429 and then succeeds, even for a note', async () => {
    const waits: number[] = [];
    const { transport, calls } = scripted([{ status: 429, headers: { 'Retry-After': '2' }, body: null }, ok()]);
    const http = createHttpClient({ transport, platformLabel: 'Zendesk', sleep: async (ms) => void waits.push(ms) });
    await http.call({ method: 'POST', url: 'https://a/notes', body: {} }, { action: 'post the note' });
    expect(waits).toEqual([2000]);
    expect(calls).toHaveLength(2);
  });

  it('retries idempotent requests on 5xx with backoff, but never a non-idempotent one', async () => {
    const a = scripted([{ status: 503, headers: {}, body: null }, ok()]);
    const http = createHttpClient({ transport: a.transport, platformLabel: 'Front', sleep: async () => {} });
    await http.call({ method: 'PUT', url: 'https://a/x' }, { action: 'assign', idempotent: true });
    expect(a.calls).toHaveLength(2);

    const b = scripted([{ status: 503, headers: {}, body: null }, ok()]);
    const http2 = createHttpClient({ transport: b.transport, platformLabel: 'Front', sleep: async () => {} });
    await expect(http2.call({ method: 'POST', url: 'https://a/comments' }, { action: 'post the note' })).rejects.toThrow(
      'Front had a server error (503) and could not post the note. Retry in a moment.',
    );
    expect(b.calls).toHaveLength(1);
  });

  it('turns statuses into plain sentences', async () => {
    const cases: [number, unknown, RegExp][] = [
      [401, null, /not allowed to add the tags.*check the token in Options/i],
      [403, null, /not allowed to add the tags/],
      [404, null, /does not exist/],
      [409, null, /changed this conversation at the same moment/],
      [
        422,
        { error: 'RecordInvalid', description: 'Record validation errors', details: { group: [{ description: 'Group is invalid' }] } },
        /refused to add the tags: Record validation errors: Group is invalid/,
      ],
    ];
    for (const [status, body, re] of cases) {
      const { transport } = scripted([{ status, headers: {}, body }]);
      const http = createHttpClient({ transport, platformLabel: 'Zendesk', sleep: async () => {} });
      await expect(http.call({ method: 'PUT', url: 'https://a/tags' }, { action: 'add the tags', idempotent: true })).rejects.toThrow(re);
    }
  });

  it('marks a timed-out write as outcome unknown, so the caller checks before resending', async () => {
    const { transport } = scripted([new TransportError('timed out', 'timeout')]);
    const http = createHttpClient({ transport, platformLabel: 'Gorgias', sleep: async () => {} });
    const err = await http.call({ method: 'POST', url: 'https://a/m' }, { action: 'post the note' }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'timeout', outcomeUnknown: true });
    expect(err.message).toMatch(/did not answer in time/);
  });

  it('reads Retry-After as seconds or a date, and Front-style reset timestamps', () => {
    expect(retryAfterMs({ 'retry-after': '3' })).toBe(3000);
    expect(retryAfterMs({ 'Retry-After': new Date(10_000).toUTCString() }, 5_000)).toBe(5000);
    expect(retryAfterMs({ 'x-ratelimit-reset': String(1_700_000_010) }, 1_700_000_000_000)).toBe(10_000);
  });
});
