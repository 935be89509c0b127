/**
 * Team Insights' cost: requests and time to read 30 days of team history (N escalations per helpdesk) back from
 * each sandbox helpdesk, through the adapters' `listHandoffs`, under each helpdesk's published rate limit. The
 * sandbox runs in-process with its budgets and headers (test/sandbox/ratelimit.ts; Front's in its API module)
 * on a virtual clock: the pacer's waits and Retry-After advance the clock instead of sleeping, so the time printed
 * is what the read would take against the real budget, and the bench itself takes seconds.
 */
import { createHttpClient } from '../lib/http/client';
import { RatePacer } from '../lib/http/budget';
import type { Transport } from '../lib/http/types';
import { ADAPTERS } from '../lib/platforms';
import { expireCaches } from '../lib/platforms/cache';
import { PLATFORMS, type Platform } from '../lib/schema/conversation';
import { isBudgeted, RateLimits } from '../test/sandbox/ratelimit';
import { inProcessTransport } from '../test/sandbox/inprocess';
import type { SandboxModule } from '../test/sandbox/admin';
import { createZendeskSandbox } from '../test/sandbox/platforms/zendesk';
import { createGorgiasSandbox } from '../test/sandbox/platforms/gorgias';
import { createFrontSandbox } from '../test/sandbox/platforms/front';
import { sandboxAuth } from '../test/fixtures/demo-policy';

/** The published limits read against: Zendesk Enterprise 700 a minute, Gorgias OAuth 80 per 20 s, Front's smallest plan 50 a minute. */
const TEAM_LIMITS = { zendesk: '700/min', gorgias: '80/20 s', front: '50/min' } as const;
const FRONT_PER_MINUTE = 50;
/** Each answer takes this long on the virtual clock (a typical helpdesk API round trip): reads are one by one. */
const TEAM_LATENCY_MS = 200;

/** A clock that moves only when every pending request is waiting: then it jumps to the earliest wake-up. */
class VirtualClock {
  now = Date.now();
  private timers: { at: number; wake: () => void }[] = [];
  private ticking = false;
  sleep = (ms: number) =>
    new Promise<void>((wake) => {
      this.timers.push({ at: this.now + Math.max(0, ms), wake });
      this.tick();
    });
  private tick() {
    if (this.ticking) return;
    this.ticking = true;
    // setImmediate runs once every promise chain in flight is blocked: nothing else can happen before the next timer.
    setImmediate(() => {
      this.ticking = false;
      if (!this.timers.length) return;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift()!;
      this.now = Math.max(this.now, next.at);
      next.wake();
      if (this.timers.length) this.tick();
    });
  }
}

interface TeamReadFigure {
  platform: Platform;
  escalations: number;
  requests: number;
  /** Requests of a second read with nothing changed (the cache's update times known). */
  again: number;
  /** Requests answered 429 (the read slowed down instead when this is 0). */
  rejected: number;
  /** Milliseconds on the helpdesk's clock. */
  ms: number;
  read: number;
  problems: number;
}

async function readOne(platform: Platform, count: number, days: number): Promise<TeamReadFigure> {
  expireCaches();
  const clock = new VirtualClock();
  const now = () => clock.now;
  const mod = (
    platform === 'zendesk'
      ? createZendeskSandbox()
      : platform === 'gorgias'
        ? createGorgiasSandbox()
        : createFrontSandbox({ rateLimitPerMinute: FRONT_PER_MINUTE, now })
  ) as SandboxModule;
  await mod.admin!({
    method: 'POST',
    host: 'sandbox',
    path: `/__admin/${platform}/team-seed`,
    query: {},
    headers: {},
    body: { count, days, now: new Date(clock.now).toISOString() },
    cookies: {},
  });
  // The sandbox server's budget, in-process: the same rules and headers, on the virtual clock.
  const limits = new RateLimits(now);
  const inner = inProcessTransport([mod]);
  let requests = 0;
  let rejected = 0;
  const transport: Transport = async (req) => {
    requests++;
    const path = new URL(req.url).pathname;
    const budget = isBudgeted(mod.name, path) ? limits.take(mod.name) : null;
    if (budget && !budget.ok) {
      rejected++;
      return { status: 429, headers: lower(budget.headers), body: { error: 'rate limited' }, url: req.url };
    }
    await clock.sleep(TEAM_LATENCY_MS);
    const res = await inner(req);
    if (res.status === 429) rejected++;
    return { ...res, headers: { ...res.headers, ...lower(budget?.headers ?? {}) } };
  };
  const http = createHttpClient({
    transport,
    platformLabel: platform,
    headers: sandboxAuth(platform),
    sleep: clock.sleep,
    pacer: new RatePacer(now),
  });
  const start = clock.now;
  const listing = await ADAPTERS[platform].listHandoffs(
    {
      ref: { platform, account: platform === 'front' ? 'app' : 'acme', conversationId: '', idIsGuess: false },
      http,
      authMode: 'token',
      botIdentity: { ids: [], names: [], emails: [] },
    },
    { since: new Date(start - days * 86_400_000).toISOString(), tagPrefix: 'baton_reason_' },
  );
  const ms = clock.now - start;
  const firstRequests = requests;
  // Opened again: the cache knows every conversation at its update time, so only the list pages are asked for.
  const known = Object.fromEntries(listing.conversations.map((c) => [c.conversationId, c.updatedAt]));
  await ADAPTERS[platform].listHandoffs(
    {
      ref: { platform, account: platform === 'front' ? 'app' : 'acme', conversationId: '', idIsGuess: false },
      http,
      authMode: 'token',
      botIdentity: { ids: [], names: [], emails: [] },
    },
    { since: new Date(start - days * 86_400_000).toISOString(), tagPrefix: 'baton_reason_', known },
  );
  return {
    platform,
    escalations: count,
    requests: firstRequests,
    again: requests - firstRequests,
    rejected,
    ms,
    read: listing.conversations.length,
    problems: listing.problems.length,
  };
}

const lower = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

/** 30 days of team Insights with `count` escalations per helpdesk, each helpdesk read on its own. */
export async function teamReadFigures(count = 500, days = 30): Promise<TeamReadFigure[]> {
  const out: TeamReadFigure[] = [];
  for (const p of PLATFORMS) out.push(await readOne(p, count, days));
  return out;
}

const minutes = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`);

export function formatTeamRead(figures: TeamReadFigure[]): string[] {
  return [
    `  team Insights, 30 days          ${figures
      .map((f) => `${f.platform}: ${f.requests} requests, ${minutes(f.ms)}${f.rejected ? `, ${f.rejected} × 429` : ''} (again: ${f.again})`)
      .join('   ')}`,
    `    (${figures[0]?.escalations ?? 0} escalations per helpdesk, ${TEAM_LATENCY_MS} ms an answer; limits ${PLATFORMS.map((p) => `${p} ${TEAM_LIMITS[p]}`).join(', ')}; all read: ${figures.every((f) => f.read === f.escalations && !f.problems) ? 'yes' : 'no'})`,
  ];
}
