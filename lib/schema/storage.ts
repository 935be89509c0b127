import { z } from 'zod';
import { MessageSchema, PlatformSchema } from './conversation';
import { TargetSchema } from './target';

/**
 * Shapes of the smaller things Baton keeps in extension storage. Policy, connections, secrets and journals
 * have their own schema files; everything else stored lives here so a stored value always has one schema.
 */

/**
 * Legacy (storage.sync `baton:accounts`): the Zendesk subdomain and Gorgias account name, kept apart while
 * the connections schema had no field for them. Connections v2 carries them; read only by that migration.
 */
export const LegacyAccountsSchema = z.object({
  zendesk: z.string().default(''),
  gorgias: z.string().default(''),
});
export type LegacyAccounts = z.infer<typeof LegacyAccountsSchema>;

/** What the agent changed in the sidebar before clicking; each flag says the agent touched it, so re-checks leave it alone. */
export const NoteDraftSchema = z.object({
  note: z.string(),
  noteEdited: z.boolean().default(false),
  tags: z.array(z.string()),
  tagsEdited: z.boolean().default(false),
  target: TargetSchema.nullable(),
  targetEdited: z.boolean().default(false),
  suspend: z.boolean(),
  suspendEdited: z.boolean().default(false),
  /** "Return to bot" as typed and not yet sent: what the human resolved, what the bot may do next. */
  handBack: z.object({ line: z.string(), next: z.string() }).optional(),
  /** When the agent last changed it (ISO): an edit left untouched for the retention period is dropped. */
  savedAt: z.string().optional(),
});
export type NoteDraft = z.infer<typeof NoteDraftSchema>;

/**
 * The options form as typed, so unsaved edits survive leaving the page. The form's own schema belongs to
 * the options page, so the envelope takes it as a parameter. `v` is the envelope's historic inline version.
 */
export const optionsDraftSchema = <F extends z.ZodType>(form: F) => z.object({ v: z.literal(1), savedAt: z.number(), form });

/** One escalation as recorded locally for later insight (never sent anywhere). */
export const EscalationRecordSchema = z.object({
  /** ISO time the escalation started (the journal's startedAt). */
  time: z.string(),
  platform: PlatformSchema,
  account: z.string(),
  conversation: z.string(),
  signals: z.array(z.string()),
  subAgent: z.string().nullable(),
  target: z.object({ kind: z.string(), id: z.string(), name: z.string() }).nullable(),
  clickedBy: z.string().nullable(),
});
export type EscalationRecord = z.infer<typeof EscalationRecordSchema>;

/** The last conversation the sidebar checked, so a team lead can preview the policy on real data. */
export const LastConversationSchema = z.object({ platform: PlatformSchema, messages: z.array(MessageSchema).min(1) });
export type LastConversation = z.infer<typeof LastConversationSchema>;

/** Whether the sidebar is open, per platform; absent means open. */
export const SidebarOpenSchema = z.boolean();

/**
 * storage.managed `policy`: top-level policy fields pushed by an administrator. Chrome hands over an
 * object; some admin consoles can only set a string, so JSON text is accepted too.
 */
export const ManagedPolicySchema = z.union([
  z.record(z.string(), z.unknown()),
  z.string().transform((text, ctx) => {
    try {
      const v: unknown = JSON.parse(text);
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'managed policy text is not a JSON object' });
    return z.NEVER;
  }),
]);
