import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { verdictStatus, writesSince } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import { readBack, notesOf } from '../fixtures/readback';
import { FRONT_SANDBOX } from '../sandbox/platforms/front';

/**
 * Front in the browser: the note is written by the agent (their teammate found from the email they set once),
 * the steps go comment → move → tags with the stop tag last, and a note that cannot be posted leaves the bot
 * answering (and the sidebar says so).
 */
const e2e = e2eFixture({
  fresh: true,
  settings: async (sandbox) => {
    const policy = await demoPolicy(Object.values(sandbox.platforms), {
      suspend: { enabled: true, pause: { front: { stopTag: 'sys_bot_paused', removeTags: [] }, gorgias: {}, zendesk: {} } },
    });
    return { policy, connections: { front: { authorEmail: FRONT_SANDBOX.teammates.dana.email } } };
  },
});

const COMMENTS = '^/conversations/[^/]+/comments$';
const writes = (since: number) => writesSince(e2e.sandbox, 'front', since);

async function open(key: string): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(conversationUrl('front', key));
  return page;
}

describe('Front', () => {
  it("the note carries the agent's author_id; comment, move, then tags with the stop tag: 3 requests", async () => {
    const page = await open('human_request');
    expect(await verdictStatus(page)).toBe('escalate');
    const before = e2e.sandbox.traffic().length;
    await page.locator('[data-testid="escalate"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    const id = conversationId('front', 'human_request');
    const sent = writes(before);
    expect(sent.map((t) => `${t.method} ${t.path}`)).toEqual([
      `POST /conversations/${id}/comments`,
      `PATCH /conversations/${id}`,
      `POST /conversations/${id}/tags`,
    ]);
    expect(sent[0].body).toMatchObject({ author_id: FRONT_SANDBOX.teammates.dana.id });
    const after = await readBack(Object.values(e2e.sandbox.platforms), 'front', id);
    const notes = notesOf(after);
    expect(notes).toHaveLength(1);
    expect(notes[0].author?.name).toBe('Dana Agent');
    // Front shows the note's bold as bold: the Markdown it received has no escaped asterisks around it.
    expect((sent[0].body as { body: string }).body).not.toMatch(/\\\*\\\*/);
    expect(after.tags).toEqual(expect.arrayContaining(['sys_escalation', 'sys_bot_paused']));
    await page.close();
  });

  it('a note that keeps failing (503) leaves the bot NOT paused, and the sidebar says so', async () => {
    e2e.sandbox.faults.add({ platform: 'front', method: 'POST', path: COMMENTS, status: 503, times: 0 });
    const page = await open('bot_handoff');
    expect(await verdictStatus(page)).toBe('escalate');
    const before = e2e.sandbox.traffic().length;
    await page.locator('[data-testid="escalate"]').click();
    await page.locator('[data-step="note"][data-status="failed"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-step="pause"]').getAttribute('data-status')).not.toBe('done');
    await expect
      .poll(() => page.locator('[data-testid="not-paused"]').textContent())
      .toMatch(/The bot was not paused because the note could not be posted/);
    // Nothing but the note was attempted: no move, no tags, no stop tag.
    expect(writes(before).every((t) => /\/comments$/.test(t.path))).toBe(true);
    const id = conversationId('front', 'bot_handoff');
    const after = await readBack(Object.values(e2e.sandbox.platforms), 'front', id);
    expect(after.tags).not.toContain('sys_bot_paused');
    expect(notesOf(after)).toHaveLength(0);
    // Once Front answers again, Retry finishes the handoff with one note.
    e2e.sandbox.faults.clear();
    await page.locator('[data-testid="retry"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    const done = await readBack(Object.values(e2e.sandbox.platforms), 'front', id);
    expect(done.tags).toContain('sys_bot_paused');
    expect(notesOf(done)).toHaveLength(1);
    await page.close();
  });

  it('reads a conversation opened from a personal inbox address', async () => {
    const page = await e2e.browser.context.newPage();
    // In-app URLs show numbers (the API id in base 36): /inboxes/teammates/{teammate}/inbox/all/{conversation}.
    const numeric = (apiId: string) => Number.parseInt(apiId.slice(4), 36);
    await page.goto(
      `https://app.frontapp.com/inboxes/teammates/${numeric(FRONT_SANDBOX.teammates.dana.id)}/inbox/all/${numeric(conversationId('front', 'human_request'))}`,
    );
    expect(await verdictStatus(page)).toBe('escalate');
    await page.close();
  });
});
