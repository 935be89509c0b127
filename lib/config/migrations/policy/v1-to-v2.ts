import { z } from 'zod';
import { PLATFORMS } from '../../../schema/conversation';
import { TargetSchema } from '../../../schema/target';

/**
 * Policy v1 (Baton 0.0.x) kept one escalation tag, a single default target for all platforms and a
 * boolean pause. v2 has a tag list, a default target per platform, routing rules over several sub agents
 * and per-platform pause settings.
 */
const PolicyV1Schema = z.object({
  version: z.literal(1),
  scope: z.string().default(''),
  subAgents: z
    .array(z.object({ name: z.string(), description: z.string().default(''), tags: z.array(z.string()).default([]) }))
    .default([]),
  instruction: z.string().default(''),
  escalationTag: z.string().default('sys_escalation'),
  summaryFields: z.record(z.string(), z.string()).default({}),
  defaultTarget: TargetSchema.optional(),
  rules: z.array(z.object({ subAgent: z.string(), target: TargetSchema })).default([]),
  pauseBot: z.boolean().default(true),
  stopTag: z.string().default('sys_bot_paused'),
});

/**
 * Upgrades a stored v1 policy. Values already past v1 (a v2 policy saved before storage carried a version
 * in its metadata) come back as the same object, untouched. Throws with the field problems when a v1
 * policy cannot be read, so the reader can say why it fell back.
 */
export function policyV1ToV2(value: unknown): unknown {
  if (!isObject(value)) return value;
  // A policy saved without a version field was written by v2 code (v1 always wrote `version: 1`).
  if (value.version === undefined) return { ...value, version: 2 };
  if (value.version !== 1) return value;
  const parsed = PolicyV1Schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    throw new Error(`policy v1 is unreadable (${issues.join('; ')})`);
  }
  const v1 = parsed.data;
  const pause = { stopTag: v1.stopTag, removeTags: [] };
  return {
    version: 2,
    scope: v1.scope,
    subAgents: v1.subAgents.map((s) => ({ ...s, examples: [] })),
    customInstruction: v1.instruction,
    tags: { escalation: [v1.escalationTag], suggest: true },
    summarySchema: v1.summaryFields,
    routing: {
      defaultTargets: v1.defaultTarget ? { [v1.defaultTarget.platform]: v1.defaultTarget } : {},
      rules: v1.rules.map((r) => ({ subAgents: [r.subAgent], when: {}, target: r.target })),
    },
    // v1 had one pause setting for every platform.
    suspend: { enabled: v1.pauseBot, pause: Object.fromEntries(PLATFORMS.map((p) => [p, { ...pause }])) },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
