/** The parts of Front's Core API objects Baton reads (field names as in core-api.json). */
export interface FrontTeammate {
  id: string;
  email?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  /** "user" for people; bots are typed by what they act for (ai, rule, integration, …). */
  type?: string;
  is_blocked?: boolean;
}

export interface FrontRecipient {
  handle: string;
  role: 'from' | 'to' | 'cc' | 'bcc' | 'reply-to';
  name?: string | null;
}

export interface FrontMessage {
  id: string;
  is_inbound: boolean;
  created_at: number;
  draft_mode?: string | null;
  body?: string;
  text?: string | null;
  author?: FrontTeammate | null;
  recipients?: FrontRecipient[];
}

export interface FrontComment {
  id: string;
  author?: FrontTeammate | null;
  body: string;
  posted_at?: number;
}

export interface FrontConversation {
  id: string;
  subject?: string;
  status?: string;
  assignee?: FrontTeammate | null;
  tags?: { id: string; name: string }[];
  updated_at?: number;
}

export interface FrontInbox {
  id: string;
  name: string;
}

export interface FrontView {
  id: string;
  name: string;
  inbox_ids?: string[];
  tag_ids?: string[];
  not_tag_ids?: string[];
  no_tags?: boolean;
  assignee_ids?: string[];
  not_assignee_ids?: string[];
}

export interface FrontIdentity {
  id: string;
  name: string;
}

export function teammateName(t: FrontTeammate | null | undefined): string | undefined {
  if (!t) return undefined;
  return [t.first_name, t.last_name].filter(Boolean).join(' ') || t.username || t.email || undefined;
}
