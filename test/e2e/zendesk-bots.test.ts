import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, configure, verdictStatus, clearEscalations, writesSince } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { readBack, notesOf } from '../fixtures/readback';
import { QUOTED_PROMISE, SWITCHBOARD, ZENDESK_SANDBOX, ZENDESK_TICKETS } from '../sandbox/platforms/zendesk';
import { AGENT_ID } from '../sandbox/platforms/common';
import { zendeskTrafficProblems } from '../contracts/zendesk-traffic';
import type { Policy } from '@/lib/schema/policy';

/**
 * How real bots run in Zendesk, in the browser (sources in test/sandbox/platforms/zendesk/bots.ts): a
 * messaging ticket whose chat only the conversation log has, an AI agent holding a read-only ticket until
 * control passes through the switchboard, an e-mail quoting the bot, a ticket parked in the bot's group, and
 * more than 100 targets. Every Zendesk request each test makes must be in the official spec.
 */
const e2e = e2eFixture();
let policy: Policy;

const PAUSE = { front: {}, gorgias: {}, zendesk: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] } };
const SESSION = { zendesk: { account: ZENDESK_SANDBOX.subdomain, authMode: 'session' } };
const WITH_KEY = { zendesk: { account: ZENDESK_SANDBOX.subdomain, authMode: 'session', switchboardAppId: SWITCHBOARD.appId } };
const KEY = { zendeskSwitchboardKeyId: SWITCHBOARD.keyId, zendeskSwitchboardSecret: SWITCHBOARD.secret };

beforeAll(async () => {
  policy = await demoPolicy(Object.values(e2e.sandbox.platforms), { suspend: { enabled: true, pause: PAUSE } });
});
beforeEach(async () => {
  e2e.sandbox.reset();
  await configure(e2e.browser.worker, {
    policy,
    connections: SESSION,
    secrets: { zendeskSwitchboardKeyId: '', zendeskSwitchboardSecret: '' },
  });
  await clearEscalations(e2e.browser.worker);
});

const zendeskTraffic = (since = 0) =>
  e2e.sandbox
    .traffic()
    .slice(since)
    .filter((t) => t.platform === 'zendesk');

async function open(id: number): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(`https://acme.zendesk.com/agent/tickets/${id}`);
  return page;
}

const transcriptRows = async (page: Page) =>
  page
    .locator('[data-testid="transcript"] li')
    .evaluateAll((lis) => lis.map((li) => ({ role: li.getAttribute('data-role'), text: li.textContent ?? '' })));

