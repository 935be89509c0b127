import { describe, expect, it } from 'vitest';
import { deliveryId, EscalationEventSchema, escalationEvent, escalationId, NOTE_EXCERPT_CHARS } from '@/lib/notify/event';
import { deliveryHeaders, payloadFor } from '@/lib/notify/payload';
import { escapeMrkdwn, slackMessage } from '@/lib/notify/slack';
import { ADAPTERS } from '@/lib/platforms';
import { PLATFORMS } from '@/lib/schema/conversation';
import { finishedJournal } from './helpers';
import { withRecord } from '@/lib/executor/plan';
import { buildRecord } from '@/lib/record/build';

const URL_ = 'https://acme.zendesk.com/agent/tickets/7';
const event = async (j = finishedJournal()) =>
  escalationEvent(j, { platformLabel: 'Zendesk', conversationUrl: URL_, deliveryId: await deliveryId(j, 'https://hooks.slack.com/x') });

describe('conversation links', () => {
  it.each(PLATFORMS)('%s: the link opens the conversation the tab would detect', (platform) => {
    const ids = { zendesk: '7', gorgias: '5001', front: 'cnv_abc12' };
    const ref = { platform, account: platform === 'front' ? 'app' : 'acme', conversationId: ids[platform], idIsGuess: false };
    const url = ADAPTERS[platform].conversationUrl(ref);
    expect(ADAPTERS[platform].detect(url)).toEqual(ref);
  });

  it('uses each helpdesk’s own address shape', () => {
    const r = (platform: 'zendesk' | 'gorgias' | 'front', account: string, conversationId: string) =>
      ADAPTERS[platform].conversationUrl({ platform, account, conversationId, idIsGuess: false });
    expect(r('zendesk', 'acme', '7')).toBe('https://acme.zendesk.com/agent/tickets/7');
    expect(r('gorgias', 'shop', '5001')).toBe('https://shop.gorgias.com/app/ticket/5001');
    expect(r('front', 'app', 'cnv_abc12')).toBe('https://app.frontapp.com/open/cnv_abc12');
  });
});

describe('generic JSON event', () => {
  it('carries summary, reason, target, link, signals and a delivery id, and matches its schema', async () => {
    const e = await event();
    expect(EscalationEventSchema.parse(payloadFor('json', e))).toEqual(e);
    expect(e).toMatchObject({
      event: 'escalation',
      version: 1,
      platform: 'zendesk',
      account: 'acme',
      conversation: { id: '7', url: URL_ },
      reason: 'The customer asked for a human.',
      target: { kind: 'group', id: '2', name: 'Returns team' },
      subAgent: 'returns',
      summary: { 'Order number': '#1001', Product: null },
      escalatedAt: '2026-12-01T10:00:02.000Z',
      override: false,
    });
    expect(e.signals[0]).toEqual({
      kind: 'user_requested_human',
      label: 'Customer asked for a human',
      quote: expect.stringContaining('<!channel>'),
    });
    expect(deliveryHeaders(e)['X-Baton-Delivery']).toBe(e.deliveryId);
  });

  it('drops the note’s invisible retry marker and cuts a long note', async () => {
    expect((await event()).note).toBe('Customer wants a human about order #1001.');
    // The handoff record's line is for Baton and the helpdesk's reports, not for the channel.
    const recorded = finishedJournal();
    recorded.plan.note = withRecord(
      'Customer wants a human.',
      buildRecord({ kind: 'escalated', at: '2026-12-01T10:00:00Z', platform: 'zendesk', reason: 'manual' }),
    );
    expect((await event(recorded)).note).toBe('Customer wants a human.');
    const long = finishedJournal();
    long.plan.note = 'word '.repeat(400);
    const note = (await event(long)).note;
    expect(note.length).toBeLessThanOrEqual(NOTE_EXCERPT_CHARS);
    expect(note.endsWith('…')).toBe(true);
  });

  it('names one escalation the same in every worker, and each webhook’s delivery apart', async () => {
    const j = finishedJournal();
    expect(await escalationId(j)).toBe(await escalationId(structuredClone(j)));
    expect(await deliveryId(j, 'https://a.example/1')).toBe(await deliveryId(j, 'https://a.example/1'));
    expect(await deliveryId(j, 'https://a.example/1')).not.toBe(await deliveryId(j, 'https://a.example/2'));
    // Escalated again after Return to bot: a new escalation, a new delivery.
    expect(await deliveryId({ ...j, startedAt: '2026-12-01T11:00:00.000Z' }, 'https://a.example/1')).not.toBe(
      await deliveryId(j, 'https://a.example/1'),
    );
  });

  it('marks an escalation against the verdict as an override', async () => {
    const j = finishedJournal();
    j.plan.why!.status = 'none';
    expect((await event(j)).override).toBe(true);
  });
});

