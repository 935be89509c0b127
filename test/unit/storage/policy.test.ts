import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { policyV1ToV2 } from '@/lib/config/migrations/policy/v1-to-v2';
import { policyV2ToV3 } from '@/lib/config/migrations/policy/v2-to-v3';
import { defaultPolicy, PolicySchema } from '@/lib/schema/policy';
import { policyLocalItem, policyStore, policySyncItem, SYNC_ITEM_LIMIT } from '@/utils/storage';

/** A policy as Baton 0.0.x saved it: one tag, one default target, a boolean pause. */
const V1 = {
  version: 1,
  scope: 'Orders and returns',
  subAgents: [{ name: 'Returns', description: 'Return requests', tags: ['returns'] }],
  instruction: 'Escalate refunds over 100 EUR',
  escalationTag: 'needs_human',
  summaryFields: { order: 'The order number' },
  defaultTarget: { platform: 'zendesk', kind: 'group', id: '42', name: 'Tier 2' },
  rules: [{ subAgent: 'Returns', target: { platform: 'front', kind: 'team', id: 'tim_1', name: 'Returns team' } }],
  pauseBot: false,
  stopTag: 'bot_off',
};

const sync = async (key: string) => (await fakeBrowser.storage.sync.get(key))[key] as Record<string, unknown> | undefined;
const local = async (key: string) => (await fakeBrowser.storage.local.get(key))[key] as Record<string, unknown> | undefined;

beforeEach(() => fakeBrowser.reset());

describe('policy v1 → v2', () => {
  it('upgrades a v1 policy that arrives through sync after this browser already stored v2', async () => {
    await policyStore.write(defaultPolicy());
    // An older Baton in another browser writes the value; sync carries it but not this browser's version metadata.
    await fakeBrowser.storage.sync.set({ 'baton:policy': V1 });
    const { policy, problem } = await policyStore.read();
    expect(problem).toBeUndefined();
    expect(policy.customInstruction).toBe('Escalate refunds over 100 EUR');
    expect((await sync('baton:policy'))?.version).toBe(3);
    expect(await policyStore.migratedFrom()).toBe(1);
  });

  it('upgrades a v1 policy stored in sync, keeps every setting, and says it was upgraded', async () => {
    await fakeBrowser.storage.sync.set({ 'baton:policy': V1 });
    await policyStore.migrate();

    const { policy, problem } = await policyStore.read();
    expect(problem).toBeUndefined();
    expect(policy.version).toBe(3);
    expect(policy.scope).toBe('Orders and returns');
    expect(policy.customInstruction).toBe('Escalate refunds over 100 EUR');
    expect(policy.tags.escalation).toEqual(['needs_human']);
    expect(policy.subAgents).toEqual([{ name: 'Returns', description: 'Return requests', tags: ['returns'], examples: [] }]);
    expect(policy.summarySchema).toEqual({ order: 'The order number' });
    expect(policy.routing.defaultTargets).toEqual({ zendesk: V1.defaultTarget });
    expect(policy.routing.rules).toEqual([{ subAgents: ['Returns'], when: {}, target: V1.rules[0].target }]);
    expect(policy.suspend.enabled).toBe(false);
    expect(policy.suspend.pause.gorgias.stopTag).toBe('bot_off');
    // Stored upgraded, with its version, so the next start does not upgrade again.
    expect((await sync('baton:policy'))?.version).toBe(3);
    expect(await sync('baton:policy$')).toMatchObject({ v: 3 });
    expect(await policyStore.migratedFrom()).toBe(1);
    await policyStore.clearMigrated();
    expect(await policyStore.migratedFrom()).toBeNull();
  });

  it('upgrades a v1 policy kept in local (too big for sync)', async () => {
    await fakeBrowser.storage.local.set({ 'baton:policy': V1 });
    await policyStore.migrate();
    const { policy } = await policyStore.read();
    expect(policy.tags.escalation).toEqual(['needs_human']);
    expect((await local('baton:policy'))?.version).toBe(3);
  });

  it('leaves a v2 policy saved before versions were tracked untouched, and reports no upgrade', async () => {
    const v2 = { ...defaultPolicy(), scope: 'Billing' };
    await fakeBrowser.storage.sync.set({ 'baton:policy': v2 });
    await policyStore.migrate();
    expect((await policyStore.read()).policy.scope).toBe('Billing');
    expect(await sync('baton:policy')).toEqual(v2);
    expect(await policyStore.migratedFrom()).toBeNull();
  });

  it('a v1 policy that cannot be read falls back to defaults and says why', async () => {
    await fakeBrowser.storage.sync.set({ 'baton:policy': { ...V1, pauseBot: 'sometimes' } });
    await policySyncItem.migrate();
    const { policy, problem } = await policyStore.read();
    expect(policy).toEqual(defaultPolicy());
    expect(problem).toMatch(/Saved policy could not be upgraded to version 2: .*pauseBot/);
  });

  it('the step is pure and a no-op on newer values', () => {
    const v3 = defaultPolicy();
    expect(policyV1ToV2(v3)).toBe(v3);
    expect(PolicySchema.safeParse(policyV2ToV3(policyV1ToV2({ version: 1 }))).success).toBe(true);
  });
});

