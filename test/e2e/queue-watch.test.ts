import { describe, expect, it, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, clearEscalations, verdictStatus, type Sandbox } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationUrl } from '../fixtures/urls';
import { QUEUE_INBOX, QUEUE_VIEW, queueStories } from '../sandbox/watch-queue';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';

const frontInbox = `inb_${QUEUE_INBOX.num.toString(36)}`;
const WATCHED = {
  zendesk: { platform: 'zendesk', kind: 'view', id: String(QUEUE_VIEW.id), name: QUEUE_VIEW.name },
  gorgias: { platform: 'gorgias', kind: 'view', id: String(QUEUE_VIEW.id), name: QUEUE_VIEW.name },
  front: { platform: 'front', kind: 'inbox', id: frontInbox, name: QUEUE_INBOX.name },
} as const;

const e2e = e2eFixture({
  trafficFile: null,
  settings: async (sandbox) => ({
    policy: await demoPolicy(Object.values(sandbox.platforms), {
      // A large share so 150 first reads per helpdesk stay quick; the pace itself is the 429 test's subject.
      watch: { enabled: true, targets: WATCHED, intervalMinutes: 5, rateSharePercent: 50, desktopNotifications: false },
    }),
  }),
});

const NEEDY = queueStories().filter((s) => s.reason);
/** Conversation id per story key, per helpdesk, from the sandbox's seed answer. */
let ids: Record<Platform, Record<string, string>>;
const tabs: Page[] = [];

async function seed(sandbox: Sandbox) {
  const out = {} as Record<Platform, Record<string, string>>;
  for (const p of PLATFORMS) {
    const body = await admin(sandbox, `/__admin/${p}/watch-queue`, { method: 'POST' });
    out[p] = Object.fromEntries(
      Object.entries((body.tickets ?? body.conversations) as Record<string, string | number>).map(([k, v]) => [k, String(v)]),
    );
  }
  return out;
}

const keyOf = (p: Platform, id: string) => `${p}:${p === 'front' ? 'app' : 'acme'}:${id}`;

