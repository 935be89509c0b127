import type { Author } from '../../schema/conversation';
import { TtlCache } from '../cache';
import type { AdapterContext } from '../types';
import { listAll, PAGE_LIMIT } from './api';
import { GUserSchema, type GMessage, type GPerson, type GUser } from './schemas';

/**
 * Gorgias's own markers for the bot, read before any name:
 * - the AI Agent is a helpdesk user whose role is "bot" (Gorgias's agent-app code: the AI Agent user has
 *   `role.name = UserRole.Bot`; real-app-evidence.md §3.7), and a third-party bot that has its own user may be
 *   given that role too; the role is on the user (GET /api/users), not on the message's sender;
 * - a message a Gorgias rule sent carries `rule_id` / `via: "rule"` (TicketMessage object: "Outgoing messages:
 *   messages sent by your company (by rules or support agents)", developers.gorgias.com/reference/ticket-messages).
 * A customer is never the bot, whatever they call themselves: the marker only applies to `from_agent` messages.
 */
const BOT_ROLE = 'bot';

/** The AI Agent's lifecycle tags (docs.gorgias.com/en-US/ai-agent-tags-5742284). */
export const AI_TAGS = {
  /** "AI Agent escalated the ticket to your team". */
  handover: 'ai_handover',
  /** "AI Agent is actively working on the ticket". */
  processing: 'ai_processing',
  /** "AI Agent resolved the ticket". */
  close: 'ai_close',
  /** "AI Agent skipped the ticket entirely": the stop switch (docs.gorgias.com/en-US/use-rules-with-ai-agent-5415482). */
  ignore: 'ai_ignore',
} as const;

export interface BotUsers {
  /** Users with the bot role, by id. */
  byId: Map<string, GUser>;
}

// Users change rarely; one list per account every 10 minutes keeps reads at their usual request count.
const cache = new TtlCache<Promise<BotUsers>>(10 * 60_000);

export function botUsers(ctx: AdapterContext): Promise<BotUsers> {
  const key = `${ctx.ref.account.toLowerCase()}|${ctx.authMode}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const pending = listAll(ctx, '/api/users', { limit: String(PAGE_LIMIT) }, GUserSchema, 'list the Gorgias users').then((users) => ({
    byId: new Map(users.filter(isBotUser).map((u) => [String(u.id), u])),
  }));
  cache.set(key, pending);
  // A failed list is not kept: the next read asks again.
  pending.catch(() => cache.clear());
  return pending;
}

export const isBotUser = (u: GUser) => u.role?.name?.toLowerCase() === BOT_ROLE;

export function forgetBotUsers() {
  cache.clear();
}

/** The helpdesk's own reason a message is the bot's, or null (then identity and names decide). */
export function botMarker(m: GMessage, bots: BotUsers | null): string | null {
  if (!m.from_agent) return null;
  const id = m.sender?.id;
  if (id !== null && id !== undefined && bots?.byId.has(String(id))) return 'role bot';
  if (m.rule_id !== null && m.rule_id !== undefined) return 'sent by a Gorgias rule';
  if (m.via === 'rule') return 'sent by a Gorgias rule';
  return null;
}

/** The AI Agent as an author, for the handover turn read from its tag. */
export function aiAgentAuthor(bots: BotUsers | null): Author {
  const user = bots ? [...bots.byId.values()][0] : undefined;
  if (!user) return { name: 'AI Agent' };
  return { id: String(user.id), name: nameOf(user) ?? 'AI Agent', ...(user.email ? { email: user.email } : {}) };
}

/** A person's display name: their name, else first and last name, else their e-mail. */
export function nameOf(p: GPerson | null | undefined): string | undefined {
  if (!p) return undefined;
  const full = [p.firstname, p.lastname].filter(Boolean).join(' ');
  return p.name?.trim() || full || p.email || undefined;
}

/**
 * The AI Agent's own state on a ticket, from its lifecycle tags, the strongest first: skipped (the stop tag)
 * wins over handed over, which wins over resolved and working. Null when it has left no tag.
 */
export function aiAgentState(tags: readonly string[]): string | null {
  const has = (t: string) => tags.includes(t);
  if (has(AI_TAGS.ignore)) return `Gorgias AI Agent skips this ticket (${AI_TAGS.ignore})`;
  if (has(AI_TAGS.handover)) return `Gorgias AI Agent handed this ticket to your team (${AI_TAGS.handover})`;
  if (has(AI_TAGS.close)) return `Gorgias AI Agent resolved this ticket (${AI_TAGS.close})`;
  if (has(AI_TAGS.processing)) return `Gorgias AI Agent is working on this ticket (${AI_TAGS.processing})`;
  return null;
}
