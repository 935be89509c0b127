import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { MIGRATIONS, STORAGE_VERSIONS, type StoredItemName } from '@/lib/config/migrations';
import { journalKey, type Journal } from '@/lib/schema/plan';
import type { EscalationRecord, NoteDraft } from '@/lib/schema/storage';
import {
  defineOptionsDraftItem,
  escalationRecordsItem,
  journalItem,
  journalStorage,
  lastConversationItem,
  legacyAccountsItem,
  noteDraftItem,
  secretsItem,
  sidebarOpenItem,
  type VersionedItem,
} from '@/utils/storage';

const KEY = journalKey('zendesk', 'acme', '1042');

const journal: Journal = {
  key: KEY,
  plan: {
    platform: 'zendesk',
    account: 'acme',
    conversationId: '1042',
    tags: ['sys_escalation'],
    note: 'Customer asks for a human about a refund.',
    noteMarker: 'bt-1042-a',
    target: { platform: 'zendesk', kind: 'group', id: '42', name: 'Tier 2' },
    routeReason: 'default target',
    pause: { stopTag: 'sys_bot_paused', removeTags: [] },
    tagsBefore: ['bot'],
  },
  steps: [
    { kind: 'tags', status: 'done', attempts: 1 },
    { kind: 'note', status: 'running', attempts: 1, uncertain: true },
  ],
  startedAt: '2026-11-23T10:00:00.000Z',
};

const draft: NoteDraft = {
  note: 'Edited note',
  noteEdited: true,
  tags: ['vip'],
  tagsEdited: true,
  target: null,
  targetEdited: false,
  suspend: true,
  suspendEdited: false,
};

const record: EscalationRecord = {
  time: '2026-11-23T10:00:00.000Z',
  platform: 'zendesk',
  account: 'acme',
  conversation: '1042',
  signals: ['user_requested_human'],
  subAgent: null,
  target: { kind: 'group', id: '42', name: 'Tier 2' },
  clickedBy: null,
};

const FormSchema = z.object({ scope: z.string() });
const optionsDraftItem = defineOptionsDraftItem(FormSchema);

type Case = {
  item: VersionedItem<unknown, never>;
  /** Storage area and key the current code writes, so values saved today keep reading. */
  area: 'local' | 'sync';
  key: string;
  example: unknown;
  invalid: unknown;
  fallback: unknown;
  reason: RegExp;
};

