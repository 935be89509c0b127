import { z } from 'zod';

/**
 * The parts of Zendesk's answers Baton reads, checked before use (shapes from the official Support API
 * spec: ShowCurrentUser, ShowTicket, ListTicketComments, ListGroups, ListUsers, ListViews). Unknown fields
 * pass through; a missing or mistyped field Baton relies on becomes one plain sentence (parseBody).
 */
const id = z.number().int();
const text = z.string().nullish();

const UserSchema = z.object({
  id,
  name: z.string().nullish(),
  email: text,
  role: z.string().nullish(),
});
export type ZUser = z.infer<typeof UserSchema>;

export const MeSchema = z.object({
  user: UserSchema.extend({
    // Zendesk answers an anonymous caller with a user whose id is null; that is "not signed in", not a shape error.
    id: id.nullable(),
    authenticity_token: z.string().nullish(),
  }),
});

export const TicketSchema = z.object({
  ticket: z.object({
    id,
    subject: text,
    requester_id: id.nullish(),
    assignee_id: id.nullish(),
    group_id: id.nullish(),
    tags: z.array(z.string()).default([]),
    updated_at: z.string(),
  }),
});
export type ZTicket = z.infer<typeof TicketSchema>['ticket'];

const CommentSchema = z.object({
  id,
  author_id: id,
  body: text,
  html_body: text,
  plain_body: text,
  public: z.boolean(),
  created_at: z.string().nullish(),
});
export type ZComment = z.infer<typeof CommentSchema>;

export const CommentsPageSchema = z.object({
  comments: z.array(CommentSchema),
  users: z.array(UserSchema).optional(),
  meta: z.object({ has_more: z.boolean().nullish() }).nullish(),
  links: z.object({ next: z.string().nullish() }).nullish(),
});

export const GroupsSchema = z.object({ groups: z.array(z.object({ id, name: z.string(), deleted: z.boolean().nullish() })) });
export const UsersSchema = z.object({ users: z.array(UserSchema) });

const ConditionSchema = z.object({ field: z.string(), operator: z.string(), value: z.unknown() });
export const ViewsSchema = z.object({
  views: z.array(
    z.object({
      id,
      title: z.string(),
      active: z.boolean().nullish(),
      conditions: z.object({ all: z.array(ConditionSchema).nullish(), any: z.array(ConditionSchema).nullish() }).nullish(),
    }),
  ),
});

/** The classic error envelope, read to tell Zendesk's CSRF refusal from a missing permission. */
export const ErrorSchema = z.object({
  error: z.union([z.string(), z.object({}).passthrough()]).optional(),
  description: z.string().optional(),
});
