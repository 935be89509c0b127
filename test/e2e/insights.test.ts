import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { ROOT, verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import type { Platform } from '@/lib/schema/conversation';
import { dedupeKey } from '@/lib/insights/events';
import type { LogEvent } from '@/lib/schema/log-event';

const e2e = e2eFixture({
  trafficFile: null,
  settings: async (sandbox) => {
    const policy = await demoPolicy(Object.values(sandbox.platforms));
    return { policy, connections: { front: { authorEmail: 'dana@acme-support.example' } } };
  },
});

/** Opens a conversation, escalates it with the button the verdict offers, and waits until every step is done. */
async function escalate(platform: Platform, scenario: string, button: 'escalate' | 'escalate-anyway'): Promise<void> {
  const page = await e2e.browser.context.newPage();
  await page.goto(conversationUrl(platform, scenario));
  await verdictStatus(page);
  await page.locator(`[data-testid="${button}"]`).click();
  await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
  await page.close();
}

async function openInsights(): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/insights.html`);
  return page;
}

const tileCount = (page: Page, id: string) => page.locator(`[data-testid="${id}"] dd`).first().textContent();

describe('Insights', () => {
  it('starts with an empty state before anything is recorded', async () => {
    const page = await openInsights();
    await page.locator('[data-testid="insights-empty"]').waitFor();
    await page.close();
  });

  it('shows the escalations made on all three helpdesks, the override, and holds them in its CSV', async () => {
    await escalate('zendesk', 'human_request', 'escalate');
    await escalate('front', 'bot_handoff', 'escalate');
    // A "Not yet" verdict the agent overrules.
    await escalate('gorgias', 'unconfirmed_order_number', 'escalate-anyway');
    // A verdict the agent thinks is wrong: dismissed, its call to action quietened.
    const dismissing = await e2e.browser.context.newPage();
    await dismissing.goto(conversationUrl('zendesk', 'tracking_resolved'));
    await verdictStatus(dismissing);
    await dismissing.locator('[data-testid="dismiss"]').click();
    await dismissing.locator('[data-testid="dismissed"]').waitFor();
    await dismissing.close();

    const page = await openInsights();
    await page.locator('[data-testid="tile-escalations"]').waitFor();
    expect(await tileCount(page, 'tile-escalations')).toBe('3');
    for (const p of ['zendesk', 'front', 'gorgias']) {
      expect(await page.locator(`[data-testid="per-platform-${p}"]`).getAttribute('data-count')).toBe('1');
    }
    expect(await tileCount(page, 'tile-overrides')).toBe('1');
    expect(await page.locator('[data-testid="dismissals"]').getAttribute('data-count')).toBe('1');
    // The Gorgias conversation was shown as "Not yet" before the agent escalated it.
    expect(await tileCount(page, 'tile-unconfirmed')).toBe('1');
    const overrides = page.locator('[data-testid="overrides"] tbody tr');
    expect(await overrides.count()).toBe(1);
    expect(await overrides.first().textContent()).toContain(conversationId('gorgias', 'unconfirmed_order_number'));
    // The chart's table: one day, the reasons of the three escalations.
    await page.locator('.ins-table-wrap summary').click();
    const headers = await page.locator('[data-testid="reason-table"] thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Customer asked for a human', 'Bot handed off or cannot help', 'Total']));
    expect(await page.locator('[data-testid="reason-table"] tbody tr td').last().textContent()).toBe('3');

    // Filtering to one helpdesk leaves its escalation only.
    await page.locator('[data-testid="filter-platform"]').selectOption('front');
    await expect.poll(() => tileCount(page, 'tile-escalations')).toBe('1');
    await page.locator('[data-testid="filter-platform"]').selectOption('all');
    await expect.poll(() => tileCount(page, 'tile-escalations')).toBe('3');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^baton-handoff-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const escalations = rows.filter((r) => r.kind === 'escalated');
    expect(escalations.map((r) => `${r.platform}:${r.conversationId}:${r.override}`).sort()).toEqual(
      [
        `front:${conversationId('front', 'bot_handoff')}:false`,
        `gorgias:${conversationId('gorgias', 'unconfirmed_order_number')}:true`,
        `zendesk:${conversationId('zendesk', 'human_request')}:false`,
      ].sort(),
    );
    // Each verdict shown is in the log once, however often the sidebar re-checked it.
    const shown = rows.filter((r) => r.kind === 'verdict_shown').map((r) => `${r.platform}:${r.conversationId}:${r.status}:${r.reasons}`);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(new Set(shown).size).toBe(shown.length);
    // Nothing of the customer's but the evidence quotes: the summary column stays empty by default.
    expect(rows.every((r) => r.summary === '')).toBe(true);

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  });

  it('is one click away from Options', async () => {
    const options = await e2e.browser.context.newPage();
    await options.goto(`chrome-extension://${e2e.browser.extensionId}/options.html#handoff-log`);
    const [insights] = await Promise.all([e2e.browser.context.waitForEvent('page'), options.getByTestId('open-insights').click()]);
    await insights.locator('[data-testid="tile-escalations"]').waitFor();
    expect(new URL(insights.url()).pathname).toBe('/insights.html');
    await insights.close();
    await options.close();
  });

  it('three weeks of history where returns keep escalating for one reason suggest fixing that sub agent', async () => {
    const page = await openInsights();
    await page.locator('[data-testid="tile-escalations"]').waitFor();
    await page.evaluate(writeRaw, sampleHistory(new Date()));
    await page.reload();
    const fixes = page.locator('[data-testid="fixes"]');
    await fixes.waitFor();
    expect(await fixes.textContent()).toMatch(/returns/i);
    expect(await fixes.textContent()).toMatch(/refund payments/);
    // The README's screenshot is this page: `BATON_SCREENSHOTS=1 npm run test:e2e -- test/e2e/insights.test.ts`.
    if (process.env.BATON_SCREENSHOTS) {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.screenshot({ path: join(ROOT, 'docs/insights.png'), fullPage: true });
    }
    await page.close();
  });

  it('Clear in Options, once confirmed, empties the log', async () => {
    const options = await e2e.browser.context.newPage();
    await options.goto(`chrome-extension://${e2e.browser.extensionId}/options.html#handoff-log`);
    await expect.poll(() => options.getByTestId('handoff-log-count').textContent()).toMatch(/^\d+ entries in this browser\.$/);
    await options.getByTestId('handoff-log-clear').click();
    await options.getByTestId('handoff-log-clear-confirm').click();
    await expect.poll(() => options.getByTestId('handoff-log-count').textContent()).toBe('0 entries in this browser.');
    await options.close();
    const page = await openInsights();
    await page.locator('[data-testid="insights-empty"]').waitFor();
    await page.close();
  });
});

