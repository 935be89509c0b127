import type { EventOf, LogEvent } from '../schema/log-event';
import type { HandoffRecord } from '../schema/record';
import type { TeamStored } from '../schema/team';
import type { SignalKind } from '../schema/verdict';

/**
 * Team Insights: the records read back from the helpdesks become the handoff log's events, so the same
 * aggregation and panels show them; the browser's own log is merged in for what never reaches the helpdesk
 * (verdicts shown, dismissed, the evidence quotes).
 */

/** One escalation or return as the Team table lists it. */
export interface TeamRow {
  kind: HandoffRecord['kind'];
  platform: TeamStored['platform'];
  account: string;
  conversationId: string;
  at: string;
  agent: string | null;
  reason: HandoffRecord['reason'];
  subAgent: string | null;
  target: string | null;
  /** The customer's first ask for a human and the bot's promise, when the record has them (the wait clock's start). */
  askedAt: string | null;
  promisedAt: string | null;
}

/** Two reports of one escalation (the browser's journal, the helpdesk's note) are this close at most. */
const SAME_MOMENT_MS = 2 * 60_000;

const agentOf = (r: HandoffRecord, noteAuthor: string | null) => r.agent?.name?.trim() || noteAuthor?.trim() || null;

/** Every record in the window, oldest first, as the Team table lists them. */
export function teamRows(stored: TeamStored[], since: string): TeamRow[] {
  const from = Date.parse(since);
  const rows: TeamRow[] = [];
  for (const c of stored) {
    for (const { record: r, noteAuthor } of c.records) {
      if (!(Date.parse(r.at) >= from)) continue;
      rows.push({
        kind: r.kind,
        platform: r.platform ?? c.platform,
        account: c.account,
        conversationId: c.conversationId,
        at: r.at,
        agent: agentOf(r, noteAuthor),
        reason: r.reason,
        subAgent: r.subAgent ?? null,
        target: r.target?.name ?? null,
        askedAt: r.askedAt ?? null,
        promisedAt: r.promisedAt ?? null,
      });
    }
  }
  // One record may be in two notes (a note edited and posted again): counted once.
  const seen = new Set<string>();
  return rows
    .sort((a, b) => a.at.localeCompare(b.at))
    .filter((r) => {
      const key = `${r.kind}|${r.platform}|${r.account}|${r.conversationId}|${r.at}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

function reasonsOf(r: HandoffRecord): SignalKind[] {
  const out: SignalKind[] = r.reason === 'manual' ? [] : [r.reason];
  for (const s of r.signals) if (!out.includes(s.kind)) out.push(s.kind);
  return out;
}

/** The records in the window as handoff-log events (escalations and returns). */
export function teamEvents(stored: TeamStored[], since: string): LogEvent[] {
  const records = new Map<string, HandoffRecord>();
  for (const c of stored)
    for (const { record } of c.records) records.set(`${c.platform}|${c.account}|${c.conversationId}|${record.at}`, record);
  const events: LogEvent[] = [];
  const lastEscalation = new Map<string, string>();
  for (const row of teamRows(stored, since)) {
    const conv = `${row.platform}|${row.account}|${row.conversationId}`;
    const r = records.get(`${conv}|${row.at}`)!;
    const where = { platform: row.platform, account: row.account, conversationId: row.conversationId, subAgent: row.subAgent, at: row.at };
    if (row.kind === 'escalated') {
      lastEscalation.set(conv, row.at);
      events.push({
        kind: 'escalated',
        ...where,
        status: null,
        override: !!r.override,
        reasons: reasonsOf(r),
        signals: [],
        target: r.target ? { kind: r.target.kind, id: r.target.id, name: r.target.name } : null,
        ...(r.promisedAt ? { promisedAt: r.promisedAt } : {}),
        // The record's timeline, so the wait clock and the scorecard read the team's handoffs like the log's.
        handoffAt: r.at,
        ...(r.askedAt ? { askedAt: r.askedAt } : {}),
        ...(r.asks !== undefined ? { asks: r.asks } : {}),
        ...(r.lateTurns !== undefined ? { lateTurns: r.lateTurns } : {}),
        ...(r.repliedAt ? { repliedAt: r.repliedAt } : {}),
        ...(r.premature ? { premature: true } : {}),
        ...(r.loop ? { loop: true } : {}),
        clickedBy: row.agent,
      });
    } else {
      events.push({ kind: 'returned', ...where, escalatedAt: lastEscalation.get(conv) ?? row.at });
    }
  }
  return events;
}

const convOf = (e: LogEvent) => `${e.platform}|${e.account}|${e.conversationId}`;
const near = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) <= SAME_MOMENT_MS;

/**
 * The team's events and this browser's log as one list: an escalation or return present in both (same
 * helpdesk, account and conversation, within two minutes) counts once, keeping the browser's entry (it has the
 * evidence quotes and the verdict on screen) with the agent and target the helpdesk's record names.
 */
export function mergeTeamAndLocal(team: LogEvent[], local: LogEvent[]): LogEvent[] {
  const out: LogEvent[] = [...local];
  const byConv = new Map<string, LogEvent[]>();
  for (const e of local) byConv.set(convOf(e), [...(byConv.get(convOf(e)) ?? []), e]);
  const matched = new Set<LogEvent>();
  for (const t of team) {
    const twin = (byConv.get(convOf(t)) ?? []).find((l) => !matched.has(l) && l.kind === t.kind && near(l.at, t.at));
    if (!twin) {
      out.push(t);
      continue;
    }
    matched.add(twin);
    if (twin.kind === 'escalated' && t.kind === 'escalated') {
      const filled: EventOf<'escalated'> = { ...twin, clickedBy: twin.clickedBy ?? t.clickedBy, target: twin.target ?? t.target };
      out[out.indexOf(twin)] = filled;
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
