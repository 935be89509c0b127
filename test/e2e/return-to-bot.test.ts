import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, verdictStatus, writesSince } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationUrl } from '../fixtures/urls';
import { FRONT_SANDBOX } from '../sandbox/platforms/front';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';

/**
 * Return to bot on the three helpdesks: the agent writes one line, Baton posts it as one internal note, then
 * undoes the pause and the escalation (stop tag and escalation tags off, the bot's managing tags back, team,
 * assignee and, on Front, the bot's inbox as before), and no other conversation changes. A note that fails
 * leaves the bot paused; Retry posts it once and finishes.
 */
const e2e = e2eFixture({
  fresh: true,
  settings: async (sandbox) => {
    // The conversation starts in the bot's inbox on Front: the pause leaves it, Return to bot goes back.
    const botInbox = String(conv(await state(), 'front').inboxId);
    const pause = { stopTag: STOP, removeTags: [MANAGED] };
    const policy = await demoPolicy(Object.values(sandbox.platforms), {
      suspend: { enabled: true, pause: { front: { ...pause, managingInboxId: botInbox }, gorgias: pause, zendesk: pause } },
    });
    return { policy, connections: { front: { authorEmail: FRONT_SANDBOX.teammates.dana.email } } };
  },
});

const KEY = 'human_request';
const STOP = 'sys_bot_paused';
const MANAGED = 'bot_managed';
const LINE = 'Replaced the damaged blender with order A-10299, customer confirmed';

const NOTE_ROUTE: Record<Platform, string> = {
  zendesk: '^/api/v2/tickets/\\d+(\\.json)?$',
  front: '^/conversations/[^/]+/comments$',
  gorgias: '^/api/tickets/\\d+/messages$',
};

interface ConvState {
  key: string;
  tags: string[];
  notes: { text: string }[];
  inboxId?: unknown;
  [field: string]: unknown;
}
type State = Record<string, { conversations: ConvState[]; [k: string]: unknown }>;

const state = async () => (await admin(e2e.sandbox, '/__admin/state')) as State;
const conv = (s: State, platform: Platform, key = KEY) => s[platform].conversations.find((c) => c.key === key)!;
/** What must stay as the escalation left it: everything but the fields a hand-back may touch or the helpdesk stamps. */
const settled = ({ tags: _t, notes: _n, inboxId: _i, updatedAt: _u, messageCount: _m, ...rest }: ConvState) => rest;
const others = (s: State, platform: Platform) => s[platform].conversations.filter((c) => c.key !== KEY);
const sorted = (xs: string[]) => [...xs].sort();

/** Escalates the scenario with the pause and checks the bot is paused; returns the page and the helpdesk state then. */
async function escalate(platform: Platform): Promise<{ page: Page; before: State; paused: State }> {
  const before = await state();
  const page = await e2e.browser.context.newPage();
  await page.goto(conversationUrl(platform, KEY));
  expect(await verdictStatus(page)).toBe('escalate');
  await page.locator('[data-testid="escalate"]').click();
  await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
  const paused = await state();
  expect(conv(paused, platform).tags).toContain(STOP);
  expect(conv(paused, platform).tags).not.toContain(MANAGED);
  if (platform === 'front') expect(conv(paused, platform).inboxId).not.toBe(conv(before, platform).inboxId);
  return { page, before, paused };
}

async function handBack(page: Page, line = LINE) {
  await page.locator('[data-testid="return-to-bot"]').click();
  await page.locator('[data-testid="handback-line"]').fill(line);
  await page.locator('[data-testid="handback-send"]').click();
}

