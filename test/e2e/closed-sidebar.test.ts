import { describe, expect, it } from 'vitest';
import { writesSince } from './harness';
import { e2eFixture } from './fixture';
import { clickInClosedRoot, waitInClosedRoot } from './closed-roots';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationUrl } from '../fixtures/urls';

/**
 * The page as shipped: the sidebar sits in a closed shadow root and nothing in this file reveals it, so a helpdesk
 * page script sees what any page script would (security review A2, A3). The test finds the button only through
 * DevTools and presses it with a real mouse click, as the agent does.
 */
const e2e = e2eFixture({
  revealSidebar: false,
  settings: async (sandbox) => ({ policy: await demoPolicy(Object.values(sandbox.platforms)) }),
});

describe('the page cannot read the sidebar (review A2)', () => {
  it('a page script can neither read the sidebar nor press Escalate; the agent’s own click escalates', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl('zendesk', 'human_request'));
    await waitInClosedRoot(page, 'baton-sidebar', '[data-testid="escalate"]');
    const before = e2e.sandbox.traffic().length;
    // Runs in the page's main world, as the helpdesk's own (or an injected) script would (review A2, A3).
    const seen = await page.evaluate(() => {
      const host = document.querySelector('baton-sidebar');
      const button = host?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="escalate"]');
      button?.click();
      return { host: !!host, root: host?.shadowRoot ?? null, text: document.body.innerText, html: document.documentElement.outerHTML };
    });
    expect(seen.host).toBe(true);
    expect(seen.root).toBeNull();
    // None of the sidebar's markup or text (its header names Baton) reaches the page.
    expect(seen.html).not.toContain('data-testid="escalate"');
    expect(seen.text).not.toContain('Baton');
    await page.waitForTimeout(1500);
    expect(writesSince(e2e.sandbox, 'zendesk', before)).toEqual([]);
    // The agent's real mouse click on the same button does escalate.
    await clickInClosedRoot(page, 'baton-sidebar', '[data-testid="escalate"]');
    await waitInClosedRoot(page, 'baton-sidebar', '[data-testid="escalated"]');
    expect(writesSince(e2e.sandbox, 'zendesk', before).length).toBeGreaterThan(0);
    await page.close();
  });
});
