import { SCENARIOS, BOT, AGENT, type SeedRole } from '../scenarios';

/**
 * Platform-neutral in-memory helpdesk state. Each platform module keeps one and renders it in its own API
 * shapes, so the same stories exist on Front, Gorgias and Zendesk.
 */
export interface SbUser {
  id: number;
  name: string;
  email: string;
  role: SeedRole;
}
export interface SbMessage {
  id: number;
  role: SeedRole;
  authorId: number;
  text: string;
  html: string;
  internal: boolean;
  createdAt: string;
}
export interface SbConversation {
  id: number;
  key: string;
  subject: string;
  customerId: number;
  messages: SbMessage[];
  tags: string[];
  assigneeId: number | null;
  teamId: number | null;
  inboxId: number | null;
  createdAt: string;
  updatedAt: string;
}
export interface SbTeam {
  id: number;
  name: string;
}
export interface SbView {
  id: number;
  name: string;
  /** Tag that makes a conversation show in the view; absent when the view filters on something else. */
  tag?: string;
}

const BASE_TIME = Date.parse('2026-11-20T10:00:00Z');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const BOT_ID = 900;
export const AGENT_ID = 901;
const LEAD_ID = 902;

export class SandboxStore {
  conversations = new Map<number, SbConversation>();
  users = new Map<number, SbUser>();
  teams: SbTeam[] = [];
  views: SbView[] = [];
  private nextMessageId = 1;
  private clock = 0;
  /** Seeding writes fixed times; afterwards writes carry the real time (see tick). */
  private seeding = false;
  /** The latest time handed out, kept across resets so a write never carries an earlier time than one before it. */
  private latest = 0;

  constructor(private firstConversationId: number) {
    this.reset();
  }

  reset() {
    this.conversations.clear();
    this.users.clear();
    this.nextMessageId = 1;
    this.clock = 0;
    this.seeding = true;
    this.addUser({ id: BOT_ID, name: BOT.name, email: BOT.email, role: 'bot' });
    this.addUser({ id: AGENT_ID, name: AGENT.name, email: AGENT.email, role: 'agent' });
    this.addUser({ id: LEAD_ID, name: 'Sam Lead', email: 'sam@acme-support.example', role: 'agent' });
    this.teams = [
      { id: 11, name: 'Returns team' },
      { id: 12, name: 'Billing team' },
      { id: 13, name: 'Tier 2 support' },
      { id: 14, name: 'Bot inbox' },
    ];
    this.views = [
      { id: 21, name: 'Escalations', tag: 'sys_escalation' },
      { id: 22, name: 'VIP customers', tag: 'vip' },
      { id: 23, name: 'Unassigned and old' },
    ];
    SCENARIOS.forEach((s, i) => {
      const customerId = 1000 + i;
      this.addUser({ id: customerId, name: s.customer.name, email: s.customer.email, role: 'customer' });
      const id = this.firstConversationId + i;
      const conv: SbConversation = {
        id,
        key: s.key,
        subject: s.subject,
        customerId,
        messages: [],
        tags: [...s.tags],
        assigneeId: null,
        teamId: null,
        inboxId: 14,
        createdAt: this.tick(),
        updatedAt: '',
      };
      this.conversations.set(id, conv);
      for (const m of s.messages) this.addMessage(id, m.role, m.text, { internal: m.internal, html: m.html });
    });
    this.seeding = false;
  }

  addUser(u: SbUser) {
    this.users.set(u.id, u);
  }

  /**
   * Seeded conversations keep fixed times (one minute apart on 2026-11-20) so tests can pin them; anything
   * written afterwards (an appended message, an API write) carries the real time, to the millisecond so a
   * message appended right after a write is still later than it, and always after the write before it.
   */
  tick(): string {
    const ms = this.seeding ? BASE_TIME + ++this.clock * 60_000 : Math.max(this.latest + 1000, Date.now());
    this.latest = Math.max(this.latest, ms);
    return new Date(ms).toISOString().replace('.000Z', 'Z');
  }

  get(id: number | string): SbConversation | undefined {
    return this.conversations.get(Number(id));
  }

  addMessage(
    convId: number,
    role: SeedRole,
    text: string,
    opts: { internal?: boolean; html?: string; authorId?: number } = {},
  ): SbMessage | undefined {
    const c = this.get(convId);
    if (!c) return undefined;
    const authorId = opts.authorId ?? (role === 'customer' ? c.customerId : role === 'bot' ? BOT_ID : AGENT_ID);
    const m: SbMessage = {
      id: this.nextMessageId++,
      role,
      authorId,
      text,
      html: opts.html ?? `<p>${esc(text)}</p>`,
      internal: !!opts.internal,
      createdAt: this.tick(),
    };
    c.messages.push(m);
    c.updatedAt = m.createdAt;
    return m;
  }

  touch(c: SbConversation) {
    c.updatedAt = this.tick();
  }

  addTags(c: SbConversation, tags: string[]) {
    for (const t of tags) if (!c.tags.includes(t)) c.tags.push(t);
    this.touch(c);
  }

  removeTags(c: SbConversation, tags: string[]) {
    c.tags = c.tags.filter((t) => !tags.includes(t));
    this.touch(c);
  }

  /** What tests and the page read. */
  snapshot() {
    return {
      conversations: [...this.conversations.values()].map((c) => ({
        id: c.id,
        key: c.key,
        subject: c.subject,
        tags: c.tags,
        assigneeId: c.assigneeId,
        teamId: c.teamId,
        inboxId: c.inboxId,
        notes: c.messages.filter((m) => m.internal).map((m) => ({ id: m.id, text: m.text, html: m.html })),
        messageCount: c.messages.length,
      })),
    };
  }

  /** Data the agent page renders (its script polls it). */
  pageData(id: number | string) {
    const c = this.get(id);
    if (!c) return null;
    return {
      id: c.id,
      subject: c.subject,
      requester: this.users.get(c.customerId)?.name,
      tags: c.tags,
      messages: c.messages.map((m) => {
        const u = this.users.get(m.authorId);
        return {
          id: m.id,
          author: u?.name ?? 'Unknown',
          fromTeam: m.role !== 'customer',
          internal: m.internal,
          text: m.text,
          createdAt: m.createdAt,
        };
      }),
    };
  }
}

/** Splits "/a/b/c" and matches a pattern like "/api/v2/tickets/:id/tags" (optional .json suffix). */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const a = path.replace(/\.json$/, '').split('/');
  if (p.length !== a.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) out[p[i].slice(1)] = decodeURIComponent(a[i]);
    else if (p[i] !== a[i]) return null;
  }
  return out;
}

export function parseBasic(header: string | undefined): string | null {
  if (!header?.startsWith('Basic ')) return null;
  return Buffer.from(header.slice(6), 'base64').toString('utf8');
}
