import { isApiError } from '@/lib/http/errors';
import { PLATFORM_METAS } from '@/lib/platforms/metas';
import { connectionOf } from '@/entrypoints/background/transports';
import { contextFor } from '@/entrypoints/background/context';
import type { Platform } from '@/lib/schema/conversation';
import { HandoffListingSchema, HandoffQuerySchema, type TeamProblem, type TeamProgress, type TeamStatus } from '@/lib/schema/team';
import { connectionsItem, policyStore, secretsStore } from '@/utils/storage';
import { teamCache } from '@/utils/team-cache';

/**
 * Team Insights in the worker: the page asks, the worker reads the helpdesks (secrets never leave it), caches
 * the records and answers with the progress and, once done, the cached conversations. One read at a time;
 * helpdesks are read side by side, since each has its own rate budget.
 */

/** A listing restarts this long before the last read, so a conversation updated during that read is not missed. */
const OVERLAP_MS = 10 * 60_000;

interface Job {
  days: number;
  progress: TeamProgress[];
  problems: TeamProblem[];
  skipped: string[];
  finishedAt: string | null;
}

let job: Job = { days: 30, progress: [], problems: [], skipped: [], finishedAt: null };
let running: Promise<void> | null = null;

const sinceOf = (days: number, now = Date.now()) => new Date(now - days * 86_400_000).toISOString();

/** The helpdesk accounts this browser is connected to, and a sentence for each one it is not. */
async function accounts(): Promise<{ list: { platform: Platform; account: string }[]; skipped: string[] }> {
  const [connections, { value: secrets }] = await Promise.all([connectionsItem.get(), secretsStore.read()]);
  const list: { platform: Platform; account: string }[] = [];
  const skipped: string[] = [];
  for (const meta of PLATFORM_METAS) {
    const connection = connectionOf(connections, meta.platform);
    const account = meta.fixedAccount ?? String(connection.account ?? '');
    const tokenOnly = meta.authModes.length === 1 && meta.authModes[0] === 'token';
    if (!account || (tokenOnly && !meta.authHeaders(connection, secrets as Record<string, string | undefined>))) {
      skipped.push(`${meta.label} is not connected in Options`);
      continue;
    }
    list.push({ platform: meta.platform, account });
  }
  return { list, skipped };
}

async function readAccount(platform: Platform, account: string, days: number, progress: TeamProgress): Promise<void> {
  const started = new Date().toISOString();
  const since = sinceOf(days);
  const cache = teamCache();
  const { policy } = await policyStore.read();
  const { adapter, ctx } = await contextFor({ platform, account, conversationId: '', idIsGuess: false }, policy, undefined);
  const last = await cache.lastRead(platform, account);
  // The cache already covers the window: only what changed since the last read needs listing.
  const covered = !!last && last.coveredSince <= since;
  const listSince = covered ? new Date(Math.max(Date.parse(since), Date.parse(last.readAt) - OVERLAP_MS)).toISOString() : since;
  // The reason tags Baton writes with every escalation (Options → Handoff record).
  const query = HandoffQuerySchema.parse({
    since: listSince,
    tagPrefix: policy.record.reasonTagPrefix,
    known: await cache.known(platform, account),
  });
  const raw = await adapter.listHandoffs(ctx, query, (done, total) => {
    progress.total = total;
    progress.done = done;
    if (done > 0) progress.phase = 'reading';
  });
  const listing = HandoffListingSchema.parse(raw);
  await cache.put(listing.conversations.map((c) => ({ ...c, platform, account })));
  // A conversation that could not be read is listed again next time: the coverage only moves on a clean read.
  if (!listing.problems.length)
    await cache.setLastRead(platform, account, { readAt: started, coveredSince: covered ? last.coveredSince : since });
  job.problems.push(...listing.problems.map((p) => ({ ...p, platform, account })));
  progress.phase = 'done';
}

async function run(days: number): Promise<void> {
  const { list, skipped } = await accounts();
  job = { days, progress: [], problems: [], skipped, finishedAt: null };
  await Promise.all(
    list.map(async ({ platform, account }) => {
      const progress: TeamProgress = { platform, account, phase: 'listing', done: 0, total: 0 };
      job.progress.push(progress);
      try {
        await readAccount(platform, account, days, progress);
      } catch (e) {
        progress.phase = 'failed';
        const message = e instanceof Error ? e.message : String(e);
        job.problems.push({ platform, account, kind: isApiError(e) && e.status === 403 ? 'forbidden' : 'failed', message });
      }
    }),
  );
  job.finishedAt = new Date().toISOString();
}

/** Starts a read when asked and none is under way; answers how it stands (with the cached records once done). */
export async function teamStatus(days: number, start: boolean): Promise<TeamStatus> {
  if (start && !running) {
    job = { days, progress: [], problems: [], skipped: [], finishedAt: null };
    running = run(days)
      .catch((e: unknown) => {
        job.skipped.push(`Team Insights could not start: ${e instanceof Error ? e.message : String(e)}`);
        job.finishedAt = new Date().toISOString();
      })
      .finally(() => (running = null));
  }
  const state = running ? 'reading' : job.finishedAt ? 'done' : 'idle';
  const since = sinceOf(job.days);
  const conversations =
    state === 'done'
      ? (await teamCache().all()).filter((c) => c.records.some(({ record }) => Date.parse(record.at) >= Date.parse(since)))
      : [];
  return {
    state,
    days: job.days,
    progress: job.progress.map((p) => ({ ...p })),
    problems: [...job.problems],
    conversations,
    skipped: [...job.skipped],
    finishedAt: job.finishedAt,
  };
}
