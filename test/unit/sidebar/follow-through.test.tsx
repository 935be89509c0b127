// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FollowThrough } from '@/components/sidebar/FollowThrough';
import { checkOffline } from '@/lib/engine/offline';
import { promiseIndexes } from '@/lib/followup/promises';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { ZENDESK_LAYOUT } from '@/lib/platforms/zendesk/ops';
import { ConversationSchema, type MessageInput } from '@/lib/schema/conversation';
import type { CheckResult } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import { defaultPolicy, PolicySchema, type Policy } from '@/lib/schema/policy';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '7', idIsGuess: false };
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const FORWARDED =
  "I can see two charges. I don't have access to refund payments, so I've forwarded this to our billing team and they will follow up with you by email.";

function result(messages: MessageInput[], policy: Policy): CheckResult {
  const conversation = ConversationSchema.parse({ ref, id: '7', messages, tags: ['billing'], assignee: null, team: null });
  return {
    conversation,
    verdict: checkOffline(conversation, policy),
    route: { target: null, reason: '' },
    checkedAt: new Date().toISOString(),
    journal: null,
    promised: promiseIndexes(conversation),
  };
}

const promised = (m: number) => [
  { role: 'customer' as const, text: 'I was charged twice this month. Can you fix it?', createdAt: minutesAgo(m + 1) },
  { role: 'bot' as const, text: FORWARDED, createdAt: minutesAgo(m), author: { id: '900', name: 'Aissist Bot' } },
];

function escalated(r: CheckResult, finishedMinutesAgo: number): Journal {
  const draft = { note: 'Billing: double charge.', tags: ['sys_escalation'], target: null, routeReason: '', suspend: true };
  const j = newJournal(buildPlan(ref, r.conversation, draft, defaultPolicy()), ZENDESK_LAYOUT, new Date(minutesAgo(finishedMinutesAgo)));
  const at = minutesAgo(finishedMinutesAgo);
  return { ...j, steps: j.steps.map((s) => (s.status === 'skipped' ? s : { ...s, status: 'done', updatedAt: at })), finishedAt: at };
}

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  host?.remove();
  root = null;
  vi.useRealTimers();
});

async function show(props: { result: CheckResult; journal?: Journal | null; policy?: Policy; acting?: boolean; onEscalate?: () => void }) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () =>
    root!.render(
      <FollowThrough
        result={props.result}
        journal={props.journal ?? null}
        policy={props.policy ?? defaultPolicy()}
        acting={props.acting ?? false}
        onEscalate={props.onEscalate ?? (() => {})}
      />,
    ),
  );
  return host;
}

const q = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('follow-through in the sidebar', () => {
  it('a promise nobody acted on: an alert saying how long ago; a page script clicking Escalate now escalates nothing', async () => {
    const onEscalate = vi.fn();
    const el = await show({ result: result(promised(45), defaultPolicy()), onEscalate });
    const card = q(el, 'promise-broken')!;
    expect(card.getAttribute('role')).toBe('alert');
    expect(card.textContent).toContain('Promised handoff not done');
    expect(q(el, 'promised-ago')!.textContent).toContain('promised 45 minutes ago');
    // A scripted click is untrusted (the agent's own click is covered end to end in test/e2e/follow-through).
    await act(async () => q(el, 'promise-fix')!.click());
    expect(onEscalate).not.toHaveBeenCalled();
  });

  it('while the escalation runs the button waits; once the journal exists the warning is gone', async () => {
    const r = result(promised(3 * 60), defaultPolicy());
    const el = await show({ result: r, acting: true });
    expect(q(el, 'promise-fix')!.hasAttribute('disabled')).toBe(true);
    expect(q(el, 'promised-ago')!.textContent).toContain('promised 3 hours ago');
    await act(async () => root!.unmount());
    const after = await show({ result: r, journal: escalated(r, 0) });
    expect(q(after, 'promise-broken')).toBeNull();
  });

  it("a bot reply after the pause names the platform's stop tag and opens Options at Suspend", async () => {
    const policy = PolicySchema.parse({
      ...defaultPolicy(),
      suspend: { enabled: true, pause: { ...defaultPolicy().suspend.pause, zendesk: { stopTag: 'ai_off', removeTags: [] } } },
    });
    const base = result(promised(20), policy);
    const journal = escalated(base, 10);
    const r = result(
      [...promised(20), { role: 'bot', text: 'Anything else I can help with?', createdAt: minutesAgo(5), author: { id: '900' } }],
      policy,
    );
    const sent = vi.fn(async () => ({ ok: true, data: true }));
    (fakeBrowser.runtime as { sendMessage: unknown }).sendMessage = sent;
    const el = await show({ result: r, journal, policy });
    const card = q(el, 'bot-after-pause')!;
    expect(card.textContent).toContain('The bot is still replying: your bot does not honour the stop tag ai_off.');
    await act(async () => q(el, 'open-suspend')!.click());
    expect(sent).toHaveBeenCalledWith({ type: 'openOptions', section: 'suspend' });
  });

  it('the unclaimed nudge appears by itself once the target passes while the sidebar stays open', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const r = result(promised(40), defaultPolicy());
    const el = await show({ result: r, journal: escalated(r, 20) });
    expect(q(el, 'unclaimed')).toBeNull();
    await act(async () => vi.advanceTimersByTime(11 * 60_000));
    expect(q(el, 'unclaimed')!.textContent).toBe('Escalated 31 min ago and nobody has picked it up yet (target 30 min).');
  });

  it('nothing to say: nothing shown', async () => {
    const el = await show({ result: result([{ role: 'customer', text: 'Where is my order 55012?' }], defaultPolicy()) });
    expect(el.textContent).toBe('');
  });
});
