import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { verdictStatus, writesSince } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';

const e2e = e2eFixture({
  trafficFile: 'test-results/sandbox-traffic-storage.jsonl',
  fresh: true,
  settings: async (sandbox) => ({ policy: await demoPolicy(Object.values(sandbox.platforms)) }),
});

async function open(key: string): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(conversationUrl('zendesk', key));
  await verdictStatus(page);
  return page;
}

const storedDrafts = () =>
  e2e.browser.worker.evaluate(async () => {
    const all = await (globalThis as any).chrome.storage.local.get(null);
    return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('baton:draft:'))) as Record<string, { note: string }>;
  });

describe('storage.local stays bounded', () => {
  it('viewing conversations stores no draft; only the one the agent edits is kept', async () => {
    const pages = [await open('bot_handoff'), await open('tracking_resolved'), await open('out_of_scope')];
    // The edit is written after everything the views would have written, so once it is in, they would be too.
    await pages[2].locator('[data-testid="note"]').fill('My own words.');
    await expect.poll(async () => Object.values(await storedDrafts()).map((d) => d.note)).toContain('My own words.');
    expect(Object.keys(await storedDrafts())).toEqual([`baton:draft:zendesk:acme:${conversationId('zendesk', 'out_of_scope')}`]);
    for (const p of pages) await p.close();
  });

  it('with storage.local full, Escalate frees room and the escalation goes through', async () => {
    const filled = await e2e.browser.worker.evaluate(async () => {
      const area = (globalThis as any).chrome.storage.local;
      const quota: number = area.QUOTA_BYTES;
      // Months of an agent's edited drafts (recent, so the regular clean-up keeps them), until nothing more fits.
      const draft = (note: string) => ({
        note,
        noteEdited: true,
        tags: [],
        tagsEdited: false,
        target: null,
        targetEdited: false,
        suspend: false,
        suspendEdited: false,
        savedAt: new Date().toISOString(),
      });
      let i = 0;
      for (let size = 1000; size >= 1; size = Math.floor(size / 4)) {
        for (;;) {
          const batch: Record<string, unknown> = {};
          for (let n = 0; n < (size > 100 ? 500 : 1); n++) batch[`baton:draft:zendesk:acme:filler-${i++}`] = draft('x'.repeat(size));
          try {
            await area.set(batch);
          } catch (e) {
            if (!/quota/i.test(String(e))) throw e;
            break;
          }
        }
      }
      let err = '';
      await area.set({ 'baton:draft:zendesk:acme:one-more': draft('x'.repeat(200)) }).catch((e: Error) => (err = e.message));
      return { inUse: await area.getBytesInUse(null), quota, err };
    });
    expect(filled.err).toMatch(/quota/i);
    expect(filled.quota - filled.inUse).toBeLessThan(1000);

    const page = await open('human_request');
    const before = e2e.sandbox.traffic().length;
    await page.locator('[data-testid="escalate"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    expect(writesSince(e2e.sandbox, 'zendesk', before).length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="baton-sidebar"]').textContent()).not.toMatch(/quota/i);
    await page.close();
  });
});
