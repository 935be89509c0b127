import { z } from 'zod';
import { recordLine } from '../../lib/record/codec';
import type { HandoffRecord } from '../../lib/schema/record';
import type { Platform } from '../../lib/schema/conversation';

/**
 * Team Insights seed: N escalated conversations on one sandbox helpdesk, each with its reason tag and a note
 * ending in Baton's record line, spread over the last `days`. Tests and `npm run bench` use it
 * (POST /__admin/{platform}/team-seed) to stand for escalations other agents' browsers made.
 */
const TeamSeedSchema = z.object({
  count: z.number().int().min(1).max(5000),
  days: z.number().int().min(1).max(365).default(30),
  /** Agents by name: the sandbox finds or adds a helpdesk user for each, and the records carry the names. */
  agents: z.array(z.string().min(1)).min(1).default(['Dana Agent', 'Sam Lead', 'Omar Ruiz']),
  tagPrefix: z.string().default('baton_reason_'),
  /** The newest escalation's time (default: now). */
  now: z.iso.datetime({ offset: true }).optional(),
  /** One in this many also carries a Return to bot record (0: none). */
  returnsEvery: z.number().int().min(0).default(5),
});
export type TeamSeed = z.input<typeof TeamSeedSchema>;

export interface SeededHandoff {
  index: number;
  agent: string;
  reason: HandoffRecord['reason'];
  subAgent: string;
  target: { kind: 'team'; id: string; name: string };
  subject: string;
  /** Milliseconds: the customer's first ask, the escalation, the conversation's last update. */
  askedAt: number;
  escalatedAt: number;
  updatedAt: number;
  tags: string[];
  records: HandoffRecord[];
}

const REASONS: HandoffRecord['reason'][] = ['user_requested_human', 'bot_handed_off', 'out_of_scope', 'custom_instruction', 'manual'];
const SUB_AGENTS = ['returns', 'billing', 'order_tracking'];
const TARGETS = [
  { id: '11', name: 'Returns team' },
  { id: '12', name: 'Billing team' },
  { id: '13', name: 'Tier 2 support' },
];

const iso = (ms: number) => new Date(ms).toISOString();

/** The same spec always plans the same conversations (tests pin counts per reason and agent). */
export function planHandoffs(input: TeamSeed, platform: Platform): SeededHandoff[] {
  const spec = TeamSeedSchema.parse(input);
  const now = spec.now ? Date.parse(spec.now) : Date.now();
  // Spread over the window, leaving its first hour free so a read "since N days ago" a moment later sees them all.
  const span = spec.days * 86_400_000 - 3_600_000;
  return Array.from({ length: spec.count }, (_, i) => {
    const escalatedAt = now - Math.round((span * i) / spec.count) - 60_000;
    const reason = REASONS[i % REASONS.length];
    const agent = spec.agents[i % spec.agents.length];
    const subAgent = SUB_AGENTS[i % SUB_AGENTS.length];
    const t = TARGETS[i % TARGETS.length];
    const target = { kind: 'team' as const, id: t.id, name: t.name };
    const askedAt = escalatedAt - (2 + (i % 7)) * 60_000;
    const escalated: HandoffRecord = {
      v: 1,
      kind: 'escalated',
      at: iso(escalatedAt),
      reason,
      signals: reason === 'manual' ? [] : [{ kind: reason, c: 0.9 }],
      subAgent,
      askedAt: iso(askedAt),
      agent: { name: agent },
      target,
      platform,
    };
    const records = [escalated];
    const returned = spec.returnsEvery > 0 && i % spec.returnsEvery === spec.returnsEvery - 1;
    if (returned) records.push({ ...escalated, kind: 'returned', at: iso(escalatedAt + 30_000), askedAt: undefined });
    return {
      index: i,
      agent,
      reason,
      subAgent,
      target,
      subject: `Team seed ${i + 1}: ${subAgent.replace('_', ' ')}`,
      askedAt,
      escalatedAt,
      updatedAt: escalatedAt + (returned ? 31_000 : 1_000),
      tags: [`${spec.tagPrefix}${reason}`, 'sys_escalation'],
      records,
    };
  });
}

/** The internal note's text as Baton writes it: a few words, then the record line at the end. */
export function seedNoteText(record: HandoffRecord, agent: string): string {
  const what = record.kind === 'escalated' ? `Escalated to ${record.target?.name ?? 'the team'}` : 'Handed back to the bot';
  return `${what} by ${agent}.\n\n${recordLine(record)}`;
}
