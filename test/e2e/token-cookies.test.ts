import { describe, expect, it } from 'vitest';
import { verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import { notesOf, readBack } from '../fixtures/readback';
import { ZENDESK_SANDBOX, SESSION_COOKIE } from '../sandbox/platforms/zendesk/auth';

/**
 * A team lead sets Zendesk to token mode while agents stay signed in to Zendesk in the same browser. The real
 * Zendesk treats any request carrying the session cookie as a browser session and refuses its writes without a
 * CSRF token (403 "Invalid authenticity token"), so token requests must leave the cookie behind.
 */
const e2e = e2eFixture({
  settings: async (sandbox) => {
    const policy = await demoPolicy(Object.values(sandbox.platforms));
    return {
      policy,
      connections: { zendesk: { account: ZENDESK_SANDBOX.subdomain, authMode: 'token', email: ZENDESK_SANDBOX.email } },
      secrets: { zendeskToken: ZENDESK_SANDBOX.token },
    };
  },
});

describe('token mode with the agent signed in to the helpdesk', () => {
  it('escalates with the API token although the browser holds the session cookie', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl('zendesk', 'human_request'));
    // The agent page signs the agent in, as the real app does: the cookie is there for the API origin.
    const cookies = await e2e.browser.context.cookies(`https://${ZENDESK_SANDBOX.subdomain}.zendesk.com`);
    expect(cookies.map((c) => c.name)).toContain(SESSION_COOKIE);

    expect(await verdictStatus(page)).toBe('escalate');
    await page.locator('[data-testid="escalate"]').click();
    await page.locator('[data-testid="escalated"], [data-testid="retry"]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="steps"] .step-error').allTextContents()).toEqual([]);
    await page.locator('[data-testid="escalated"]').waitFor();

    const after = await readBack(Object.values(e2e.sandbox.platforms), 'zendesk', conversationId('zendesk', 'human_request'));
    expect(notesOf(after)).toHaveLength(1);
    expect(after.tags).toEqual(expect.arrayContaining(['sys_escalation', 'sys_bot_paused']));
    await page.close();
  });
});
