// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { VerdictCard } from '@/components/sidebar/VerdictCard';
import { REASON_NAME } from '@/components/insights/colors';
import { checkOffline } from '@/lib/engine';
import { buildNote } from '@/lib/engine/write/summary';
import { REASONS } from '@/lib/insights/aggregate';
import { slackMessage } from '@/lib/notify/slack';
import { PolicySchema, POLICY_VERSION } from '@/lib/schema/policy';
import { SignalKindSchema, VerdictSchema, type Signal, type SignalKind } from '@/lib/schema/verdict';
import { DETECTORS } from '@/lib/engine/signals';
import { SIGNALS, SIGNALS_IN_ORDER, SWITCHABLE } from '@/lib/signals/registry';
import { conv, policy } from '../engine/fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const KINDS = SignalKindSchema.options;
const ROOT = join(__dirname, '../../..');
const signalOf = (kind: SignalKind, i: number): Signal => ({ kind, confidence: 0.8, evidence: { messageIndex: i, quote: `quote ${i}` } });

let host: HTMLElement | undefined;
afterEach(() => host?.remove());

describe('signal registry', () => {
  it('has one complete entry for every signal the verdict schema knows, and nothing else', () => {
    expect(Object.keys(SIGNALS).sort()).toEqual([...KINDS].sort());
    for (const kind of KINDS) {
      const e = SIGNALS[kind];
      expect(e.id).toBe(kind);
      expect(e.label.trim()).not.toBe('');
      expect(e.clause.trim()).not.toBe('');
      expect(e.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
      expect(e.nextStep('').trim()).not.toBe('');
      expect(e.insights.fixWords.trim()).not.toBe('');
      // An escalating signal the model can report has a rule in the LLM prompt.
      if (e.escalates) expect(e.llmRule?.trim()).toBeTruthy();
    }
    expect(new Set(SIGNALS_IN_ORDER.map((e) => e.order)).size).toBe(KINDS.length);
    expect(new Set(SIGNALS_IN_ORDER.map((e) => e.color)).size).toBe(KINDS.length);
    expect(new Set(SIGNALS_IN_ORDER.map((e) => e.label)).size).toBe(KINDS.length);
  });

  it('gives the policy one switch per switchable signal, on or off by the registry’s default', () => {
    const fresh = PolicySchema.parse({ version: POLICY_VERSION });
    expect(Object.keys(fresh.signals).sort()).toEqual(SWITCHABLE.map((e) => e.id).sort());
    for (const e of SWITCHABLE) expect(fresh.signals[e.id as keyof typeof fresh.signals]).toBe(e.toggle.defaultOn);
  });

  it('has one offline detector per switchable signal', () => {
    expect(DETECTORS.map((d) => d.kind).sort()).toEqual(SWITCHABLE.map((e) => e.id).sort());
  });

  it('shows every signal by its name in the sidebar, never by its id', async () => {
    const verdict = VerdictSchema.parse({
      ...checkOffline(conv([['customer', 'hello']]), policy()),
      status: 'escalate',
      escalate: true,
      signals: KINDS.map(signalOf),
    });
    host = document.createElement('div');
    document.body.append(host);
    await act(async () => createRoot(host!).render(<VerdictCard verdict={verdict} onQuote={() => {}} />));
    const shown = [...host.querySelectorAll('[data-testid="signal"]')].map((li) => li.textContent ?? '');
    expect(shown).toHaveLength(KINDS.length);
    const text = host.textContent ?? '';
    for (const kind of KINDS) {
      expect(text).not.toContain(kind);
      expect(text).toContain(SIGNALS[kind].label);
    }
  });

  it('names every signal the same way in the note, Insights and the Slack message', () => {
    const c = conv(KINDS.map((_, i) => ['customer', `message ${i}`] as ['customer', string]));
    const signals = KINDS.map(signalOf);
    const note = buildNote(
      c,
      { from: 0, status: 'escalate', signals, missing: [] },
      {},
      {
        sentiment: 'neutral',
        urgency: 'normal',
        reason: 'Escalate.',
      },
    );
    for (const reason of REASONS) expect(REASON_NAME(reason)).not.toBe(reason);
    const slack = JSON.stringify(
      slackMessage({
        event: 'test',
        version: 1,
        id: 'e',
        deliveryId: 'd',
        platform: 'zendesk',
        platformLabel: 'Helpdesk',
        account: 'acme',
        conversation: { id: '1', url: 'https://example.com/1' },
        reason: 'Escalate.',
        signals: signals.map((s) => ({ kind: s.kind, quote: s.evidence.quote })),
        subAgent: null,
        target: null,
        summary: {},
        note: '',
        override: false,
        escalatedAt: '2026-12-01T10:00:00Z',
      }),
    );
    for (const kind of KINDS) {
      expect(note).toContain(SIGNALS[kind].label);
      expect(note).not.toContain(kind);
      expect(REASON_NAME(kind)).toBe(SIGNALS[kind].label);
      expect(slack).toContain(SIGNALS[kind].label);
      expect(slack).not.toContain(`${kind}:`);
    }
  });

  it('is the only place a signal’s name is written', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const copies = ['lib', 'components', 'entrypoints', 'utils']
      .flatMap((d) => files(join(ROOT, d)))
      .filter((f) => !f.endsWith(join('lib', 'signals', 'registry.ts')))
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        return SIGNALS_IN_ORDER.filter((e) => text.includes(e.label)).map((e) => `${relative(ROOT, f)}: ${e.label}`);
      });
    expect(copies).toEqual([]);
  });
});
