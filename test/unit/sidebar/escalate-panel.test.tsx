// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { EscalatePanel } from '@/components/sidebar/EscalatePanel';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { ADAPTERS } from '@/lib/platforms/registry';
import { ConversationSchema, type Platform } from '@/lib/schema/conversation';
import type { Journal } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
afterEach(() => host?.remove());

function journalFor(platform: Platform, over: { target?: boolean } = {}): Journal {
  const ref = { platform, account: 'acme', conversationId: '7', idIsGuess: false };
  const conversation = ConversationSchema.parse({ id: '7', messages: [{ role: 'customer', text: 'a human please' }], tags: [] });
  const target = over.target === false ? null : { platform, kind: 'team' as const, id: '3', name: 'Tier 2' };
  const draft = { note: 'Customer wants a human.', tags: ['sys_escalation'], target, routeReason: '', suspend: true };
  return newJournal(buildPlan(ref, conversation, draft, defaultPolicy()), ADAPTERS[platform].stepLayout);
}

async function show(platform: Platform, journal: Journal): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  const noop = () => {};
  await act(async () =>
    createRoot(host).render(
      <EscalatePanel
        platform={platform}
        status="escalate"
        journal={journal}
        acting={false}
        error={null}
        suspend
        canSuspend
        onSuspend={noop}
        onEscalate={noop}
        onRetry={noop}
        onProvide={noop}
        onResume={noop}
      />,
    ),
  );
  return host;
}

const listed = (el: HTMLElement) => [...el.querySelectorAll('[data-testid="steps"] li')].map((li) => li.getAttribute('data-step'));
const together = (el: HTMLElement) => [...el.querySelectorAll('[data-testid="sent-together"]')].map((p) => p.textContent);

describe('escalation steps in the sidebar', () => {
  it('Gorgias: the note, the assignment, then the tags with the pause said to go in one update', async () => {
    const el = await show('gorgias', journalFor('gorgias'));
    expect(listed(el)).toEqual(['note', 'assign', 'tags', 'pause']);
    expect(together(el)).toEqual(['The tags and the pause go to Gorgias in one update: they land together or not at all.']);
  });

  it('Zendesk: every step in one update', async () => {
    const el = await show('zendesk', journalFor('zendesk'));
    expect(listed(el)).toEqual(['note', 'assign', 'tags', 'pause']);
    expect(together(el)).toEqual(['All these steps go to Zendesk in one update: they land together or not at all.']);
  });

  it('Front: note, assignment, then the tags with the pause; a skipped step is not named', async () => {
    const el = await show('front', journalFor('front', { target: false }));
    expect(listed(el)).toEqual(['note', 'assign', 'tags', 'pause']);
    expect(together(el)).toEqual(['The tags and the pause go to Front in one update: they land together or not at all.']);
  });

  it('says nothing about updates once the escalation is finished', async () => {
    const j = journalFor('zendesk');
    const done: Journal = { ...j, steps: j.steps.map((s) => ({ ...s, status: 'done' })), finishedAt: new Date().toISOString() };
    expect(together(await show('zendesk', done))).toEqual([]);
  });
});