/** The conversation is back exactly as before the escalation, with one new note holding the line; no other one changed. */
function expectRestored(platform: Platform, before: State, paused: State, after: State) {
  const b = conv(before, platform);
  const p = conv(paused, platform);
  const a = conv(after, platform);
  expect(a.notes).toHaveLength(p.notes.length + 1);
  const note = a.notes.at(-1)!.text;
  expect(note).toContain('Handed back to the bot');
  expect(note).toContain(LINE);
  // The handoff record's reason tag is the escalation's one tag that stays (reporting history).
  const reason = p.tags.filter((t) => t.startsWith('baton_reason_'));
  expect(reason).toHaveLength(1);
  expect(sorted(a.tags)).toEqual(sorted([...b.tags, ...reason]));
  expect(a.inboxId).toBe(b.inboxId);
  // Team and assignee as before; Zendesk's spec has no way to set a group back to none, so that one stays.
  expect(settled(a)).toEqual({ ...settled(b), ...(platform === 'zendesk' ? { teamId: p.teamId } : {}) });
  expect(others(after, platform)).toEqual(others(before, platform));
}

describe.each(PLATFORMS)('%s: Return to bot', (platform) => {
  it('asks for one line, posts it as one internal note, then undoes the pause and the escalation', async () => {
    const { page, before, paused } = await escalate(platform);
    await page.locator('[data-testid="return-to-bot"]').click();
    // Nothing is sent without the line.
    const mark = e2e.sandbox.traffic().length;
    await page.locator('[data-testid="handback-send"]').click();
    await expect.poll(() => page.locator('[data-testid="handback-form"]').textContent()).toMatch(/Write one line on what you resolved/);
    expect(writesSince(e2e.sandbox, platform, mark)).toHaveLength(0);

    await page.locator('[data-testid="handback-line"]').fill(LINE);
    await page.locator('[data-testid="handback-send"]').click();
    await page.locator('[data-testid="returned"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="returned"]').textContent()).toContain(LINE);
    expectRestored(platform, before, paused, await state());
    await page.close();
  });

  it('the line typed but not sent survives a reload', async () => {
    const { page } = await escalate(platform);
    await page.locator('[data-testid="return-to-bot"]').click();
    await page.locator('[data-testid="handback-line"]').fill(LINE);
    // The draft is saved shortly after typing; wait until it is in storage before reloading.
    await expect
      .poll(() =>
        e2e.browser.worker.evaluate(async () => {
          const all = await (globalThis as any).chrome.storage.local.get(null);
          return JSON.stringify(Object.entries(all).filter(([k]) => k.startsWith('baton:draft:')));
        }),
      )
      .toContain(LINE);
    await page.reload();
    await page.locator('[data-testid="handback-line"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="handback-line"]').inputValue()).toBe(LINE);
    await page.close();
  });

  it('a note that fails keeps the bot paused and says so; Retry posts one note and restores the bot', async () => {
    const { page, before, paused } = await escalate(platform);
    e2e.sandbox.faults.add({ platform, method: 'POST|PUT', path: NOTE_ROUTE[platform], status: 500, times: 1 });
    await handBack(page);
    const error = page.locator('[data-testid="handback-error"]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/server error \(500\).*The bot is still paused/);
    await page.locator('[data-testid="still-paused"]').waitFor();
    const still = conv(await state(), platform);
    expect(still.tags).toContain(STOP);
    expect(still.notes).toHaveLength(conv(paused, platform).notes.length);

    await page.locator('[data-testid="handback-retry"]').click();
    await page.locator('[data-testid="returned"]').waitFor({ timeout: 30_000 });
    expectRestored(platform, before, paused, await state());
    await page.close();
  });

  it('reloaded while the note is in flight (it landed): the hand-back finishes by itself with one note', async () => {
    const { page, before, paused } = await escalate(platform);
    e2e.sandbox.faults.add({ platform, method: 'POST|PUT', path: NOTE_ROUTE[platform], delayMs: 8_000, applyAfter: true, times: 1 });
    await handBack(page);
    // The fault retires when the request reaches the sandbox: from then on it is in flight.
    await expect.poll(() => e2e.sandbox.faults.list().length, { timeout: 30_000 }).toBe(0);
    await page.reload();
    await page.locator('[data-testid="returned"]').waitFor({ timeout: 30_000 });
    expectRestored(platform, before, paused, await state());
    await page.close();
  });
});
