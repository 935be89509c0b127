import { z } from 'zod';

/**
 * Every Gorgias response Baton reads, checked with `parseBody` (lib/http/parse.ts) before a field is used.
 * Lenient on purpose (unknown fields are ignored, most fields may be null) so a field Gorgias adds or drops
 * does not break reading; only what Baton relies on is required. The written contract these follow, with
 * sources, is test/contracts/gorgias.ts.
 */
const id = z.number().int();
const text = z.string().nullish();

const GPersonSchema = z.object({
  id: id.nullish(),
  name: text,
  email: text,
  firstname: text,
  lastname: text,
});
export type GPerson = z.infer<typeof GPersonSchema>;

export const GUserSchema = GPersonSchema.extend({
  id,
  active: z.boolean().nullish(),
  role: z.object({ name: text }).nullish(),
});
export type GUser = z.infer<typeof GUserSchema>;

const GTagSchema = z.object({ name: z.string() });

export const GTicketSchema = z.object({
  id,
  subject: text,
  tags: z.array(GTagSchema).nullish(),
  assignee_user: GPersonSchema.nullish(),
  assignee_team: z.object({ id, name: text }).nullish(),
  updated_datetime: text,
  /** When the newest message was written: moves with a new message even where `updated_datetime` would not. */
  last_message_datetime: text,
});
export type GTicket = z.infer<typeof GTicketSchema>;

export const GMessageSchema = z.object({
  id,
  channel: text,
  /** How it was sent: "rule" for a Gorgias rule's reply (developers.gorgias.com/reference/ticket-messages). */
  via: text,
  /** Set when a Gorgias rule sent the message. */
  rule_id: id.nullish(),
  from_agent: z.boolean(),
  public: z.boolean().nullish(),
  sender: GPersonSchema.nullish(),
  body_text: text,
  body_html: text,
  stripped_text: text,
  created_datetime: z.string(),
});
export type GMessage = z.infer<typeof GMessageSchema>;

export const GTeamSchema = z.object({ id, name: z.string() });

export const GViewSchema = z.object({ id, name: text, filters: text });

/** Every Gorgias list: {data, meta: {prev_cursor, next_cursor}}. */
export const GPageSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({ next_cursor: z.string().nullish(), prev_cursor: z.string().nullish() }).nullish(),
});
