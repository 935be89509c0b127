import { describe, expect, it } from 'vitest';
import { fetchTransport } from '@/lib/http/client';

function recording() {
  const seen: RequestInit[] = [];
  const impl = (async (_url: string, init: RequestInit) => {
    seen.push(init);
    return new Response(null, { status: 204 });
  }) as unknown as typeof fetch;
  return { seen, impl };
}

describe('fetch transport cookies', () => {
  it('sends no cookies unless asked, so a token request never rides on the agent session', async () => {
    const { seen, impl } = recording();
    await fetchTransport(impl, { Authorization: 'Bearer t' })({ method: 'GET', url: 'https://api.example/x', headers: {} });
    expect(seen[0].credentials).toBe('omit');
    expect((seen[0].headers as Record<string, string>).Authorization).toBe('Bearer t');
  });

  it('uses the page session only when the caller says so (same-origin requests from the agent tab)', async () => {
    const { seen, impl } = recording();
    await fetchTransport(impl, {}, { credentials: 'same-origin' })({ method: 'GET', url: 'https://acme.example/x', headers: {} });
    expect(seen[0].credentials).toBe('same-origin');
  });
});