describe('Zendesk bots as they really run', () => {
  it('a messaging ticket is read from the conversation log, with the right authors, and the sidebar says so', async () => {
    const page = await open(ZENDESK_TICKETS.messaging);
    await verdictStatus(page);
    await expect.poll(() => page.getByTestId('read-from').textContent()).toMatch(/conversation log/);
    const rows = await transcriptRows(page);
    const chat = rows.filter((r) => !/^note:/.test(r.text));
    expect(chat.map((r) => r.role)).toEqual(['customer', 'bot', 'agent', 'customer']);
    expect(chat[1].text).toMatch(/passing you to a colleague/);
    // The customer's display name reads like a bot's, but the log says they are the user.
    expect(chat[3].text).toMatch(/can you also send a replacement/);
    expect(zendeskTrafficProblems(zendeskTraffic())).toEqual([]);
    await page.close();
  });

  it('an AI agent ticket without the switchboard key: one sentence on what to set up, nothing sent, no success shown', async () => {
    const page = await open(ZENDESK_TICKETS.aiAgent);
    expect(await verdictStatus(page)).toBe('escalate');
    const before = e2e.sandbox.traffic().length;
    await page.locator('[data-testid="escalate"]').click();
    const pause = page.locator('[data-step="pause"][data-status="failed"]');
    await pause.waitFor({ timeout: 30_000 });
    expect(await pause.textContent()).toMatch(
      /a Zendesk admin must create a Conversations API key .* Options → Connections; nothing was changed/,
    );
    expect(writesSince(e2e.sandbox, 'zendesk', before)).toEqual([]);
    expect(await page.locator('[data-testid="escalated"]').count()).toBe(0);
    const after = await readBack(Object.values(e2e.sandbox.platforms), 'zendesk', String(ZENDESK_TICKETS.aiAgent));
    expect(notesOf(after)).toHaveLength(0);
    await page.close();
  });

  it('an AI agent ticket with the key: control passes first, then note and tags; Return to bot takes the tags off and hands control back', async () => {
    await configure(e2e.browser.worker, { policy, connections: WITH_KEY, secrets: KEY });
    const page = await open(ZENDESK_TICKETS.aiAgent);
    expect(await verdictStatus(page)).toBe('escalate');
    const before = e2e.sandbox.traffic().length;
    await page.locator('[data-testid="escalate"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    const sent = writesSince(e2e.sandbox, 'zendesk', before);
    expect(sent.map((t) => `${t.method} ${t.path}`)).toEqual([
      `POST /sc/v2/apps/${SWITCHBOARD.appId}/conversations/sc-conv-102/passControl`,
      `PUT /api/v2/tickets/${ZENDESK_TICKETS.aiAgent}.json`,
    ]);
    expect(sent[0].body).toEqual({ switchboardIntegration: SWITCHBOARD.agentWorkspace });
    expect(await admin(e2e.sandbox, `/__admin/zendesk/switchboard/${ZENDESK_TICKETS.aiAgent}`)).toMatchObject({
      active: SWITCHBOARD.agentWorkspace,
    });
    const after = await readBack(Object.values(e2e.sandbox.platforms), 'zendesk', String(ZENDESK_TICKETS.aiAgent));
    expect(notesOf(after)).toHaveLength(1);

    const mark = e2e.sandbox.traffic().length;
    await page.locator('[data-testid="return-to-bot"]').click();
    await page.locator('[data-testid="handback-line"]').fill('Refund approved by billing.');
    await page.locator('[data-testid="handback-send"]').click();
    await page.locator('[data-testid="returned"]').waitFor({ timeout: 30_000 });
    const back = writesSince(e2e.sandbox, 'zendesk', mark);
    // The note, the ticket's escalation tags off (while it can still be written), then control back last.
    expect(back.map((t) => t.method)).toEqual(['PUT', 'PUT', 'POST']);
    expect((back[1].body as { ticket: { tags: string[] } }).ticket.tags).not.toContain('sys_escalation');
    expect(back[2].body).toEqual({ switchboardIntegration: SWITCHBOARD.bot });
    expect(await admin(e2e.sandbox, `/__admin/zendesk/switchboard/${ZENDESK_TICKETS.aiAgent}`)).toMatchObject({ active: SWITCHBOARD.bot });
    expect(zendeskTrafficProblems(zendeskTraffic())).toEqual([]);
    await page.close();
  });

  it("an e-mail reply's quoted history is dropped, so the customer is not read as repeating the bot's promise", async () => {
    const page = await open(ZENDESK_TICKETS.emailQuoted);
    await verdictStatus(page);
    const rows = await transcriptRows(page);
    const customer = rows.filter((r) => r.role === 'customer');
    expect(customer.at(-1)!.text).toMatch(/I will wait for the email\.$/);
    expect(rows.filter((r) => r.text.includes(QUOTED_PROMISE)).map((r) => r.role)).toEqual(['bot']);
    await page.close();
  });

  it('routing to an agent on a ticket parked in the bot group sends a group the agent belongs to (no 422)', async () => {
    const dana = { platform: 'zendesk' as const, kind: 'user' as const, id: String(AGENT_ID), name: 'Dana Agent' };
    const toDana = {
      ...policy,
      routing: { ...policy.routing, rules: [], defaultTargets: { ...policy.routing.defaultTargets, zendesk: dana } },
    };
    await configure(e2e.browser.worker, { policy: toDana, connections: SESSION });
    const page = await open(ZENDESK_TICKETS.parked);
    expect(await verdictStatus(page)).toBe('escalate');
    const before = e2e.sandbox.traffic().length;
    await page.locator('[data-testid="escalate"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    const put = writesSince(e2e.sandbox, 'zendesk', before).find((t) => t.method === 'PUT')!;
    expect((put.body as { ticket: Record<string, unknown> }).ticket).toMatchObject({ assignee_id: AGENT_ID, group_id: 11 });
    const state = (await admin(e2e.sandbox, '/__admin/state')) as {
      zendesk: { conversations: { id: number; assigneeId: number; teamId: number }[] };
    };
    expect(state.zendesk.conversations.find((c) => c.id === ZENDESK_TICKETS.parked)).toMatchObject({ assigneeId: AGENT_ID, teamId: 11 });
    expect(zendeskTrafficProblems(zendeskTraffic())).toEqual([]);
    await page.close();
  });

  it('lists groups, agents and views beyond the first 100 in the route picker', async () => {
    await admin(e2e.sandbox, '/__admin/zendesk/many-targets', { method: 'POST' });
    const page = await open(1);
    await verdictStatus(page);
    const options = page.locator('[data-testid="target"] option');
    // Earlier tests of this browser listed the targets; Refresh asks Zendesk again rather than the minute-old list.
    await page.getByRole('button', { name: 'Refresh the list of targets' }).click();
    await expect.poll(() => options.count(), { timeout: 30_000 }).toBeGreaterThan(300);
    const labels = await options.allTextContents();
    expect(labels.some((l) => l.includes('Queue 130'))).toBe(true);
    expect(labels.some((l) => l.includes('Agent 130'))).toBe(true);
    expect(labels.some((l) => l.includes('View 130'))).toBe(true);
    expect(zendeskTrafficProblems(zendeskTraffic())).toEqual([]);
    await page.close();
  });
});
