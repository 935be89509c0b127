import { describe, expect, it } from 'vitest';
import { transportFor } from '@/entrypoints/background/transports';
import { PLATFORM_METAS } from '@/lib/platforms/metas';
import type { PlatformAdapter } from '@/lib/platforms/types';
import { adapterFor } from '@/lib/platforms';
import { ConnectionsSchema } from '@/lib/schema/connections';

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

describe('a token goes only to the saved account (review #1, #12)', () => {
  const HOSTILE = [
    'evil.example\\',
    'evil.example/',
    'evil.example#',
    'evil.example?',
    'x@evil.example',
    'evil.example:443',
    'acme\\@evil',
  ];

  for (const meta of PLATFORM_METAS.filter((m) => m.account)) {
    it.each(HOSTILE)(`${meta.label}: a request for "%s" never reaches fetch, in token or session mode`, async (account) => {
      for (const authMode of ['token', 'session'] as const) {
        const { calls, impl } = recordingFetch();
        const connections = ConnectionsSchema.parse({
          ...tokenConnections,
          [meta.platform]: { ...tokenConnections[meta.platform], authMode },
        });
        let sent: Promise<unknown> | undefined;
        try {
          const { transport } = transportFor(
            adapterFor(meta.platform),
            { platform: meta.platform, account },
            connections,
            secrets,
            undefined,
            impl,
          );
          sent = transport({ method: 'GET', url: `https://${account}.${meta.platform}.com/api/x`, headers: {} });
        } catch (e) {
          expect((e as Error).message).toMatch(/account|subdomain|Options/i);
        }
        if (sent) await expect(sent).rejects.toThrow();
        expect(calls).toHaveLength(0);
      }
    });

    it(`${meta.label}: token mode refuses another company's account, naming the saved one`, () => {
      const { calls, impl } = recordingFetch();
      expect(() =>
        transportFor(
          adapterFor(meta.platform),
          { platform: meta.platform, account: 'other-company' },
          tokenConnections,
          secrets,
          undefined,
          impl,
        ),
      ).toThrow(/only for acme, the account saved in Options, not for "other-company"/);
      expect(calls).toHaveLength(0);
    });

    it(`${meta.label}: token mode without a saved account asks for one instead of using the tab's`, () => {
      const connections = ConnectionsSchema.parse({
        ...tokenConnections,
        [meta.platform]: { ...tokenConnections[meta.platform], account: '' },
      });
      expect(() =>
        transportFor(adapterFor(meta.platform), { platform: meta.platform, account: 'acme' }, connections, secrets, undefined),
      ).toThrow(/in Baton's Options/);
    });
  }

  it('Front: a stored API address outside Front is refused before the token is sent', () => {
    const { calls, impl } = recordingFetch();
    const connections = { ...tokenConnections, front: { ...tokenConnections.front, apiBase: 'https://evil.example' } };
    expect(() => transportFor(adapterFor('front'), { platform: 'front', account: 'app' }, connections, secrets, undefined, impl)).toThrow(
      /not a Front API address/,
    );
    expect(calls).toHaveLength(0);
  });

  it('the saved connections refuse such accounts and API addresses, naming the field', () => {
    const bad = ConnectionsSchema.safeParse({ zendesk: { account: 'evil.example\\' }, front: { apiBase: 'http://api2.frontapp.com' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['front.apiBase', 'zendesk.account']);
  });

  it('token requests do not follow redirects, except where the platform needs them and checks where they ended', async () => {
    for (const meta of PLATFORM_METAS) {
      const { calls, impl } = recordingFetch();
      const { transport } = transportFor(adapterOf(meta.platform), refOf(meta.platform), tokenConnections, secrets, undefined, impl);
      await transport({ method: 'GET', url: `${ORIGIN[meta.platform]}/x`, headers: {} });
      expect(calls[0].init.redirect).toBe(meta.tokenFollowsRedirects ? 'follow' : 'manual');
    }
  });
});