describe('policy v2 → v3', () => {
  const v2 = {
    version: 2,
    scope: 'store',
    handoffMessage: 'Hang tight, a teammate will answer {wait}.',
    expectedWait: 'within a day',
  };

  it("keeps the team lead's own message and wait as the English message inside hours", async () => {
    await policyStore.write(defaultPolicy());
    // Synced from a browser still on v2.
    await fakeBrowser.storage.sync.set({ 'baton:policy': v2 });
    const { policy, problem } = await policyStore.read();
    expect(problem).toBeUndefined();
    expect(policy.version).toBe(3);
    expect(policy.scope).toBe('store');
    expect(policy.customerMessage.messages.en.inside).toBe('Hang tight, a teammate will answer {wait}.');
    expect(policy.customerMessage.messages.en.wait).toBe('within a day');
    // The other languages and the outside-hours text start from Baton's defaults.
    expect(policy.customerMessage.messages.es.inside).toMatch(/\{wait\}/);
    expect(policy.customerMessage.messages.en.outside).toMatch(/\{opening\}/);
  });

  it('is a no-op on v3 values', () => {
    const v3 = defaultPolicy();
    expect(policyV2ToV3(v3)).toBe(v3);
  });
});

describe('policy store', () => {
  it('an invalid v2 policy never crashes a reader: defaults and the field at fault', async () => {
    await fakeBrowser.storage.sync.set({ 'baton:policy': { ...defaultPolicy(), tags: { escalation: ['has space'] } } });
    await policyStore.migrate();
    const { policy, problem } = await policyStore.read();
    expect(policy).toEqual(defaultPolicy());
    expect(problem).toMatch(/Saved policy is invalid \(tags\.escalation\.0: Tag names cannot contain spaces/);
  });

  it('saves a small policy to sync and drops the local copy; a big one goes to local and wins', async () => {
    await fakeBrowser.storage.local.set({ 'baton:policy': defaultPolicy() });
    await policyStore.write({ ...defaultPolicy(), scope: 'small' });
    expect((await sync('baton:policy'))?.scope).toBe('small');
    expect(await local('baton:policy')).toBeUndefined();

    const big = { ...defaultPolicy(), scope: 'x'.repeat(SYNC_ITEM_LIMIT) };
    await policyStore.write(big);
    expect((await local('baton:policy'))?.scope).toBe(big.scope);
    expect((await policyStore.read()).policy.scope).toBe(big.scope);
  });

  it("applies the administrator's managed fields and ignores an invalid one by name", async () => {
    await policyStore.write({ ...defaultPolicy(), scope: 'team lead scope' });
    await fakeBrowser.storage.managed.set({
      policy: { scope: 'admin scope', tags: { escalation: ['bad tag'] }, version: 3 },
    });
    const { policy, managed, problem } = await policyStore.read();
    expect(policy.scope).toBe('admin scope');
    expect(policy.tags.escalation).toEqual(['sys_escalation']);
    expect(managed).toEqual(['scope']);
    expect(problem).toMatch(/invalid fields \(tags\)/);
  });

  it('accepts a managed policy given as JSON text', async () => {
    await fakeBrowser.storage.managed.set({ policy: JSON.stringify({ followUp: { claimTargetMinutes: 45 } }) });
    const { policy, managed } = await policyStore.read();
    expect(policy.followUp.claimTargetMinutes).toBe(45);
    expect(managed).toEqual(['followUp']);
  });

  it('tells watchers when the saved policy changes', async () => {
    let calls = 0;
    const stop = policyStore.watch(() => calls++);
    await policyStore.write({ ...defaultPolicy(), scope: 'new' });
    stop();
    await policyStore.write({ ...defaultPolicy(), scope: 'after stop' });
    expect(calls).toBeGreaterThan(0);
    const seen = calls;
    await policyLocalItem.set(defaultPolicy());
    expect(calls).toBe(seen);
  });
});
