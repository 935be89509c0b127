import { describe, expect, it } from 'vitest';
import { transportFor } from '../../../entrypoints/background/transports';
import { PLATFORM_METAS } from '../../../lib/platforms/metas';
import type { PlatformAdapter } from '../../../lib/platforms/types';
import { ConnectionsSchema } from '../../../lib/schema/connections';

/** A fetch that records what the browser would be asked to send and answers 200. */
function recordingFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, impl };
}

const tokenConnections = ConnectionsSchema.parse({
  zendesk: { account: 'acme', authMode: 'token', email: 'agent@acme.example' },
  gorgias: { account: 'acme', authMode: 'token', email: 'agent@acme.example' },
  front: { apiBase: 'https://api2.frontapp.com' },
});
const secrets = { zendeskToken: 'zt', gorgiasApiKey: 'gk', frontToken: 'ft' };
// Only the API origin matters here; the adapters' own tests cover how they compute it.
const ORIGIN = { front: 'https://api2.frontapp.com', gorgias: 'https://acme.gorgias.com', zendesk: 'https://acme.zendesk.com' } as const;
const adapterOf = (platform: keyof typeof ORIGIN) => ({ platform, apiOrigin: () => ORIGIN[platform] }) as unknown as PlatformAdapter;
const refOf = (platform: (typeof PLATFORM_METAS)[number]['platform']) => ({ platform, account: platform === 'front' ? 'app' : 'acme' });

describe('token transport (background worker)', () => {
  for (const meta of PLATFORM_METAS) {
    it(`${meta.label}: sends the token and no cookies, so a signed-in session cannot turn it into a CSRF-checked request`, async () => {
      const { calls, impl } = recordingFetch();
      const { transport, authMode } = transportFor(
        adapterOf(meta.platform),
        refOf(meta.platform),
        tokenConnections,
        secrets,
        undefined,
        impl,
      );
      expect(authMode).toBe('token');
      const res = await transport({ method: 'GET', url: `${ORIGIN[meta.platform]}/anything`, headers: {} });
      expect(res.status).toBe(200);
      expect(calls).toHaveLength(1);
      expect(calls[0].init.credentials).toBe('omit');
      expect((calls[0].init.headers as Record<string, string>).Authorization).toMatch(/^(Basic|Bearer) \S+$/);
    });
  }

  it('refuses to send a token to any origin but the platform API', async () => {
    const { calls, impl } = recordingFetch();
    const { transport } = transportFor(adapterOf('zendesk'), refOf('zendesk'), tokenConnections, secrets, undefined, impl);
    await expect(transport({ method: 'GET', url: 'https://evil.example/api', headers: {} })).rejects.toThrow(/Refusing/);
    expect(calls).toHaveLength(0);
  });

  it('answers with the sentence naming what to set when the token is missing, without sending anything', async () => {
    const { calls, impl } = recordingFetch();
    const { transport } = transportFor(adapterOf('zendesk'), refOf('zendesk'), tokenConnections, {}, undefined, impl);
    const res = await transport({ method: 'GET', url: 'https://acme.zendesk.com/api/v2/users/me.json', headers: {} });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).toContain(PLATFORM_METAS.find((m) => m.platform === 'zendesk')!.missingCredentials);
    expect(calls).toHaveLength(0);
  });

  it('builds Basic auth the way each helpdesk expects (email/token for one, email:key for the other)', () => {
    const decode = (h: Record<string, string> | null) => atob(h!.Authorization.replace(/^Basic /, ''));
    const byPlatform = Object.fromEntries(PLATFORM_METAS.map((m) => [m.platform, m]));
    expect(decode(byPlatform.zendesk.authHeaders(tokenConnections.zendesk, secrets))).toBe('agent@acme.example/token:zt');
    expect(decode(byPlatform.gorgias.authHeaders(tokenConnections.gorgias, secrets))).toBe('agent@acme.example:gk');
    expect(byPlatform.front.authHeaders(tokenConnections.front, secrets)).toEqual({ Authorization: 'Bearer ft' });
    expect(byPlatform.zendesk.authHeaders({ ...tokenConnections.zendesk, email: '' }, secrets)).toBeNull();
  });
});
