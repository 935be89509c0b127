import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/platforms';
import type { AdapterContext } from '@/lib/platforms/types';
import type { HandoffListing } from '@/lib/schema/team';
import { SignalKindSchema } from '@/lib/schema/verdict';
import { loadSpec, validateResponse } from '@/test/contracts/openapi';
import type { SandboxRequest } from '@/test/sandbox/types';
import { expectInSpec, zendeskHarness } from './zendesk/helpers';
import { expectContract as expectGorgiasContract, gorgiasHarness } from './gorgias/helpers';
import { expectContract as expectFrontContract, frontHarness } from './front/helpers';

const NOW = Date.now();
const DAY = 86_400_000;
const since = (days: number) => new Date(NOW - days * DAY).toISOString();
const seedBody = (count: number, days = 30) => ({ count, days, now: new Date(NOW).toISOString() });
const adminPost = (path: string, body: unknown): SandboxRequest => ({
  method: 'POST',
  host: 'sandbox',
  path,
  query: {},
  headers: {},
  body,
  cookies: {},
});

/** What a team lead would see: escalations per agent and returns, from the records read back. */
function summary(listing: HandoffListing) {
  const records = listing.conversations.flatMap((c) => c.records.map((r) => r.record));
  const perAgent: Record<string, number> = {};
  for (const r of records) if (r.kind === 'escalated') perAgent[r.agent?.name ?? '?'] = (perAgent[r.agent?.name ?? '?'] ?? 0) + 1;
  return {
    conversations: listing.conversations.length,
    escalated: records.filter((r) => r.kind === 'escalated').length,
    returned: records.filter((r) => r.kind === 'returned').length,
    perAgent,
    authors: [...new Set(listing.conversations.flatMap((c) => c.records.map((r) => r.noteAuthor)))].sort(),
  };
}

const EXPECTED_130 = {
  conversations: 130,
  escalated: 130,
  returned: 26,
  perAgent: { 'Dana Agent': 44, 'Sam Lead': 43, 'Omar Ruiz': 43 },
  authors: ['Dana Agent', 'Omar Ruiz', 'Sam Lead'],
};

describe('Team Insights: reading the handoff records back from each helpdesk', () => {
  it('Zendesk: the export search by reason-tag prefix pages past 100, reads each ticket once, within the spec', async () => {
    const h = zendeskHarness();
    await h.sandbox.admin(adminPost('/__admin/zendesk/team-seed', seedBody(130)));
    const progress: [number, number][] = [];
    const listing = await ADAPTERS.zendesk.listHandoffs(h.ctx(''), { since: since(30), tagPrefix: 'baton_reason_' }, (d, t) =>
      progress.push([d, t]),
    );
    expect(summary(listing)).toEqual(EXPECTED_130);
    expect(listing.problems).toEqual([]);
    expect(progress.at(-1)).toEqual([130, 130]);
    expectInSpec(h.seen);
    const searches = h.seen.filter((r) => r.path.startsWith('/api/v2/search/export'));
    expect(searches).toHaveLength(2);
    const res = await h.sandbox.handle(searches[0]);
    expect(validateResponse(loadSpec('zendesk'), 'ExportSearchResults', 200, res!.body)).toEqual([]);
    // The seeded tickets' comments once each, plus the two search pages.
    expect(h.seen.length).toBe(132);

    // A second read with what the cache holds reads no ticket again.
    const known = Object.fromEntries(listing.conversations.map((c) => [c.conversationId, c.updatedAt]));
    const mark = h.seen.length;
    const again = await ADAPTERS.zendesk.listHandoffs(h.ctx(''), { since: since(30), tagPrefix: 'baton_reason_', known });
    expect(again.conversations).toEqual([]);
    expect(again.unchanged).toHaveLength(130);
    expect(h.seen.slice(mark).every((r) => r.path.startsWith('/api/v2/search/export'))).toBe(true);
  });

  it('Zendesk: a ticket deleted or refused between the search and its read is named, and the rest are read', async () => {
    let gone = '';
    let refused = '';
    const h = zendeskHarness({
      intercept: (req, send) => {
        if (gone && req.url.includes(`/tickets/${gone}/comments`))
          return Promise.resolve({ status: 404, headers: {}, body: { error: 'RecordNotFound' } });
        if (refused && req.url.includes(`/tickets/${refused}/comments`))
          return Promise.resolve({ status: 403, headers: {}, body: { error: 'Forbidden', description: 'You do not have access' } });
        return send(req);
      },
    });
    const seeded = (await h.sandbox.admin(adminPost('/__admin/zendesk/team-seed', seedBody(5))))!.body as { ids: string[] };
    [gone, refused] = seeded.ids;
    const listing = await ADAPTERS.zendesk.listHandoffs(h.ctx(''), { since: since(30), tagPrefix: 'baton_reason_' });
    expect(listing.conversations.map((c) => c.conversationId).sort()).toEqual(seeded.ids.slice(2).sort());
    expect(listing.problems.map((p) => [p.conversationId, p.kind])).toEqual(
      expect.arrayContaining([
        [gone, 'not_found'],
        [refused, 'forbidden'],
      ]),
    );
    expect(listing.problems.find((p) => p.kind === 'not_found')!.message).toMatch(/deleted/);
  });

  it('Gorgias: lists tickets newest update first and stops at the cutoff, keeping those with a reason tag, within the contract', async () => {
    const h = gorgiasHarness();
    // 60 days of escalations, one every 5.5 hours: the newest 130 fall in the last 29.9 days.
    await h.sandbox.admin(adminPost('/__admin/gorgias/team-seed', seedBody(260, 60)));
    const ctx: AdapterContext = h.ctx();
    const listing = await ADAPTERS.gorgias.listHandoffs(
      { ...ctx, ref: { ...ctx.ref, conversationId: '' } },
      {
        since: since(29.9),
        tagPrefix: 'baton_reason_',
      },
    );
    expect(summary(listing)).toEqual(EXPECTED_130);
    expect(listing.problems).toEqual([]);
    expectGorgiasContract(h.exchanges);
    const lists = h.seen.filter((r) => r.path === '/api/tickets');
    // 130 tickets in the window and the seeded demo tickets (updated at seeding, outside it): two pages of 100.
    expect(lists.length).toBe(2);
    expect(lists.every((r) => r.query.order_by === 'updated_datetime:desc')).toBe(true);
  });

  it('Front: searches each reason tag with after:, reads each conversation once, within the spec', async () => {
    const h = frontHarness();
    await h.sandbox.admin(adminPost('/__admin/front/team-seed', seedBody(130)));
    const listing = await ADAPTERS.front.listHandoffs(h.ctx(), { since: since(30), tagPrefix: 'baton_reason_' });
    expect(summary(listing)).toEqual(EXPECTED_130);
    expect(listing.problems).toEqual([]);
    expectFrontContract(h.exchanges);
    const searches = h.exchanges.filter((x) => x.req.path.startsWith('/conversations/search/'));
    // One search per reason tag the company has (one per signal and `manual`), each one page.
    expect(searches).toHaveLength(SignalKindSchema.options.length + 1);
    expect(decodeURIComponent(searches[0].req.path)).toMatch(/^\/conversations\/search\/tag:tag_[0-9a-z]+ after:\d{10}$/);
  });
});
