import { z } from 'zod';
import { POLICY_VERSION, PolicySchema, type Policy } from '../schema/policy';
import { TargetSchema } from '../schema/target';
import { PLATFORMS } from '../schema/conversation';

/**
 * Version 1 (Baton 0.0.x) kept one escalation tag, a single default target for all platforms and a
 * boolean pause. Older saved configs upgrade themselves on load through these steps.
 */
const PolicyV1Schema = z.object({
  version: z.literal(1),
  scope: z.string().default(''),
  subAgents: z.array(z.object({ name: z.string(), description: z.string().default(''), tags: z.array(z.string()).default([]) })).default([]),
  instruction: z.string().default(''),
  escalationTag: z.string().default('sys_escalation'),
  summaryFields: z.record(z.string(), z.string()).default({}),
  defaultTarget: TargetSchema.optional(),
  rules: z.array(z.object({ subAgent: z.string(), target: TargetSchema })).default([]),
  pauseBot: z.boolean().default(true),
  stopTag: z.string().default('sys_bot_paused'),
});

function fromV1(v1: z.infer<typeof PolicyV1Schema>): unknown {
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
    // Version 1 had one pause setting for every platform.
    suspend: { enabled: v1.pauseBot, pause: Object.fromEntries(PLATFORMS.map((p) => [p, pause])) },
  };
}

export type PolicyLoad =
  | { ok: true; policy: Policy; migratedFrom?: number }
  | { ok: false; issues: { path: string; message: string }[] };

/** Parses a stored or imported policy of any known version into the current one; never throws. */
export function loadPolicy(raw: unknown): PolicyLoad {
  let value: unknown = raw ?? { version: POLICY_VERSION };
  let migratedFrom: number | undefined;
  const version = (value as { version?: unknown })?.version;
  if (version === undefined && value && typeof value === 'object') value = { ...value, version: POLICY_VERSION };
  if (version === 1) {
    const v1 = PolicyV1Schema.safeParse(value);
    if (!v1.success) return { ok: false, issues: zodIssues(v1.error) };
    value = fromV1(v1.data);
    migratedFrom = 1;
  }
  const parsed = PolicySchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  return { ok: true, policy: parsed.data, migratedFrom };
}

/** Zod issues with a dotted field path, for showing each error at its field. */
export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}