describe('Slack message', () => {
  it('escapes only &, < and >, as Slack asks', () => {
    expect(escapeMrkdwn('<!channel> & <https://x|y> "quoted" it\'s')).toBe('&lt;!channel&gt; &amp; &lt;https://x|y&gt; "quoted" it\'s');
  });

  it('has a fallback text and blocks with reason, target, summary, evidence and the conversation link', async () => {
    const m = slackMessage(await event());
    expect(m.text).toContain('Escalated to Returns team: The customer asked for a human.');
    const all = JSON.stringify(m.blocks);
    expect(all).toContain(`<${URL_}|Open Zendesk conversation 7>`);
    expect(all).toContain('*Order number:* #1001');
    expect(all).toContain('Sub agent: returns');
    expect(m.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Escalated to Returns team' } });
  });

  it('never lets customer text ping a channel or hide a link', async () => {
    const all = JSON.stringify(slackMessage(await event()));
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<https://evil.example');
    expect(all).toContain('&lt;!channel&gt; human &amp; &lt;https://evil.example|click here&gt;');
  });

  it('shows customer formatting characters and bare addresses as typed: no bold, italics, strike, code or auto-links', async () => {
    const j = finishedJournal();
    j.plan.why!.signals = [
      { kind: 'user_requested_human', confidence: 0.9, quote: '*URGENT* _refund_ ~now~ `x` visit https://evil.example/login #general' },
    ];
    j.plan.note = 'Customer says *approved* _by_ ~manager~ `rm`';
    const m = slackMessage(await event(j));
    const objects: { type: string; text: string; verbatim?: boolean }[] = [];
    for (const b of m.blocks as { type: string; text?: { type: string; text: string }; elements?: { type: string; text: string }[] }[]) {
      if (b.text?.type === 'mrkdwn') objects.push(b.text);
      for (const el of b.elements ?? []) if (el.type === 'mrkdwn') objects.push(el);
    }
    expect(objects.length).toBeGreaterThan(2);
    for (const o of objects) expect(o.verbatim).toBe(true);
    const all = objects.map((o) => o.text).join('\n');
    expect(all).toContain(
      '*\u200bURGENT*\u200b _\u200brefund_\u200b ~\u200bnow~\u200b `\u200bx`\u200b visit https://evil.example/login #general',
    );
    expect(all).toContain('*\u200bapproved*\u200b');
    expect(all).not.toMatch(/\*URGENT\*|_refund_|~now~|`x`|\*approved\*/);
    // Baton's own labels keep their bold.
    expect(all).toContain('*Evidence*');
  });

  it('keeps every section within Slack’s 3,000 characters', async () => {
    const j = finishedJournal();
    j.plan.why!.summary = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`Field ${i}`, '<'.repeat(200)]));
    const m = slackMessage(await event(j));
    for (const b of m.blocks as { type: string; text?: { text: string } }[]) {
      if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3000);
    }
  });

  it('says which target was not chosen when there is none', async () => {
    const j = finishedJournal();
    j.plan.target = null;
    expect(slackMessage(await event(j)).text).toContain('Escalated to no target');
  });
});
