import { describe, expect, it } from 'vitest';
import { admin, verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import type { SandboxStore } from '../sandbox/platforms/common';
import type { FrontState } from '../sandbox/platforms/front/state';
import type { GorgiasState } from '../sandbox/platforms/gorgias/state';
import { FRONT_SANDBOX } from '../sandbox/platforms/front';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';

/**
 * Return to bot ends the escalation on the three helpdesks: the conversation comes back to exactly the tags,
 * team, assignee and inbox it had before the escalation (read from the sandbox), a tag a colleague added
 * meanwhile stays, and a new promise by the bot afterwards raises "Promised handoff not done" again.
 * No bot inbox is configured for Front: it goes back to the inbox it came from by the escalation's record.
 */
const e2e = e2eFixture({
  fresh: true,
  settings: async (sandbox) => {
    const policy = await demoPolicy(Object.values(sandbox.platforms), {
      suspend: { enabled: true, pause: { front: { stopTag: STOP }, gorgias: { stopTag: STOP }, zendesk: { stopTag: STOP } } },
    });
    return { policy, connections: { front: { authorEmail: FRONT_SANDBOX.teammates.dana.email } } };
  },
});

const KEY = 'human_request';
const STOP = 'sys_bot_paused';
const LINE = 'Sent the replacement blender, customer confirmed';
const PROMISE = "I've passed this to our billing team and they will follow up with you by email.";

interface Place {
  tags: string[];
  team: unknown;
  assignee: unknown;
  inbox: unknown;
}
type State = Record<string, { conversations: Record<string, unknown>[] }>;

const raw = (platform: Platform) => e2e.sandbox.platforms[platform] as unknown as { store?: SandboxStore; raw?: GorgiasState | FrontState };

/** Where the conversation sits while the bot has it, before anyone escalates: the bot's team, inbox or user. */
function seedBotSide(platform: Platform) {
  const id = conversationId(platform, KEY);
  if (platform === 'zendesk') Object.assign(raw(platform).store!.get(id)!, { teamId: 14, assigneeId: null });
  if (platform === 'gorgias') Object.assign((raw(platform).raw as GorgiasState).ticket(id)!, { assigneeTeamId: null, assigneeUserId: 103 });
  if (platform === 'front') {
    const s = raw(platform).raw as FrontState;
    s.conversation(id)!.assigneeId = s.teammates.find((t) => t.num === 900)!.id;
  }
}

/** A colleague tags the conversation while it is escalated: the tag is theirs, and stays. */
function colleagueTags(platform: Platform, tag: string) {
  const id = conversationId(platform, KEY);
  if (platform === 'zendesk') raw(platform).store!.get(id)!.tags.push(tag);
  if (platform === 'gorgias') {
    const s = raw(platform).raw as GorgiasState;
    s.addTags(s.ticket(id)!, [s.tagByName(tag, true)!.id]);
  }
  if (platform === 'front') {
    const s = raw(platform).raw as FrontState;
    s.conversation(id)!.tagIds.push((s.tagByName(tag) ?? s.createTag(tag)).id);
  }
}

async function place(platform: Platform): Promise<Place> {
  const s = (await admin(e2e.sandbox, `/__admin/state/${platform}`)) as State[string];
  const c = s.conversations.find((x) => x.key === KEY)!;
  return { tags: [...(c.tags as string[])].sort(), team: c.teamId ?? null, assignee: c.assigneeId, inbox: c.inboxId ?? null };
}

describe.each(PLATFORMS)('%s: Return to bot ends the escalation', (platform) => {
  it('puts back tags, team, assignee and inbox from before the escalation; a new bot promise is flagged again', async () => {
    seedBotSide(platform);
    const before = await place(platform);
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl(platform, KEY));
    expect(await verdictStatus(page)).toBe('escalate');
    await page.locator('[data-testid="escalate"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    const escalated = await place(platform);
    expect(escalated.tags).toEqual(expect.arrayContaining(['sys_escalation', STOP]));
    expect(escalated).not.toEqual({ ...before, tags: escalated.tags });
    // The handoff record's reason tag is reporting history: it is the one tag of the escalation that stays.
    const reason = escalated.tags.filter((t) => t.startsWith('baton_reason_'));
    expect(reason).toEqual(['baton_reason_user_requested_human']);
    colleagueTags(platform, 'vip');
    await page.getByRole('button', { name: 'Check again' }).click();

    // Before the click, the panel says what will be put back, from the tags the helpdesk has now.
    await page.locator('[data-testid="return-to-bot"]').click();
    const preview = page.locator('[data-testid="handback-preview"]');
    const tagsShown = async () =>
      /Tags back to: ([^;]*);/
        .exec((await preview.textContent()) ?? '')?.[1]
        .split(', ')
        .sort();
    await expect.poll(tagsShown, { timeout: 20_000 }).toEqual([...before.tags, ...reason, 'vip'].sort());
    expect(await preview.textContent()).toMatch(
      { front: /inbox back to Bot inbox/, gorgias: /team back to nobody; assignee back to /, zendesk: /group back to (Bot inbox|14)/ }[
        platform
      ],
    );
    await page.locator('[data-testid="handback-line"]').fill(LINE);
    await page.locator('[data-testid="handback-send"]').click();
    await page.locator('[data-testid="returned"]').waitFor({ timeout: 30_000 });
    expect(await place(platform)).toEqual({ ...before, tags: [...before.tags, ...reason, 'vip'].sort() });

    // The bot promises a handoff again; nothing on the helpdesk shows one, so the sidebar says so.
    await admin(e2e.sandbox, `/__admin/${platform}/conversations/${conversationId(platform, KEY)}/messages`, {
      method: 'POST',
      body: { role: 'bot', text: PROMISE },
    });
    await page.getByRole('button', { name: 'Check again' }).click();
    const broken = page.locator('[data-testid="promise-broken"]');
    await broken.waitFor({ timeout: 20_000 });
    expect(await broken.textContent()).toContain('Promised handoff not done');
    expect(await broken.textContent()).toContain('passed this to our billing team');
    await page.close();
  });
});
