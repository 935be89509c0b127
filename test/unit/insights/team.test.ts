import { describe, expect, it } from 'vitest';
import { aggregate } from '@/lib/insights/aggregate';
import { mergeTeamAndLocal, teamEvents, teamRows } from '@/lib/insights/team';
import type { LogEvent } from '@/lib/schema/log-event';
import type { HandoffRecord } from '@/lib/schema/record';
import type { TeamStored } from '@/lib/schema/team';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

function record(min: number, agent: string, extra: Partial<HandoffRecord> = {}): HandoffRecord {
  return {
    v: 1,
    kind: 'escalated',
    at: at(min),
    reason: 'user_requested_human',
    signals: [{ kind: 'user_requested_human', c: 0.9 }],
    subAgent: 'returns',
    askedAt: at(min - 4),
    agent: { name: agent },
    target: { kind: 'team', id: '11', name: 'Returns team' },
    ...extra,
  };
}

const stored = (conversationId: string, ...records: HandoffRecord[]): TeamStored => ({
  platform: 'zendesk',
  account: 'acme',
  conversationId,
  updatedAt: at(100),
  unreadable: 0,
  records: records.map((r) => ({ record: r, noteAuthor: 'Note Author' })),
});

const localEscalation = (conversationId: string, min: number): LogEvent => ({
  kind: 'escalated',
  at: at(min),
  platform: 'zendesk',
  account: 'acme',
  conversationId,
  subAgent: 'returns',
  status: 'escalate',
  override: false,
  reasons: ['user_requested_human'],
  signals: [{ kind: 'user_requested_human', quote: 'a human please' }],
  target: null,
  clickedBy: null,
});

describe('Team Insights: the helpdesk records and this browser as one history', () => {
  it('counts an escalation present in both once, with the evidence from the browser and the agent from the helpdesk', () => {
    const team = teamEvents([stored('1', record(0, 'Dana Agent')), stored('2', record(10, 'Sam Lead'))], at(-60));
    const local = [localEscalation('1', 0.5), { ...localEscalation('3', 20), kind: 'dismissed', status: 'escalate' } as LogEvent];
    const merged = mergeTeamAndLocal(team, local);
    const insights = aggregate(merged, { platform: 'all', subAgent: 'all', bucket: 'day' });
    expect(insights.totals.escalations).toBe(2);
    expect(insights.totals.dismissals).toBe(1);
    expect(insights.perAgent).toEqual([
      { name: 'Dana Agent', count: 1 },
      { name: 'Sam Lead', count: 1 },
    ]);
    expect(insights.perTarget).toEqual([{ name: 'Returns team', count: 2 }]);
    expect(insights.topQuotes[0].quotes[0].quote).toBe('a human please');
  });

  it('keeps two escalations of one conversation far apart in time, and a return after its escalation', () => {
    const team = teamEvents(
      [stored('1', record(0, 'Dana Agent'), { ...record(0, 'Dana Agent'), kind: 'returned', at: at(30) }, record(60 * 24, 'Omar Ruiz'))],
      at(-60),
    );
    const merged = mergeTeamAndLocal(team, [localEscalation('1', 0)]);
    expect(merged.filter((e) => e.kind === 'escalated')).toHaveLength(2);
    expect(merged.find((e) => e.kind === 'returned')).toMatchObject({ escalatedAt: at(0) });
    const byAgent = aggregate(merged, { platform: 'all', subAgent: 'all', bucket: 'day', agent: 'Omar Ruiz' });
    expect(byAgent.totals.escalations).toBe(1);
  });

  it('lists records in the window only, names the note author when the record has no agent, and drops a record posted twice', () => {
    const noAgent = record(5, '', { agent: undefined });
    const rows = teamRows([stored('1', record(-120, 'Old'), noAgent, noAgent)], at(-60));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ agent: 'Note Author', askedAt: at(1), reason: 'user_requested_human', target: 'Returns team' });
  });
});
