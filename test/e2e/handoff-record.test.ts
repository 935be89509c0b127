import { describe, expect, it } from 'vitest';
import { verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import { notesOf, readBack } from '../fixtures/readback';
import { FRONT_SANDBOX } from '../sandbox/platforms/front';
import { recordsOf } from '@/lib/record/read';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';

/**
 * The handoff record on the three sandbox helpdesks: the escalation leaves its reason tag and a record line
 * that Baton reads back from the helpdesk; Return to bot leaves a `returned` record; escalating again within
 * the loop window goes to the agent who handled it, and the sidebar says so and shows the earlier note.
 */
const e2e = e2eFixture({
  fresh: true,
  settings: async (sandbox) => ({
    policy: await demoPolicy(Object.values(sandbox.platforms)),
    connections: { front: { authorEmail: FRONT_SANDBOX.teammates.dana.email } },
  }),
});

const KEY = 'human_request';
const read = (platform: Platform) => readBack(Object.values(e2e.sandbox.platforms), platform, conversationId(platform, KEY));

describe.each(PLATFORMS)('%s: the handoff record and the loop guard', (platform) => {
  it('tags the reason, ends the note with a record, records the return, and routes a quick comeback to the same agent', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl(platform, KEY));
    expect(await verdictStatus(page)).toBe('escalate');
    await page.locator('[data-testid="escalate"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });

    const escalated = await read(platform);
    expect(escalated.tags).toContain('baton_reason_user_requested_human');
    const [first] = recordsOf(escalated).found;
    expect(first?.record).toMatchObject({ kind: 'escalated', reason: 'user_requested_human', platform });
    expect(first!.record.agent?.name).toBeTruthy();
    expect(notesOf(escalated).at(-1)!.text).toContain(first!.line);

    await page.locator('[data-testid="return-to-bot"]').click();
    await page.locator('[data-testid="handback-line"]').fill('Sent the return label by hand.');
    await page.locator('[data-testid="handback-send"]').click();
    await page.locator('[data-testid="returned"]').waitFor({ timeout: 30_000 });
    const returned = recordsOf(await read(platform)).found.map((f) => f.record);
    expect(returned.map((r) => r.kind)).toEqual(['escalated', 'returned']);
    const agent = returned[1]!.agent!;
    expect(returned[1]).toMatchObject({ target: first!.record.target, agent: { name: first!.record.agent!.name } });

    // The customer is back an instant later: the sidebar routes to the agent who handed it back.
    await page.reload();
    await verdictStatus(page);
    const reason = page.locator('[data-testid="route-reason"]');
    await expect
      .poll(() => reason.textContent(), { timeout: 20_000 })
      .toBe(`Came back within 72 h of a Return to bot: routed to ${agent.name}, who handled it`);
    expect(await page.locator('[data-testid="target"]').inputValue()).toBe(`user:${agent.id}`);
    await page.locator('[data-testid="loop-note"]').click();
    await expect.poll(() => page.locator('[data-baton-highlight]').count()).toBe(1);

    await page.locator('[data-testid="escalate"], [data-testid="escalate-anyway"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    const again = await read(platform);
    const last = recordsOf(again).found.at(-1)!.record;
    expect(last).toMatchObject({ kind: 'escalated', loop: true, target: { kind: 'user', id: agent.id } });
    expect(again.assignee?.id).toBe(agent.id);
    await page.close();
  });
});
