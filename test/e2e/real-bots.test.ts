import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, configure, verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { GORGIAS_SANDBOX, gorgiasPageUrl, gorgiasTicketId } from '../sandbox/platforms/gorgias';
import { frontPageUrls } from '../sandbox/platforms/front';
import { loadSpec } from '../contracts/openapi';
import { undeclaredFields } from '../contracts/declared';

/**
 * Real bots, read and paused their real way (issue 19, Gorgias and Front), in the browser against the sandbox:
 * - Gorgias AI Agent: a user with the bot role and a persona name, whose `ai_handover` tag is its own handoff
 *   (docs.gorgias.com/en-US/ai-agent-tags-5742284); a team route takes the ticket off it;
 * - a Gorgias rule that tags the ticket between Baton's read and its write: the tag stays;
 * - an external bot posting in Front as a teammate of type api (spec TeammateResponse.type);
 * - e-mail replies quoting the whole thread, on both helpdesks.
 */
const e2e = e2eFixture({
  fresh: true,
  settings: async (sandbox) => ({ policy: await demoPolicy(Object.values(sandbox.platforms)) }),
});

async function open(url: string): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(url);
  return page;
}

const quotes = (page: Page) => page.locator('[data-testid="signal"] .quote').allTextContents();

async function gorgiasTicket(key: string) {
  const state = (await admin(e2e.sandbox, '/__admin/state')) as {
    gorgias: { conversations: { key: string; tags: string[]; teamId: number | null; assigneeId: number | null }[] };
  };
  return state.gorgias.conversations.find((c) => c.key === key)!;
}

async function escalate(page: Page) {
  await page.locator('[data-testid="escalate"]').click();
  await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
}

describe('Gorgias AI Agent', () => {
  it('reads its ai_handover tag as its own handoff (with the tag as evidence), and a team route clears it as the assignee', async () => {
    const page = await open(gorgiasPageUrl('ai_agent_handover'));
    expect(await verdictStatus(page)).toBe('escalate');
    expect((await quotes(page)).join(' ')).toContain('Gorgias tag ai_handover');
    // The AI Agent's own state, from its tags, above the messages.
    expect(await page.locator('[data-testid="bot-state"]').textContent()).toContain('handed this ticket to your team (ai_handover)');
    await escalate(page);
    const t = await gorgiasTicket('ai_agent_handover');
    expect(t.assigneeId).toBeNull();
    expect(t.teamId).not.toBeNull();
    expect(t.tags).toEqual(expect.arrayContaining(['ai_handover', 'sys_escalation', 'sys_bot_paused']));
    await page.close();
  });

  it('a tag a Gorgias rule adds between the read and the write is still on the ticket after the escalation', async () => {
    await admin(e2e.sandbox, `/__admin/gorgias/conversations/${gorgiasTicketId('human_request')}/rule-tag`, {
      method: 'POST',
      body: { tag: 'vip' },
    });
    const page = await open(gorgiasPageUrl('human_request'));
    expect(await verdictStatus(page)).toBe('escalate');
    await escalate(page);
    const t = await gorgiasTicket('human_request');
    expect(t.tags).toEqual(expect.arrayContaining(['vip', 'sys_escalation', 'sys_bot_paused']));
    await page.close();
  });

  it('an e-mail reply is read without its quoted thread: thanking the agent is not asking for a human again', async () => {
    const page = await open(gorgiasPageUrl('email_quoted'));
    expect(await verdictStatus(page)).toBe('none');
    await page.close();
  });
});

describe('Front', () => {
  it('a bot teammate of type api is the bot: its handoff escalates instead of being taken for a human reply', async () => {
    const page = await open(frontPageUrls('api_bot_teammate').open);
    expect(await verdictStatus(page)).toBe('escalate');
    expect((await quotes(page)).join(' ')).toMatch(/forwarded this to our billing team/);
    await page.close();
  });

  it('an e-mail reply is read without its quoted thread', async () => {
    const page = await open(frontPageUrls('email_quoted').open);
    expect(await verdictStatus(page)).toBe('none');
    await page.close();
  });

  it('every Front request body in the sandbox traffic uses only fields the official spec declares', async () => {
    const page = await open(frontPageUrls('human_request').open);
    expect(await verdictStatus(page)).toBe('escalate');
    await escalate(page);
    await page.close();
    const bodies = e2e.sandbox.traffic().filter((t) => t.platform === 'front' && t.body !== null && t.method !== 'GET');
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    const spec = loadSpec('front');
    expect(
      bodies.flatMap((t) =>
        undeclaredFields(spec, { method: t.method, path: t.path, body: t.body }).map((f) => `${t.method} ${t.path}: ${f}`),
      ),
    ).toEqual([]);
  });
});

describe('Check setup names the bot', () => {
  it('per helpdesk: the bot kind found and the authors it treats as the bot', async () => {
    await configure(e2e.browser.worker, {
      policy: await demoPolicy(Object.values(e2e.sandbox.platforms)),
      connections: { gorgias: { account: GORGIAS_SANDBOX.account, authMode: 'token', email: GORGIAS_SANDBOX.email } },
      secrets: { gorgiasApiKey: GORGIAS_SANDBOX.apiKey },
    });
    const page = await e2e.browser.context.newPage();
    await page.goto(`chrome-extension://${e2e.browser.extensionId}/options.html`);
    await page.locator('[data-testid="options"][data-phase="ready"]').waitFor({ timeout: 20_000 });
    for (const p of ['gorgias', 'front']) {
      await page.getByTestId(`check-setup-${p}-run`).click();
      await page.locator(`[data-testid="check-setup-${p}"][data-state="done"]`).waitFor({ timeout: 30_000 });
    }
    const gorgias = await page.getByTestId('setup-gorgias-bot').textContent();
    expect(gorgias).toMatch(/Bot: Gorgias AI Agent/);
    expect(gorgias).toMatch(/Sophie <sophie@ai-agent\.acme-support\.example> \(role bot\)/);
    const front = await page.getByTestId('setup-front-bot').textContent();
    expect(front).toMatch(/Riley Concierge <riley@acme-support\.example> \(teammate type api\)/);
    await page.close();
  });
});
