import { STATUS_CODES } from 'node:http';
import type { FConversation, FInbox, FItem, FrontState, FTag, FTeammate, FView } from './state';

/**
 * Response bodies shaped like Front's Core API (core-api.json: ConversationResponse, MessageResponse,
 * CommentResponse, TeammateResponse, InboxResponse, TagResponse, SharedViewResponse), with `_links`
 * pointing at the host the request came to, as Front's own links do.
 */
export class FrontJson {
  constructor(
    private state: FrontState,
    private origin: string,
  ) {}

  private link = (path: string) => `${this.origin}${path}`;

  teammate(t: FTeammate) {
    return {
      _links: {
        self: this.link(`/teammates/${t.id}`),
        related: { inboxes: this.link(`/teammates/${t.id}/inboxes`), conversations: this.link(`/teammates/${t.id}/conversations`) },
      },
      id: t.id,
      email: t.email,
      username: t.username,
      first_name: t.first,
      last_name: t.last,
      license_type: 'full_seat',
      is_admin: t.username === 'sam',
      is_available: !t.blocked,
      is_blocked: t.blocked,
      type: t.type,
      custom_fields: {},
    };
  }

  inbox(i: FInbox) {
    return {
      _links: {
        self: this.link(`/inboxes/${i.id}`),
        related: {
          teammates: this.link(`/inboxes/${i.id}/teammates`),
          conversations: this.link(`/inboxes/${i.id}/conversations`),
          channels: this.link(`/inboxes/${i.id}/channels`),
        },
      },
      id: i.id,
      name: i.name,
      is_private: !!i.privateOf,
      is_public: !i.privateOf,
      custom_fields: {},
    };
  }

  tag(t: FTag) {
    return {
      _links: {
        self: this.link(`/tags/${t.id}`),
        related: { conversations: this.link(`/tags/${t.id}/conversations`), owner: null, parent_tag: null, children: null },
      },
      id: t.id,
      name: t.name,
      description: null,
      highlight: null,
      is_private: !!t.privateOf,
      is_visible_in_conversation_lists: true,
      created_at: t.createdAt,
      updated_at: t.createdAt,
    };
  }

  view(v: FView) {
    return {
      _links: { self: this.link(`/views/${v.id}`), related: { owner: null } },
      id: v.id,
      name: v.name,
      highlight: null,
      inbox_ids: v.inboxIds,
      tag_ids: v.tagIds,
      not_tag_ids: [],
      no_tags: false,
      assignee_ids: [],
      not_assignee_ids: [],
    };
  }

  conversation(c: FConversation) {
    const assignee = this.state.teammate(c.assigneeId);
    const base = `/conversations/${c.id}`;
    const lastMessage = c.items.filter((i) => i.kind === 'message').at(-1);
    return {
      _links: {
        self: this.link(base),
        related: {
          events: this.link(`${base}/events`),
          followers: this.link(`${base}/followers`),
          messages: this.link(`${base}/messages`),
          comments: this.link(`${base}/comments`),
          inboxes: this.link(`${base}/inboxes`),
          ...(lastMessage ? { last_message: this.link(`/messages/${lastMessage.id}?referer=conversation`) } : {}),
        },
      },
      id: c.id,
      type: 'conversation',
      subject: c.subject,
      status: c.status === 'open' ? (assignee ? 'assigned' : 'unassigned') : c.status === 'spam' ? 'deleted' : c.status,
      ticket_ids: [],
      assignee: assignee ? this.teammate(assignee) : null,
      recipient: { _links: { related: { contact: null } }, name: c.contact.name, handle: c.contact.email, role: 'from' },
      tags: c.tagIds
        .map((id) => this.state.tagById(id))
        .filter((t): t is FTag => !!t)
        .map((t) => this.tag(t)),
      links: [],
      custom_fields: {},
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      waiting_since: c.items.filter((i) => i.inbound).at(-1)?.at ?? c.createdAt,
      is_private: this.state.isPrivate(c),
      scheduled_reminders: [],
      metadata: {},
    };
  }

  /** Chat messages carry an HTML body; `text` is "the text version of the body for email messages". */
  message(m: FItem, c: FConversation) {
    const author = this.state.teammate(m.authorId);
    const contact = { _links: { related: { contact: null } }, name: c.contact.name, handle: c.contact.email };
    const channel = { _links: { related: { contact: null } }, name: 'Acme Support', handle: 'chat@acme-support.example' };
    return {
      _links: { self: this.link(`/messages/${m.id}`), related: { conversation: this.link(`/conversations/${c.id}`) } },
      id: m.id,
      type: m.email ? 'email' : 'front_chat',
      is_inbound: m.inbound,
      // Sent messages carry no draft_mode (the spec's enum has only shared and private).
      created_at: m.at,
      blurb: m.text.slice(0, 100),
      // An inbound message has no teammate author; the sender is the "from" recipient.
      ...(author && !m.inbound ? { author: this.teammate(author) } : {}),
      recipients: m.inbound
        ? [
            { ...contact, role: 'from' },
            { ...channel, role: 'to' },
          ]
        : [
            { ...channel, name: author ? `${author.first} ${author.last}` : channel.name, role: 'from' },
            { ...contact, role: 'to' },
          ],
      body: m.html,
      ...(m.email ? { text: m.text } : {}),
      attachments: [],
      metadata: {},
    };
  }

  comment(m: FItem, c: FConversation) {
    const author = this.state.teammate(m.authorId) ?? this.state.teammates.find((t) => t.type === 'api')!;
    return {
      _links: {
        self: this.link(`/comments/${m.id}`),
        related: { conversation: this.link(`/conversations/${c.id}`), mentions: this.link(`/comments/${m.id}/mentions`) },
      },
      id: m.id,
      author: this.teammate(author),
      body: m.text,
      posted_at: m.at,
      attachments: [],
      is_pinned: false,
    };
  }
}

/** Front's error envelope (the same the sandbox core uses for injected faults). */
export const frontError = (status: number, message: string) => ({
  _error: { status, title: STATUS_CODES[status] ?? 'Error', message },
});
