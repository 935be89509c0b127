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
    // The channel the ticket came in by (spec TicketObject.via): messaging tickets keep their chat elsewhere.
    via: z.object({ channel: z.union([z.string(), z.number()]).nullish() }).nullish(),
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
  // How it was written (spec TicketCommentObject.via): "api" for integrations, "email" for mail.
  via: z.object({ channel: z.union([z.string(), z.number()]).nullish() }).nullish(),
});
export type ZComment = z.infer<typeof CommentSchema>;

export const CommentsPageSchema = z.object({
  comments: z.array(CommentSchema),
  users: z.array(UserSchema).optional(),
  meta: z.object({ has_more: z.boolean().nullish() }).nullish(),
  links: z.object({ next: z.string().nullish() }).nullish(),
});

/**
 * One event of the ticket's conversation log (spec ConversationLogObject, and the "Conversation Log events
 * reference" at developer.zendesk.com/documentation/ticketing/reference-guides/conversation-log-events-reference):
 * `Comment` events repeat the comments; `Messaging::…` events are the chat turns the comments list lacks.
 * `author.type` is user / agent / bot; `source.type` names the switchboard integration that sent a bot
 * message (the spec's example: "zd:answerBot").
 */
const LogEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string().nullish(),
  author: z
    .object({
      type: z.string().nullish(),
      display_name: z.string().nullish(),
      'zen:support:user_id': z.number().int().nullish(),
      'zen:sunco:user_id': z.string().nullish(),
    })
    .nullish(),
  content: z.object({ type: z.string().nullish(), text: z.string().nullish(), body: z.string().nullish() }).nullish(),
  metadata: z.object({ public: z.boolean().nullish() }).passthrough().nullish(),
  source: z.object({ type: z.string().nullish() }).nullish(),
});
export type ZLogEvent = z.infer<typeof LogEventSchema>;

export const ConversationLogPageSchema = z.object({
  events: z.array(LogEventSchema),
  meta: z.object({ has_more: z.boolean().nullish() }).nullish(),
  links: z.object({ next: z.string().nullish() }).nullish(),
});

/** A list page, cursor (`meta.has_more` + `links.next`) or offset (`next_page`) style: both are documented. */
const paged = {
  meta: z.object({ has_more: z.boolean().nullish() }).nullish(),
  links: z.object({ next: z.string().nullish() }).nullish(),
  next_page: z.string().nullish(),
};
export type ZPage = { meta?: { has_more?: boolean | null } | null; links?: { next?: string | null } | null; next_page?: string | null };

export const GroupsSchema = z.object({ groups: z.array(z.object({ id, name: z.string(), deleted: z.boolean().nullish() })), ...paged });
export const UsersSchema = z.object({ users: z.array(UserSchema), ...paged });

/** Spec GroupMembershipObject: an agent belongs to a group; `default` is the agent's default group. */
export const GroupMembershipsSchema = z.object({
  group_memberships: z.array(z.object({ id, user_id: id, group_id: id, default: z.boolean().nullish() })),
  ...paged,
});
export type ZMembership = z.infer<typeof GroupMembershipsSchema>['group_memberships'][number];

/** The answer to a ticket update (spec TicketResponse): its tags show whether the stop tag is really on. */
export const UpdatedTicketSchema = z.object({
  ticket: z.object({ id, tags: z.array(z.string()).default([]), updated_at: z.string().nullish() }),
});

/**
 * Sunshine Conversations "List Conversations" (developer.zendesk.com/api-reference/conversations/): each
 * conversation names its active switchboard integration, the one that answers the customer now.
 */
export const ScConversationsSchema = z.object({
  conversations: z.array(
    z.object({
      id: z.string(),
      activeSwitchboardIntegration: z.object({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
      lastUpdatedAt: z.string().nullish(),
    }),
  ),
});

const ConditionSchema = z.object({ field: z.string(), operator: z.string(), value: z.unknown() });
export const ViewsSchema = z.object({
  ...paged,
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