/** Items that never changed shape (version 1): today's value round-trips, an invalid one falls back with a reason. */
const V1_ITEMS: Partial<Record<StoredItemName, Case>> = {
  secrets: {
    item: secretsItem as never,
    area: 'local',
    key: 'baton:secrets',
    example: { zendeskToken: 'zd', openaiApiKey: 'sk' },
    invalid: { zendeskToken: 12 },
    fallback: {},
    reason: /Saved tokens is invalid \(zendeskToken/,
  },
  journal: {
    item: journalItem(KEY) as never,
    area: 'local',
    key: `baton:journal:${KEY}`,
    example: journal,
    invalid: { ...journal, steps: [{ kind: 'refund', status: 'done' }] },
    fallback: null,
    reason: /Escalation progress for zendesk:acme:1042 is invalid \(steps\.0\.kind/,
  },
  noteDraft: {
    item: noteDraftItem(KEY) as never,
    area: 'local',
    key: `baton:draft:${KEY}`,
    example: draft,
    invalid: { ...draft, tags: 'vip' },
    fallback: null,
    reason: /Unsent note draft is invalid \(tags/,
  },
  optionsDraft: {
    item: optionsDraftItem as never,
    area: 'local',
    key: 'baton:optionsDraft',
    example: { v: 1, savedAt: 1763892000000, form: { scope: 'Orders' } },
    invalid: { v: 1, savedAt: 'yesterday', form: { scope: 'Orders' } },
    fallback: null,
    reason: /Unsaved options is invalid \(savedAt/,
  },
  escalationRecords: {
    item: escalationRecordsItem as never,
    area: 'local',
    key: 'baton:escalations',
    example: [record],
    invalid: 'not a list',
    fallback: [],
    reason: /Escalation history is invalid/,
  },
  lastConversation: {
    item: lastConversationItem as never,
    area: 'local',
    key: 'baton:lastConversation',
    example: { platform: 'front', messages: [{ role: 'customer', text: 'Where is my order?', internal: false }] },
    invalid: { platform: 'front', messages: [] },
    fallback: null,
    reason: /Last checked conversation is invalid \(messages/,
  },
  sidebarOpen: {
    item: sidebarOpenItem('gorgias') as never,
    area: 'local',
    key: 'baton:sidebarOpen:gorgias',
    example: false,
    invalid: 'closed',
    fallback: true,
    reason: /Sidebar state is invalid/,
  },
  legacyAccounts: {
    item: legacyAccountsItem as never,
    area: 'sync',
    key: 'baton:accounts',
    example: { zendesk: 'acme', gorgias: 'acme-shop' },
    invalid: { zendesk: ['acme'] },
    fallback: { zendesk: '', gorgias: '' },
    reason: /Saved account names is invalid \(zendesk/,
  },
};

/** Items with upgrade steps have their own files: policy.test.ts and connections.test.ts. */
const UPGRADED_ITEMS_TESTED_ELSEWHERE: StoredItemName[] = ['policy', 'connections'];

const raw = async (area: 'local' | 'sync', key: string) => (await fakeBrowser.storage[area].get(key))[key];

beforeEach(() => fakeBrowser.reset());

describe('every stored item has a version and a test of its stored examples', () => {
  it('covers each item in the version list, and each version above 1 has a step from the one before', () => {
    const covered = [...Object.keys(V1_ITEMS), ...UPGRADED_ITEMS_TESTED_ELSEWHERE].sort();
    expect(covered).toEqual(Object.keys(STORAGE_VERSIONS).sort());
    for (const [name, version] of Object.entries(STORAGE_VERSIONS)) {
      const steps = Object.keys(MIGRATIONS[name as StoredItemName])
        .map(Number)
        .sort();
      expect(steps, name).toEqual(Array.from({ length: version - 1 }, (_, i) => i + 2));
      if (version === 1) expect(V1_ITEMS[name as StoredItemName], name).toBeDefined();
    }
  });
});

describe.each(Object.entries(V1_ITEMS))('%s (version 1)', (_name, c) => {
  it('reads a value saved by today’s code unchanged', async () => {
    await fakeBrowser.storage[c.area].set({ [c.key]: c.example });
    await c.item.migrate();
    expect(await c.item.read()).toEqual({ value: c.example });
  });

  it('writes through the same key, and removing forgets it', async () => {
    await c.item.set(c.example as never);
    expect(await raw(c.area, c.key)).toEqual(c.example);
    await c.item.remove();
    expect(await raw(c.area, c.key)).toBeUndefined();
    expect(await c.item.read()).toEqual({ value: c.fallback });
  });

  it('an invalid stored value falls back, with a reason naming what is wrong', async () => {
    await fakeBrowser.storage[c.area].set({ [c.key]: c.invalid });
    const { value, reason } = await c.item.read();
    expect(value).toEqual(c.fallback);
    expect(reason).toMatch(c.reason);
  });

  it('refuses to write an invalid value', async () => {
    await expect(c.item.set(c.invalid as never)).rejects.toThrow();
    expect(await raw(c.area, c.key)).toBeUndefined();
  });
});

describe('keyed items and helpers', () => {
  it('journals are per conversation; the executor store and list see the same ones; watchers get parsed values', async () => {
    const seen: unknown[] = [];
    const stop = journalItem(KEY).watch((next) => seen.push(next));
    await journalStorage.put(journal);
    const other = journalKey('front', 'acme', 'cnv_1');
    await journalStorage.put({ ...journal, key: other });
    await fakeBrowser.storage.local.set({ [`baton:journal:${KEY}`]: { broken: true } });
    stop();
    expect(await journalStorage.get(other)).toEqual({ ...journal, key: other });
    expect(await journalStorage.get('zendesk:acme:none')).toBeNull();
    expect((await journalItem.list()).sort()).toEqual([other, KEY].sort());
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual({ value: journal });
    expect(seen[1]).toMatchObject({ value: null, reason: expect.stringMatching(/Escalation progress for .* is invalid/) });
  });

  it('a damaged escalation record costs only that record', async () => {
    await fakeBrowser.storage.local.set({ 'baton:escalations': [record, { time: 3 }, { ...record, conversation: '7' }] });
    const { value, reason } = await escalationRecordsItem.read();
    expect(value.map((r) => r.conversation)).toEqual(['1042', '7']);
    expect(reason).toMatch(/1 unreadable record\(s\) skipped/);
  });

  it('the sidebar is open by default and remembers closing per platform', async () => {
    expect(await sidebarOpenItem('zendesk').get()).toBe(true);
    await sidebarOpenItem('zendesk').set(false);
    expect(await sidebarOpenItem('zendesk').get()).toBe(false);
    expect(await sidebarOpenItem('front').get()).toBe(true);
  });
});
