// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WaitClock } from '@/components/sidebar/WaitClock';
import { useSidebar } from '@/components/sidebar/store';
import { checkOffline } from '@/lib/engine/offline';
import { customerTurns } from '@/lib/followup/asks';
import { promiseIndexes } from '@/lib/followup/promises';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { ZENDESK_LAYOUT } from '@/lib/platforms/zendesk/ops';
import { ConversationSchema, type MessageInput } from '@/lib/schema/conversation';
import type { CheckResult } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const policy = defaultPolicy();
const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '7', idIsGuess: false };
// The sidebar's clock is injected: fake Date and intervals start here, and the test moves them.
const T0 = Date.parse('2026-11-20T10:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const BOT = { id: '900', name: 'Aissist Bot' };

const THREAD: MessageInput[] = [
  { role: 'customer', text: 'My order #4411 never arrived. Where is it?', createdAt: at(0) },
  { role: 'bot', text: 'Could you give me your order number?', createdAt: at(1), author: BOT },
  { role: 'customer', text: 'Can I talk to a human please?', createdAt: at(2) },
  { role: 'bot', text: 'Here is our tracking page: you can follow your parcel there.', createdAt: at(3), author: BOT },
  { role: 'customer', text: 'I want to speak to a real person, this is useless', createdAt: at(4) },
];

function result(messages: MessageInput[]): CheckResult {
  const conversation = ConversationSchema.parse({ ref, id: '7', messages, tags: [], assignee: null, team: null });
  return {
    conversation,
    verdict: checkOffline(conversation, policy),
    route: { target: null, reason: '' },
    checkedAt: at(0),
    journal: null,
    promised: promiseIndexes(conversation),
    turns: customerTurns(conversation),
  };
}

function escalatedAt(r: CheckResult, min: number): Journal {
  const draft = { note: 'Needs a person.', tags: ['sys_escalation'], target: null, routeReason: '', suspend: true };
  const j = newJournal(buildPlan(ref, r.conversation, draft, policy), ZENDESK_LAYOUT, new Date(at(min)));
  return {
    ...j,
    steps: j.steps.map((s) => (s.status === 'skipped' ? s : { ...s, status: 'done', updatedAt: at(min) })),
    finishedAt: at(min),
  };
}

let root: Root | null = null;
let host: HTMLElement | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(T0 + 6 * 60_000);
});
afterEach(async () => {
  await act(async () => root?.unmount());
  host?.remove();
  root = null;
  vi.useRealTimers();
});

async function show(r: CheckResult, journal: Journal | null) {
  useSidebar.setState({ result: r, journal, policy });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<WaitClock />));
  return host;
}

const line = (el: HTMLElement) => el.querySelector('[data-testid="wait-clock-line"]')?.textContent;

describe('the wait clock in the sidebar', () => {
  it('runs from the first ask, splits bot and queue time once escalated, and moves on by itself', async () => {
    const r = result(THREAD);
    const el = await show(r, null);
    expect(line(el)).toBe('Waiting for a human 4 min (bot 4 min)');
    expect(el.querySelector('[data-testid="wait-clock-late"]')?.textContent).toBe(
      'Asked for a human 2 times, 1 customer turn since the first ask, and no handoff yet.',
    );
    expect(el.querySelector('[role="timer"]')).not.toBeNull();

    await act(async () => useSidebar.setState({ journal: escalatedAt(r, 6) }));
    // Two 30-second redraws later, with no new check: the queue part grows on its own.
    await act(async () => vi.advanceTimersByTime(2 * 60_000));
    expect(line(el)).toBe('Waiting for a human 6 min (bot 4 min · queue 2 min)');
    expect(el.querySelector('[data-testid="wait-clock-late"]')?.textContent).toBe(
      'Asked for a human 2 times; the handoff came 1 customer turn after the first ask.',
    );
  });

  it('stops at the first human reply', async () => {
    const r = result(THREAD);
    const journal = escalatedAt(r, 6);
    const replied = result([...THREAD, { role: 'agent', text: 'Hi, Dana here. Let me check with the carrier.', createdAt: at(9) }]);
    const el = await show(replied, journal);
    await act(async () => vi.advanceTimersByTime(30 * 60_000));
    expect(line(el)).toBe('Waited for a human 7 min (bot 4 min · queue 3 min)');
    expect(el.querySelector('[role="timer"]')).toBeNull();
  });

  it('says so when the customer solved it themselves right after the handoff', async () => {
    const r = result(THREAD);
    const el = await show(
      result([...THREAD, { role: 'customer', text: 'Never mind, I found it in my mailbox.', createdAt: at(7) }]),
      escalatedAt(r, 5),
    );
    expect(line(el)).toBe('The customer no longer needed a person after 5 min: they solved it themselves.');
  });

  it('shows nothing when nobody asked for a human and the bot promised nothing', async () => {
    const el = await show(result(THREAD.slice(0, 2)), null);
    expect(el.textContent).toBe('');
  });
});
