// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ReturnToBot } from '@/components/sidebar/ReturnToBot';
import { useSidebar } from '@/components/sidebar/store';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { GORGIAS_LAYOUT } from '@/lib/platforms/gorgias/ops';
import { ConversationSchema } from '@/lib/schema/conversation';
import type { CheckResult } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ref = { platform: 'gorgias' as const, account: 'acme', conversationId: '7', idIsGuess: false };
const policyWith = (keepTagsOnReturn: boolean) => {
  const p = defaultPolicy();
  return { ...p, suspend: { ...p.suspend, keepTagsOnReturn } };
};

/** Escalated from the bot's side (no team, the bot assigned) to Tier 2, the bot paused. */
function escalated(): Journal {
  const before = ConversationSchema.parse({
    ref,
    id: '7',
    messages: [{ role: 'customer', text: 'a human please' }],
    tags: ['returns'],
    team: null,
    assignee: { id: '103', name: 'Aissist Bot' },
  });
  const draft = {
    note: 'Customer wants a human.',
    tags: ['sys_escalation'],
    target: { platform: 'gorgias' as const, kind: 'team' as const, id: '13', name: 'Tier 2 support' },
    routeReason: '',
    suspend: true,
  };
  const j = newJournal(buildPlan(ref, before, draft, policyWith(false)), GORGIAS_LAYOUT);
  return { ...j, steps: j.steps.map((s) => ({ ...s, status: 'done' })), finishedAt: new Date().toISOString() };
}

/** What the helpdesk shows now: the escalation's tags, the stop tag, and a colleague's own tag. */
function now(): CheckResult {
  const conversation = ConversationSchema.parse({
    ref,
    id: '7',
    messages: [{ role: 'customer', text: 'a human please' }],
    tags: ['returns', 'sys_escalation', 'sys_bot_paused', 'vip'],
    team: { id: '13', name: 'Tier 2 support' },
    assignee: null,
  });
  return { conversation, verdict: { status: 'escalate', signals: [], reason: '', summary: {} }, checkedAt: '' } as unknown as CheckResult;
}

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  host?.remove();
});

async function preview(keepTags: boolean): Promise<string> {
  useSidebar.setState({ policy: policyWith(keepTags), result: now(), targets: [] });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<ReturnToBot journal={escalated()} acting={false} onResume={() => {}} />));
  await act(async () => (host!.querySelector('[data-testid="return-to-bot"]') as HTMLButtonElement).click());
  return host.querySelector('[data-testid="handback-preview"]')!.textContent!;
}

describe('Return to bot: what the panel says it will put back', () => {
  it("the tags before the escalation plus a colleague's, the team and the assignee the bot had", async () => {
    expect(await preview(false)).toBe('Tags back to: returns, vip; team back to nobody; assignee back to Aissist Bot.');
  });

  it('with the escalation tags kept as history, they stay in the list; only the stop tag comes off', async () => {
    expect(await preview(true)).toBe('Tags back to: returns, sys_escalation, vip; team back to nobody; assignee back to Aissist Bot.');
  });
});
