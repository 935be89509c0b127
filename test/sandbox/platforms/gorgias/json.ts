import {
  firstName,
  lastName,
  type GCustomerRec,
  type GMessageRec,
  type GorgiasState,
  type GTagRec,
  type GTicketRec,
  type GUserRec,
} from './state';

/**
 * Gorgias API objects as the REST API returns them (fields from the Gorgias reference as summarised in
 * shared/research/api-contracts.md §3 and the third-party client it cites). `origin` makes `uri`s absolute
 * paths like the real API's "/api/tickets/5001/".
 */
export const userJson = (u: GUserRec) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  firstname: firstName(u.name),
  lastname: lastName(u.name),
  active: u.active,
  bio: null,
  country: null,
  language: 'en',
  timezone: 'UTC',
  external_id: null,
  meta: {},
  role: { name: u.role },
  created_datetime: '2025-01-06T09:00:00.000000+00:00',
  updated_datetime: '2025-01-06T09:00:00.000000+00:00',
  deactivated_datetime: u.active ? null : '2026-06-30T17:00:00.000000+00:00',
  uri: `/api/users/${u.id}/`,
});

/** The short form Gorgias nests in tickets and messages. */
const userRef = (u: GUserRec) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  firstname: firstName(u.name),
  lastname: lastName(u.name),
  meta: {},
});

const customerRef = (c: GCustomerRec) => ({
  id: c.id,
  email: c.email,
  name: c.name,
  firstname: firstName(c.name),
  lastname: lastName(c.name),
  meta: {},
});

export const tagJson = (t: GTagRec) => ({
  id: t.id,
  name: t.name,
  uri: `/api/tags/${t.id}/`,
  decoration: null,
  created_datetime: t.createdAt,
  deleted_datetime: null,
});

export function messageJson(s: GorgiasState, m: GMessageRec) {
  const t = s.ticket(m.ticketId)!;
  const customer = s.customers.get(t.customerId)!;
  const sender = m.sender.kind === 'user' ? userRef(s.users.get(m.sender.id)!) : customerRef(s.customers.get(m.sender.id)!);
  const receiver = m.channel === 'internal-note' ? null : m.fromAgent ? customerRef(customer) : null;
  return {
    id: m.id,
    uri: `/api/tickets/${m.ticketId}/messages/${m.id}/`,
    message_id: null,
    ticket_id: m.ticketId,
    external_id: null,
    public: m.public,
    channel: m.channel,
    via: m.via,
    source: {
      type: m.channel === 'internal-note' ? 'internal-note' : m.channel,
      from: { name: sender.name, address: sender.email },
      to: receiver ? [{ name: receiver.name, address: receiver.email }] : [],
    },
    sender,
    integration_id: null,
    intents: [],
    rule_id: null,
    from_agent: m.fromAgent,
    receiver,
    subject: t.subject,
    body_text: m.bodyText,
    body_html: m.bodyHtml,
    stripped_text: m.strippedText ?? m.bodyText,
    stripped_html: m.bodyHtml,
    stripped_signature: null,
    headers: null,
    attachments: [],
    actions: null,
    macros: [],
    meta: null,
    created_datetime: m.createdAt,
    sent_datetime: m.createdAt,
    failed_datetime: null,
    deleted_datetime: null,
    opened_datetime: null,
    last_sending_error: null,
    is_retriable: false,
  };
}

export function ticketJson(s: GorgiasState, t: GTicketRec) {
  const user = t.assigneeUserId === null ? null : s.users.get(t.assigneeUserId)!;
  const team = t.assigneeTeamId === null ? null : s.teams.find((x) => x.id === t.assigneeTeamId)!;
  const lastReceived = [...t.messages].reverse().find((m) => !m.fromAgent);
  return {
    id: t.id,
    uri: `/api/tickets/${t.id}/`,
    external_id: null,
    language: 'en',
    status: t.status,
    priority: 'normal',
    channel: t.channel,
    via: t.via,
    from_agent: t.messages[0]?.fromAgent ?? false,
    customer: customerRef(s.customers.get(t.customerId)!),
    assignee_user: user ? userRef(user) : null,
    assignee_team: team ? { id: team.id, name: team.name, decoration: null } : null,
    subject: t.subject,
    excerpt: (t.messages.filter((m) => m.public).at(-1)?.bodyText ?? '').slice(0, 100),
    integrations: [],
    meta: null,
    tags: t.tagIds.map((id) => tagJson(s.tags.get(id)!)),
    custom_fields: {},
    messages: t.messages.map((m) => messageJson(s, m)),
    is_unread: false,
    spam: false,
    created_datetime: t.createdAt,
    opened_datetime: t.createdAt,
    last_received_message_datetime: lastReceived?.createdAt ?? null,
    last_message_datetime: t.messages.at(-1)?.createdAt ?? null,
    updated_datetime: t.updatedAt,
    closed_datetime: null,
    snooze_datetime: null,
    trashed_datetime: null,
  };
}

export const teamJson = (s: GorgiasState, team: GorgiasState['teams'][number]) => ({
  id: team.id,
  uri: `/api/teams/${team.id}/`,
  name: team.name,
  description: null,
  decoration: { emoji: null },
  members: team.members.map((id) => userRef(s.users.get(id)!)),
  created_datetime: '2025-01-06T09:00:00.000000+00:00',
});

export const viewJson = (v: GorgiasState['views'][number]) => ({
  id: v.id,
  uri: `/api/views/${v.id}/`,
  name: v.name,
  slug: v.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  type: 'ticket-list',
  category: 'user',
  visibility: 'public',
  decoration: null,
  fields: ['details', 'tags', 'customer', 'last_message', 'assignee', 'assignee_team', 'updated'],
  filters: v.filters,
  order_by: 'updated_datetime',
  order_dir: 'desc',
  search: null,
  shared_with_teams: [],
  shared_with_users: [],
  created_datetime: '2025-01-06T09:00:00.000000+00:00',
  deactivated_datetime: null,
});

export const errorJson = (msg: string, data?: Record<string, string[]>) => ({ error: { msg, ...(data ? { data } : {}) } });
