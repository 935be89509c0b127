import { z } from 'zod';

export const PlatformSchema = z.enum(['front', 'gorgias', 'zendesk']);
export type Platform = z.infer<typeof PlatformSchema>;
export const PLATFORMS: readonly Platform[] = PlatformSchema.options;

export const RoleSchema = z.enum(['customer', 'bot', 'agent']);
export type Role = z.infer<typeof RoleSchema>;

const AuthorSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
});
export type Author = z.infer<typeof AuthorSchema>;

export const MessageSchema = z.object({
  /** Platform id of the message, when known; used to scroll the page to it. */
  id: z.string().optional(),
  role: RoleSchema,
  author: AuthorSchema.optional(),
  text: z.string(),
  /** Internal notes are visible to the team only; they never count as the bot talking to the customer. */
  internal: z.boolean().default(false),
  createdAt: z.string().optional(),
});
export type Message = z.infer<typeof MessageSchema>;
export type MessageInput = z.input<typeof MessageSchema>;

const RefSchema = z.object({ id: z.string(), name: z.string().optional() });

/** Where a conversation lives, as read from the tab's URL. */
export const ConversationRefSchema = z.object({
  platform: PlatformSchema,
  /** zendesk subdomain, gorgias account; "app" for Front. */
  account: z.string(),
  /** The API id (Front cnv_…, Zendesk/Gorgias numeric id as a string). */
  conversationId: z.string(),
  /** True when the id was derived by an unofficial conversion (Front numeric → base-36). */
  idIsGuess: z.boolean().default(false),
});
export type ConversationRef = z.infer<typeof ConversationRefSchema>;

/**
 * Who holds the conversation where the helpdesk passes control between a bot and its agents (a switchboard)
 * rather than letting a tag stop the bot: while the bot holds it the helpdesk refuses writes, so an
 * escalation must take control first. Absent when a stop tag is the bot's only switch.
 */
export const BotControlSchema = z.object({
  /** The bot's own switch name on the helpdesk, to hand control back to it. */
  bot: z.string(),
  /** The bot holds the conversation now (the helpdesk refuses notes, tags and routing until control passes). */
  holds: z.boolean(),
  /** What the helpdesk calls this kind of bot, for Check setup and the sidebar ("Zendesk AI agent (messaging)"). */
  label: z.string(),
});
export type BotControl = z.infer<typeof BotControlSchema>;

export const ConversationSchema = z.object({
  ref: ConversationRefSchema.optional(),
  id: z.string(),
  subject: z.string().optional(),
  messages: z.array(MessageSchema),
  tags: z.array(z.string()).default([]),
  assignee: RefSchema.nullable().optional(),
  team: RefSchema.nullable().optional(),
  inbox: RefSchema.nullable().optional(),
  /** How it was read: API first, page DOM as fallback, or a file (CLI). */
  source: z.enum(['api', 'dom', 'file']).default('api'),
  /**
   * Which of the helpdesk's sources the messages came from, in words the sidebar shows ("API comments and
   * the conversation log"); absent when `source` says it all.
   */
  readFrom: z.string().optional(),
  /**
   * What the helpdesk itself says the bot is doing on this conversation, in the sidebar's words ("Gorgias AI
   * Agent is working on it (ai_processing)"); absent when the helpdesk keeps no such state.
   */
  botState: z.string().max(200).optional(),
  /** Set when a switchboard, not a stop tag, decides whether the bot answers (see BotControlSchema). */
  botControl: BotControlSchema.optional(),
  /** Platform's version stamp (Zendesk updated_at) for collision-safe updates. */
  updatedStamp: z.string().optional(),
  /** Overrides the policy's scope description for this conversation (CLI/eval input). */
  scope: z.string().optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;
export type ConversationInput = z.input<typeof ConversationSchema>;