async function openList(): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/needs-human.html`);
  return page;
}

/** Clicks "Scan now" and waits until every helpdesk reports a scan started after the click. */
async function scan(page: Page): Promise<void> {
  const clicked = Date.now() - 1000;
  await page.locator('[data-testid="scan-now"]').click();
  for (const p of PLATFORMS) {
    const line = page.locator(`[data-testid="scan-${p}"]`);
    await expect
      .poll(async () => Date.parse((await line.getAttribute('data-at').catch(() => null)) ?? '') || 0, { timeout: 120_000 })
      .toBeGreaterThan(clicked);
  }
  await page.locator('[data-testid="scan-now"]:not([disabled])').waitFor({ timeout: 120_000 });
}

/** The requests that read one conversation (not the watched list). */
function conversationReads(sandbox: Sandbox, since: number) {
  return sandbox
    .traffic()
    .slice(since)
    .filter(
      (t) =>
        t.method === 'GET' &&
        (/^\/api\/v2\/tickets\/\d+/.test(t.path) ||
          /^\/api\/tickets\/\d+/.test(t.path) ||
          t.path === '/api/messages' ||
          /^\/conversations\/cnv_/.test(t.path)),
    );
}

/** What a person sees on the helpdesk for one conversation: tags, owner, inbox and notes (markers and ids left out). */
async function helpdeskState(sandbox: Sandbox, p: Platform, key: string) {
  const state = await admin(sandbox, `/__admin/state/${p}`);
  const c = state.conversations.find((x: { key: string }) => x.key === key);
  const clean = (t: string) =>
    t
      .replace(/[\u200b-\u200f\u2060-\u2064\ufeff]/g, '')
      .replace(/Baton record \S+/g, '')
      .trim();
  return {
    tags: [...c.tags].sort(),
    assigneeId: c.assigneeId ?? null,
    teamId: c.teamId ?? null,
    inboxId: c.inboxId ?? null,
    notes: c.notes.map((n: { text: string }) => clean(n.text)),
  };
}

beforeAll(async () => {
  // Budgets large enough that the first full read is quick; the 429 test lowers them.
  await admin(e2e.sandbox, '/__admin/rate-limits', { method: 'POST', body: { platform: 'zendesk', limit: 20_000 } });
  await admin(e2e.sandbox, '/__admin/rate-limits', { method: 'POST', body: { platform: 'gorgias', limit: 20_000 } });
  ids = await seed(e2e.sandbox);
  // The watch reads only while a tab of each helpdesk is open.
  for (const p of PLATFORMS) {
    const tab = await e2e.browser.context.newPage();
    await tab.goto(conversationUrl(p, 'tracking_resolved'));
    await verdictStatus(tab);
    tabs.push(tab);
  }
}, 120_000);

describe('Queue watch', () => {
  it('lists exactly the six conversations that need a human on each helpdesk after one scan, with reason, quote and link', async () => {
    const page = await openList();
    await page.locator('[data-testid="needs-empty"]').waitFor();
    await scan(page);
    await page.locator('[data-testid="needs-table"]').waitFor();
    for (const p of PLATFORMS) expect(await page.locator(`[data-testid="scan-${p}"]`).getAttribute('data-problem')).toBe('no');
    const rows = page.locator('[data-testid="needs-row"]');
    const keys = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    const expected = PLATFORMS.flatMap((p) => NEEDY.map((s) => keyOf(p, ids[p][s.key])));
    expect([...keys].sort()).toEqual([...expected].sort());
    for (const p of PLATFORMS) {
      for (const s of NEEDY) {
        const row = page.locator(`[data-testid="needs-row"][data-key="${keyOf(p, ids[p][s.key])}"]`);
        const reasons = await row
          .locator('.nh-reason')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-signal') || e.getAttribute('data-kind')));
        expect(reasons, `${p} ${s.key}`).toContain(s.reason);
        expect(await row.locator('[data-testid="evidence"]').textContent()).toBeTruthy();
        const href = await row.locator('[data-testid="open-conversation"]').getAttribute('href');
        expect(href).toContain(p === 'front' ? ids[p][s.key] : `/${ids[p][s.key]}`);
      }
    }
    // The customer who has waited longest is first: the bot's unkept promise, three hours ago.
    expect(await rows.first().getAttribute('data-key')).toMatch(
      new RegExp(
        `:${ids.zendesk.queue_promised_callback}$|:${ids.gorgias.queue_promised_callback}$|:${ids.front.queue_promised_callback}$`,
      ),
    );
    // The extension's badge counts them.
    const badge = await e2e.browser.worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}));
    expect(badge).toBe(String(expected.length));
    await page.close();
  });

  it('a second scan with nothing changed reads no conversation again', async () => {
    const page = await openList();
    await page.locator('[data-testid="needs-table"]').waitFor();
    const before = e2e.sandbox.traffic().length;
    await scan(page);
    expect(conversationReads(e2e.sandbox, before)).toEqual([]);
    // It did ask each helpdesk for the watched list.
    const listed = new Set(
      e2e.sandbox
        .traffic()
        .slice(before)
        .map((t) => t.platform),
    );
    expect([...listed].sort()).toEqual([...PLATFORMS].sort());
    expect(await page.locator('[data-testid="needs-row"]').count()).toBe(NEEDY.length * 3);
    await page.close();
    // The sidebar's compact panel lists the same six for its own account.
    await tabs[0]!.reload();
    await verdictStatus(tabs[0]!);
    await expect.poll(() => tabs[0]!.locator('[data-testid="queue-panel"]').getAttribute('data-count'), { timeout: 20_000 }).toBe('6');
  });

  it('escalating three from the list leaves each helpdesk as the sidebar does, and skips one a colleague took meanwhile', async () => {
    const story = 'queue_asks_person';
    const page = await openList();
    await page.locator('[data-testid="needs-table"]').waitFor();
    for (const p of PLATFORMS)
      await page.locator(`[data-testid="needs-row"][data-key="${keyOf(p, ids[p][story])}"] input[type="checkbox"]`).check();
    // A colleague takes the Zendesk one out of band before the click: it must be skipped, not escalated twice.
    const taken = keyOf('zendesk', ids.zendesk.queue_out_of_scope);
    await page.locator(`[data-testid="needs-row"][data-key="${taken}"] input[type="checkbox"]`).check();
    await page.locator('[data-testid="escalate-selected"]').click();
    await page.locator('[data-testid="preview"]').waitFor();
    expect(await page.locator('[data-testid="preview-item"]').count()).toBe(4);
    await e2e.sandbox.platforms.zendesk.handle({
      method: 'PUT',
      host: 'acme.zendesk.com',
      path: `/api/v2/tickets/${ids.zendesk.queue_out_of_scope}.json`,
      query: {},
      headers: { authorization: `Basic ${Buffer.from('agent@acme.example/token:sandbox-zendesk-token').toString('base64')}` },
      body: { ticket: { assignee_id: 902, tags: ['bot_managed', 'bot_queue', 'sys_escalation'] } },
      cookies: {},
    });
    await page.locator('[data-testid="confirm-escalate"]').click();
    for (const p of PLATFORMS) {
      const result = page.locator(`[data-testid="result"][data-key="${keyOf(p, ids[p][story])}"]`);
      await expect.poll(() => result.getAttribute('data-outcome'), { timeout: 60_000 }).toBe('escalated');
    }
    const skipped = page.locator(`[data-testid="result"][data-key="${taken}"]`);
    await expect.poll(() => skipped.getAttribute('data-outcome'), { timeout: 30_000 }).toBe('skipped');
    expect(await skipped.textContent()).toMatch(/took it|nothing was sent/);
    const fromList = Object.fromEntries(await Promise.all(PLATFORMS.map(async (p) => [p, await helpdeskState(e2e.sandbox, p, story)])));
    await page.close();

    // The same conversations, fresh, escalated from the sidebar.
    e2e.sandbox.reset();
    await clearEscalations(e2e.browser.worker);
    await admin(e2e.sandbox, '/__admin/rate-limits', { method: 'POST', body: { platform: 'zendesk', limit: 20_000 } });
    await admin(e2e.sandbox, '/__admin/rate-limits', { method: 'POST', body: { platform: 'gorgias', limit: 20_000 } });
    ids = await seed(e2e.sandbox);
    for (const p of PLATFORMS) {
      const tab = await e2e.browser.context.newPage();
      const url =
        p === 'zendesk'
          ? `https://acme.zendesk.com/agent/tickets/${ids.zendesk[story]}`
          : p === 'gorgias'
            ? `https://acme.gorgias.com/app/ticket/${ids.gorgias[story]}`
            : `https://app.frontapp.com/open/${ids.front[story]}`;
      await tab.goto(url);
      expect(await verdictStatus(tab)).toBe('escalate');
      await tab.locator('[data-testid="escalate"]').click();
      await tab.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
      await tab.close();
      expect(await helpdeskState(e2e.sandbox, p, story), p).toEqual(fromList[p]);
    }
  });

  it('slows down on a helpdesk answering 429 with its real headers, and finishes without an error shown', async () => {
    const page = await openList();
    await page.locator('[data-testid="scan-now"]').waitFor();
    // Bring the list up to date with the fresh seed first, at the generous budget.
    await scan(page);
    // One helpdesk at a time: its account's budget is spent by other integrations, so the next request is
    // answered 429 with the helpdesk's own headers and Retry-After, while new customer messages wait to be read.
    const budgets = { gorgias: { limit: 40, windowMs: 4000, used: 40 }, zendesk: { limit: 120, windowMs: 4000, used: 120 } } as const;
    for (const p of ['gorgias', 'zendesk'] as const) {
      for (const s of ['queue_routine_1', 'queue_routine_2']) {
        await admin(e2e.sandbox, `/__admin/${p}/conversations/${ids[p][s]}/messages`, {
          method: 'POST',
          body: { role: 'customer', text: 'Is there any update?' },
        });
      }
      await admin(e2e.sandbox, '/__admin/rate-limits', { method: 'POST', body: { platform: p, ...budgets[p] } });
      const before = e2e.sandbox.traffic().length;
      await scan(page);
      const rejected = (await admin(e2e.sandbox, '/__admin/rate-limits')).rejected as Record<string, number>;
      expect(rejected[p], p).toBeGreaterThan(0);
      // Slowed down rather than hammering: a 429 or two, not one per request.
      expect(rejected[p], p).toBeLessThanOrEqual(2);
      const line = page.locator(`[data-testid="scan-${p}"]`);
      expect(await line.getAttribute('data-problem'), p).toBe('no');
      expect(await line.textContent(), p).toMatch(/2 read/);
      expect(await line.textContent(), p).toMatch(/paced \d+ s/);
      expect(conversationReads(e2e.sandbox, before).filter((t) => t.platform === p).length, p).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-testid="page-error"]').count()).toBe(0);
    await page.close();
  });
});
