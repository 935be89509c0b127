import { z } from 'zod';
import { PlatformSchema } from './conversation';

/**
 * Check setup: a checklist per helpdesk that only reads (plus writes the API refuses or ignores, where a
 * platform publishes no permission data), so running it changes nothing a customer or colleague sees.
 */

/** The Options route of the first-run guide, opened by the background on a fresh install. */
export const WELCOME_HASH = '#welcome';

/** What each line is about, in the order the checklist shows them. */
export const SETUP_LINE_IDS = [
  'identity',
  'read',
  'bot',
  'targets',
  'tags',
  'privateInboxes',
  'writeNote',
  'writeTags',
  'writeAssign',
] as const;
const SetupLineIdSchema = z.enum(SETUP_LINE_IDS);
export type SetupLineId = z.infer<typeof SetupLineIdSchema>;

/**
 * What the 'bot' line found: the kind of bot this helpdesk runs (in the helpdesk's own words: "Gorgias AI
 * Agent", "API teammate") and every author Baton will read as the bot, each with the marker that made it so
 * ("role bot", "teammate type api", "named in Options"). Platform markers come first; names last.
 */
const BotFindingSchema = z.object({
  kind: z.string().max(200),
  authors: z.array(z.object({ name: z.string().max(200), why: z.string().max(200) })).max(200),
});
export type BotFinding = z.infer<typeof BotFindingSchema>;

export const SetupLineSchema = z.object({
  id: SetupLineIdSchema,
  /** "Read one conversation". */
  label: z.string(),
  /** ok: green; problem: Baton cannot do it, `detail` says what to ask an admin for; unknown: could not tell. */
  state: z.enum(['ok', 'problem', 'unknown']),
  /** One plain sentence: what was found, or what is missing and who can fix it. */
  detail: z.string(),
  /** The missing permission or scope in the helpdesk's own words ("ticket_tag_editing", "comments:write"). */
  permission: z.string().optional(),
  /** The 'bot' line only: the bot kind and authors behind its sentence, for a list in the checklist. */
  bot: BotFindingSchema.optional(),
});
export type SetupLine = z.infer<typeof SetupLineSchema>;

const SetupReportSchema = z.object({
  platform: PlatformSchema,
  account: z.string(),
  lines: z.array(SetupLineSchema),
  /** Every line is green. */
  ok: z.boolean(),
  checkedAt: z.string(),
});
export type SetupReport = z.infer<typeof SetupReportSchema>;

/** Sidebar/Options → background: run the checklist (on the open conversation when one is given). */
export const CheckSetupRequestSchema = z.object({
  type: z.literal('checkSetup'),
  platform: PlatformSchema,
  account: z.string(),
  conversationId: z.string().optional(),
});
export const CheckSetupResponseSchema = SetupReportSchema;

/** The author of a message in the open conversation, as the sidebar offers "this author is the bot". */
const BotAuthorSchema = z
  .object({ id: z.string().max(200).optional(), name: z.string().max(200).optional(), email: z.string().max(320).optional() })
  .refine((a) => !!(a.id || a.name || a.email), { message: 'The author has no id, name or email to recognise the bot by.' });

/** Sidebar → background: add that author to this platform's bot identity in the policy. */
export const MarkBotRequestSchema = z.object({ type: z.literal('markBot'), platform: PlatformSchema, author: BotAuthorSchema });
/** What the bot identity now holds for that platform. */
export const MarkBotResponseSchema = z.object({ ids: z.array(z.string()), names: z.array(z.string()), emails: z.array(z.string()) });
