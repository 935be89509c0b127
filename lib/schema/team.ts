import { z } from 'zod';
import { PlatformSchema } from './conversation';
import { HandoffRecordSchema } from './record';

/**
 * Team Insights: what the worker reads back from the helpdesk (the handoff records in its notes) and what it
 * tells the Insights page while it reads. The page never talks to a helpdesk itself: it asks the worker.
 */

/** What an adapter is asked for: conversations with Baton's reason tags updated since `since`. */
export const HandoffQuerySchema = z.object({
  /** ISO time: conversations updated before it are not listed. */
  since: z.iso.datetime({ offset: true }),
  /** The reason tags' prefix (`baton_reason_`): a conversation carrying any tag that starts with it is listed. */
  tagPrefix: z.string().min(1).max(60),
  /** Conversations already read, by id, with the update time they had then: not read again while it is the same. */
  known: z.record(z.string(), z.string()).default({}),
});
export type HandoffQuery = z.input<typeof HandoffQuerySchema>;

/** One conversation read back: every record in its internal notes, with the name of the note's author. */
const TeamConversationSchema = z.object({
  conversationId: z.string(),
  updatedAt: z.string(),
  records: z.array(z.object({ record: HandoffRecordSchema, noteAuthor: z.string().max(120).nullable() })),
  /** Record lines in its notes that did not decode (written by hand, cut off): counted, never guessed at. */
  unreadable: z.number().int().min(0).default(0),
});
export type TeamConversation = z.infer<typeof TeamConversationSchema>;

/** Something the read could not do, in a sentence: a conversation it may not open, one deleted meanwhile. */
const TeamProblemSchema = z.object({
  platform: PlatformSchema,
  account: z.string(),
  conversationId: z.string().optional(),
  kind: z.enum(['forbidden', 'not_found', 'failed']),
  message: z.string(),
});
export type TeamProblem = z.infer<typeof TeamProblemSchema>;

/** An adapter's answer; `unchanged`: listed with the update time in `known`, so not read again. */
export const HandoffListingSchema = z.object({
  conversations: z.array(TeamConversationSchema),
  unchanged: z.array(z.string()),
  problems: z.array(TeamProblemSchema.omit({ platform: true, account: true })),
});
export type HandoffListing = z.infer<typeof HandoffListingSchema>;

/** A conversation as the worker's cache keeps it (and hands it to the Insights page). */
export const TeamStoredSchema = TeamConversationSchema.extend({ platform: PlatformSchema, account: z.string() });
export type TeamStored = z.infer<typeof TeamStoredSchema>;

/** How far the read of one helpdesk account has come. */
const TeamProgressSchema = z.object({
  platform: PlatformSchema,
  account: z.string(),
  phase: z.enum(['listing', 'reading', 'done', 'failed']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type TeamProgress = z.infer<typeof TeamProgressSchema>;

/** The worker's answer to the Insights page: the read under way or finished, and (once finished) what it holds. */
export const TeamStatusSchema = z.object({
  state: z.enum(['idle', 'reading', 'done']),
  days: z.number().int(),
  progress: z.array(TeamProgressSchema),
  problems: z.array(TeamProblemSchema),
  /** Every cached conversation updated in the last `days` (only once the read is done). */
  conversations: z.array(TeamStoredSchema),
  /** Helpdesks not read, with why (not connected). */
  skipped: z.array(z.string()),
  finishedAt: z.string().nullable(),
});
export type TeamStatus = z.infer<typeof TeamStatusSchema>;
