import { z } from 'zod';

/**
 * Every Front Core API answer Baton reads, checked with `parseBody` (lib/http/parse.ts) before a field is
 * used. Field names and nullability follow the official spec (frontapp/front-api-specs core-api.json,
 * f8f5386f): only what Baton relies on is required, unknown fields are ignored, so a field Front adds does
 * not break reading.
 */
const text = z.string().nullish();

export const FTeammateSchema = z.object({
  id: z.string(),
  email: text,
  username: text,
  first_name: text,
  last_name: text,
  /** "user" for people; bots are typed by what they act for (ai, rule, integration, …). */
  type: text,
  is_blocked: z.boolean().nullish(),
});
export type FTeammate = z.infer<typeof FTeammateSchema>;

const FRecipientSchema = z.object({
  handle: z.string(),
  role: z.string(),
  name: text,
});

export const FMessageSchema = z.object({
  id: z.string(),
  /** "email", "custom", "front_chat", …: e-mail bodies carry the quoted thread. */
  type: text,
  is_inbound: z.boolean(),
  created_at: z.number(),
  draft_mode: text,
  body: text,
  text: text,
  author: FTeammateSchema.nullish(),
  recipients: z.array(FRecipientSchema).nullish(),
});
export type FMessage = z.infer<typeof FMessageSchema>;

export const FCommentSchema = z.object({
  id: z.string(),
  author: FTeammateSchema.nullish(),
  body: z.string(),
  posted_at: z.number().nullish(),
});
export type FComment = z.infer<typeof FCommentSchema>;

/** `is_private`: "Whether or not the tag is individual" (a teammate's own tag that rules and colleagues never see). */
export const FTagSchema = z.object({ id: z.string(), name: z.string(), is_private: z.boolean().nullish() });

export const FConversationSchema = z.object({
  id: z.string(),
  subject: text,
  status: text,
  assignee: FTeammateSchema.nullish(),
  tags: z.array(FTagSchema).nullish(),
  updated_at: z.number().nullish(),
  /** `related.last_message` names the newest message: with updated_at it tells whether anything changed. */
  _links: z
    .object({ related: z.object({ last_message: text }).passthrough().nullish() })
    .passthrough()
    .nullish(),
});
export type FConversation = z.infer<typeof FConversationSchema>;

export const FInboxSchema = z.object({ id: z.string(), name: text });

export const FViewSchema = z.object({
  id: z.string(),
  name: text,
  inbox_ids: z.array(z.string()).nullish(),
  tag_ids: z.array(z.string()).nullish(),
  not_tag_ids: z.array(z.string()).nullish(),
  no_tags: z.boolean().nullish(),
  assignee_ids: z.array(z.string()).nullish(),
  not_assignee_ids: z.array(z.string()).nullish(),
});
export type FView = z.infer<typeof FViewSchema>;

/** GET /me: "details of the API token", i.e. the company the token belongs to (IdentityResponse). */
export const FIdentitySchema = z.object({ id: z.string(), name: z.string() });

/** One page of a Front list: `_results` and, when there is more, `_pagination.next` as a full URL. */
export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    _results: z.array(item),
    _pagination: z.object({ next: text }).nullish(),
  });
}

/** Front's error envelope; read only to tell one 403 from another. */
export const FErrorSchema = z.object({ _error: z.object({ status: z.number().optional(), message: text }) });

export function teammateName(t: FTeammate | null | undefined): string | undefined {
  if (!t) return undefined;
  return [t.first_name, t.last_name].filter(Boolean).join(' ') || t.username || t.email || undefined;
}
