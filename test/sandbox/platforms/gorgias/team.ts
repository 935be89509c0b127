import type { SandboxRequest, SandboxResponse } from '../../types';
import { planHandoffs, seedNoteText, type TeamSeed } from '../../team-seed';
import type { GorgiasState } from './state';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Gorgias datetimes: microseconds and an explicit offset. */
const at = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');

/**
 * POST /__admin/gorgias/team-seed {count, days?, agents?, …}: escalated tickets with their reason tag and an
 * internal note ending in the record line, as other agents' browsers left them (Team Insights tests, bench).
 */
export function gorgiasTeamAdmin(s: GorgiasState, req: SandboxRequest): SandboxResponse | null {
  if (!(req.method === 'POST' && /^\/__admin\/gorgias\/team-seed\/?$/.test(req.path))) return null;
  const planned = planHandoffs((req.body ?? {}) as TeamSeed, 'gorgias');
  const userId = (name: string) => {
    const found = [...s.users.values()].find((u) => u.name === name);
    if (found) return found.id;
    const id = Math.max(...s.users.keys()) + 1;
    s.users.set(id, { id, name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@acme-support.example`, role: 'agent', active: true });
    return id;
  };
  let id = Math.max(...s.tickets.keys()) + 1;
  const ids: string[] = [];
  for (const h of planned) {
    const customerId = 90_000 + id;
    s.customers.set(customerId, { id: customerId, name: `Customer ${id}`, email: `customer${id}@example.com` });
    const t = {
      id,
      key: `team_${h.index}`,
      subject: h.subject,
      channel: 'chat',
      via: 'gorgias_chat',
      status: 'open' as const,
      customerId,
      assigneeUserId: null,
      assigneeTeamId: Number(h.target.id),
      tagIds: h.tags.map((n) => s.tagByName(n, true)!.id),
      messages: [],
      createdAt: at(h.askedAt - 60_000),
      updatedAt: at(h.updatedAt),
    };
    s.tickets.set(id, t);
    const ask = 'I need to talk to a person about my order.';
    const first = s.addMessage(t, {
      channel: 'chat',
      via: 'gorgias_chat',
      fromAgent: false,
      sender: { kind: 'customer', id: customerId },
      bodyText: ask,
      bodyHtml: `<p>${ask}</p>`,
      public: true,
    });
    first.createdAt = at(h.askedAt);
    const author = userId(h.agent);
    for (const r of h.records) {
      const text = seedNoteText(r, h.agent);
      const note = s.addMessage(t, {
        channel: 'internal-note',
        via: 'helpdesk',
        fromAgent: true,
        sender: { kind: 'user', id: author },
        bodyText: text,
        bodyHtml: text
          .split('\n\n')
          .map((p) => `<p>${esc(p)}</p>`)
          .join(''),
        public: false,
      });
      note.createdAt = at(Date.parse(r.at));
    }
    t.updatedAt = at(h.updatedAt);
    ids.push(String(id++));
  }
  return { status: 201, body: { ids } };
}