/** Stores entries as the log does (with their keys), straight into the page's IndexedDB. */
async function writeRaw(entries: (LogEvent & { dedupe: string })[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('baton-handoff-log');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('events', 'readwrite');
    for (const e of entries) tx.objectStore('events').put(e);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** A made-up but plausible three weeks, only for the picture in the README (nothing is asserted on it). */
function sampleHistory(now: Date): (LogEvent & { dedupe: string })[] {
  const platforms: Platform[] = ['zendesk', 'front', 'gorgias'];
  const quotes = {
    bot_handed_off: "I don't have access to refund payments, so I've passed this to our team.",
    user_requested_human: 'Please let me talk to a real person.',
    out_of_scope: ['Can you give me legal advice about my deposit?', 'Do you offer gift wrapping for corporate orders?'],
  };
  const out: LogEvent[] = [];
  for (let d = 20; d >= 1; d--) {
    const perDay = 2 + ((d * 7) % 5);
    for (let i = 0; i < perDay; i++) {
      const at = new Date(now.getTime() - d * 86_400_000 + i * 1_800_000);
      const platform = platforms[(d + i) % 3];
      const pick = (d * 3 + i) % 10;
      const subAgent = pick < 4 ? 'returns' : pick < 7 ? 'billing' : 'order_tracking';
      const kind =
        subAgent === 'returns' && pick < 3
          ? 'bot_handed_off'
          : pick % 3 === 0
            ? 'out_of_scope'
            : pick % 3 === 1
              ? 'user_requested_human'
              : 'bot_handed_off';
      const quote = kind === 'out_of_scope' ? quotes.out_of_scope[i % 2] : quotes[kind];
      const where = { platform, account: 'acme', conversationId: `sample-${d}-${i}`, subAgent };
      const promisedAt = at.toISOString();
      out.push({
        kind: 'verdict_shown',
        ...where,
        at: promisedAt,
        status: pick === 9 ? 'unconfirmed' : 'escalate',
        signals: [{ kind, quote }],
        engine: 'offline',
        promisedAt,
        pickedUpAt: new Date(at.getTime() + (6 + ((d * 11 + i * 7) % 40)) * 60_000).toISOString(),
      });
      out.push({
        kind: 'escalated',
        ...where,
        at: new Date(at.getTime() + 120_000).toISOString(),
        status: pick === 9 ? 'unconfirmed' : 'escalate',
        override: pick === 9,
        reasons: [kind],
        signals: [{ kind, quote }],
        target: null,
        clickedBy: null,
      });
      if (pick === 4) {
        const escalatedAt = new Date(at.getTime() + 120_000).toISOString();
        out.push({ kind: 'returned', ...where, at: new Date(at.getTime() + 3_600_000).toISOString(), escalatedAt });
      }
    }
  }
  return out.map((e) => ({ ...e, dedupe: dedupeKey(e) }));
}
