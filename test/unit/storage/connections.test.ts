import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionsV1ToV2 } from '@/lib/config/migrations/connections/v1-to-v2';
import { ConnectionsSchema } from '@/lib/schema/connections';
import { connectionsItem, migrateStorage, secretsStore } from '@/utils/storage';
import { resetSecrets } from '@/test/fixtures/secrets';

/** Connections as saved before accounts moved into them: account names lived under baton:accounts. */
const V1 = {
  zendesk: { authMode: 'token', email: 'lead@acme.test' },
  gorgias: { authMode: 'session', email: '' },
  front: { authMode: 'token', apiBase: 'https://acme.api.frontapp.com' },
};

const stored = async (key: string) => (await fakeBrowser.storage.sync.get(key))[key] as { zendesk: { account: string } } | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  await resetSecrets();
});

describe('connections v1 → v2', () => {
  it('moves the separately saved account names into the connections', async () => {
    await fakeBrowser.storage.sync.set({ 'baton:connections': V1, 'baton:accounts': { zendesk: 'acme', gorgias: 'acme-shop' } });
    await connectionsItem.migrate();

    const { value, reason } = await connectionsItem.read();
    expect(reason).toBeUndefined();
    expect(value.zendesk).toEqual({ account: 'acme', authMode: 'token', email: 'lead@acme.test', switchboardAppId: '' });
    expect(value.gorgias.account).toBe('acme-shop');
    expect(value.front.apiBase).toBe('https://acme.api.frontapp.com');
    expect((await stored('baton:connections'))?.zendesk.account).toBe('acme');
    expect(await connectionsItem.migratedFrom()).toBe(1);
  });

  it('upgrades v1 connections with no saved account names to empty accounts', async () => {
    await fakeBrowser.storage.sync.set({ 'baton:connections': V1 });
    await connectionsItem.migrate();
    const { value } = await connectionsItem.read();
    expect([value.zendesk.account, value.gorgias.account]).toEqual(['', '']);
    expect(value.zendesk.email).toBe('lead@acme.test');
  });

  it('an account already inside the connections wins over the old key, and a v2 value is left as is', async () => {
    const v2 = ConnectionsSchema.parse({ ...V1, zendesk: { ...V1.zendesk, account: 'acme-new' }, gorgias: { account: 'shop' } });
    await fakeBrowser.storage.sync.set({ 'baton:connections': v2, 'baton:accounts': { zendesk: 'acme-old', gorgias: 'old' } });
    await connectionsItem.migrate();
    expect(await stored('baton:connections')).toEqual(v2);
    expect(await connectionsItem.migratedFrom()).toBeNull();
    expect(connectionsV1ToV2(v2, { zendesk: 'acme-old' })).toBe(v2);
  });

  it('invalid connections fall back to empty ones with the field at fault', async () => {
    await fakeBrowser.storage.sync.set({ 'baton:connections': { ...V1, front: { apiBase: 'not a url' } } });
    await connectionsItem.migrate();
    const { value, reason } = await connectionsItem.read();
    expect(value).toEqual(ConnectionsSchema.parse({}));
    expect(reason).toMatch(/Saved connections is invalid \(front\.apiBase/);
  });
});

describe('secrets', () => {
  it('are kept out of extension storage (content scripts can read it); an empty string clears one, undefined keeps it; presence hides values', async () => {
    await secretsStore.write({ zendeskToken: 'zd-secret', openaiApiKey: 'sk-1' });
    await secretsStore.write({ zendeskToken: undefined, openaiApiKey: '' });
    expect((await secretsStore.read()).value).toEqual({ zendeskToken: 'zd-secret' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('zd-secret');
    const presence = await secretsStore.presence();
    expect(presence).toEqual({
      zendeskToken: true,
      zendeskSwitchboardKeyId: false,
      zendeskSwitchboardSecret: false,
      gorgiasApiKey: false,
      frontToken: false,
      openaiApiKey: false,
    });
    expect(JSON.stringify(presence)).not.toContain('zd-secret');
  });

  it('saved by an older version in storage.local, they move at startup and the old copy is deleted (review #7)', async () => {
    await fakeBrowser.storage.local.set({ 'baton:secrets': { zendeskToken: 'old-zd', frontToken: 'old-front' } });
    await secretsStore.write({ frontToken: 'newer-front' });
    await migrateStorage();
    expect((await secretsStore.read()).value).toEqual({ zendeskToken: 'old-zd', frontToken: 'newer-front' });
    expect(await fakeBrowser.storage.local.get('baton:secrets')).toEqual({});
  });
});
