import type { Journal, StepKind } from '../schema/plan';
import type { AdapterContext, Operation, PlatformAdapter } from '../platforms/types';
import { isApiError } from '../http/errors';

/** Where journals live: extension storage in the browser, a Map in tests. */
export interface JournalStore {
  get(key: string): Promise<Journal | null>;
  put(journal: Journal): Promise<void>;
}

const inFlight = new Map<string, Promise<Journal>>();

function isFinished(j: Journal): boolean {
  return j.steps.every((s) => s.status === 'done' || s.status === 'skipped');
}

export function hasFailed(j: Journal): boolean {
  return j.steps.some((s) => s.status === 'failed');
}

/** Cut off (tab gone, worker restarted) rather than failed: finished by itself once a tab is back. */
export function isInterrupted(j: Journal): boolean {
  return !j.resumedAt && !hasFailed(j) && j.steps.some((s) => s.status === 'interrupted');
}

/** The run in progress for this journal in this worker, if any. */
export function runningFor(key: string): Promise<Journal> | undefined {
  return inFlight.get(key);
}

/**
 * A step left 'running' with no run in progress in this worker was cut off by a worker restart: its
 * request may have landed. It becomes interrupted and uncertain, so the next run checks before sending.
 * Returns null when nothing was stale.
 */
export function markStale(j: Journal, now = new Date()): Journal | null {
  const hb = j.handBack;
  const stale = j.steps.some((s) => s.status === 'running') || !!hb?.steps.some((s) => s.status === 'running');
  if (inFlight.has(j.key) || !stale) return null;
  const at = now.toISOString();
  const cut = <S extends { status: string }>(s: S): S =>
    s.status === 'running'
      ? { ...s, status: 'interrupted', uncertain: true, error: 'Baton was restarted while this step ran.', updatedAt: at }
      : s;
  return {
    ...j,
    rev: nextRev(j),
    steps: j.steps.map(cut),
    ...(hb ? { handBack: { ...hb, steps: hb.steps.map(cut) } } : {}),
  };
}

/**
 * Runs every step of the journal that is not done yet, in order, persisting each transition before and
 * after its request. A second call for the same conversation while one runs joins the running one, so a
 * double click or a second tab never sends anything twice. Stops at the first failure; calling again
 * retries that step and the ones after it.
 */
export function runJournal(
  journal: Journal,
  adapter: PlatformAdapter,
  ctx: AdapterContext,
  store: JournalStore,
  onUpdate: (j: Journal) => void = () => {},
): Promise<Journal> {
  return exclusive(journal.key, () => execute(journal, adapter, ctx, store, onUpdate));
}

/**
 * Runs `work` unless a run for this conversation is already in progress in this worker, which is then
 * joined instead. Escalation and hand-back share it, so neither can overlap the other either.
 */
export function exclusive(key: string, work: () => Promise<Journal>): Promise<Journal> {
  const running = inFlight.get(key);
  if (running) return running;
  const p = work().finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}

async function execute(
  start: Journal,
  adapter: PlatformAdapter,
  ctx: AdapterContext,
  store: JournalStore,
  onUpdate: (j: Journal) => void,
): Promise<Journal> {
  // The stored journal is the truth: another tab or an earlier worker may have moved it on.
  let j: Journal = (await store.get(start.key)) ?? start;
  const save = async (patch: (j: Journal) => Journal) => {
    j = { ...patch(j), rev: nextRev(j) };
    await store.put(j);
    onUpdate(j);
  };
  const remaining = j.steps.filter((s) => s.status !== 'done' && s.status !== 'skipped').map((s) => s.kind);
  if (remaining.length === 0) return j;

  let ops;
  try {
    ops = adapter.escalationOps(ctx, j.plan, remaining);
  } catch (e) {
    await save((x) => setSteps(x, [remaining[0]], { status: 'failed', error: message(e) }));
    return j;
  }

  for (const op of ops) {
    const covers = op.covers.filter((k) => remaining.includes(k));
    // The bot is paused only once everything else has landed or lands in this very request; an adapter that
    // orders its requests otherwise is refused here rather than leaving a paused bot with nobody answering.
    // Taking control from a bot that holds the conversation comes first by necessity (plan.ts controlFirst).
    const missing =
      covers.includes('pause') && !j.plan.control?.holds
        ? j.steps
            .filter((s) => s.kind !== 'pause' && s.status !== 'done' && s.status !== 'skipped' && !covers.includes(s.kind))
            .map((s) => s.kind)
        : [];
    if (missing.length) {
      await save((x) =>
        setSteps(x, ['pause'], {
          status: 'failed',
          error: `Baton did not pause the bot because ${missing.join(', ')} ${missing.length > 1 ? 'were' : 'was'} not done first.`,
        }),
      );
      return j;
    }
    const wasUncertain = j.steps.some((s) => covers.includes(s.kind) && (s.uncertain || s.status === 'running'));
    await save((x) => setSteps(x, covers, (s) => ({ status: 'running', error: undefined, attempts: s.attempts + 1 })));
    const outcome = await attempt([op], wasUncertain);
    await save((x) => setSteps(x, covers, outcome));
    if (outcome.status !== 'done') return j;
  }
  if (isFinished(j)) await save((x) => ({ ...x, finishedAt: new Date().toISOString() }));
  return j;
}

/** How a step ended: the patch its state takes. */
export type StepOutcome = Omit<StepPatch, 'kind' | 'status'> & { status: 'done' | 'interrupted' | 'failed' };

/**
 * Sends one step's requests in order, first asking an uncertain step's operations whether they already
 * landed, and says how the step ended. Shared by escalations and hand-backs so both treat a cut-off, an
 * outcome-unknown failure and a plain failure alike.
 */
export async function attempt(ops: readonly Operation[], wasUncertain: boolean): Promise<StepOutcome> {
  // Until the check has answered, an uncertain step stays uncertain whatever else fails.
  let checked = !wasUncertain;
  try {
    for (const op of ops) {
      const landed = wasUncertain && op.alreadyApplied ? await op.alreadyApplied() : false;
      checked = true;
      if (!landed) await op.run();
    }
    return { status: 'done', uncertain: false, error: undefined, needs: undefined };
  } catch (e) {
    if (isApiError(e) && (e.kind === 'interrupted' || e.kind === 'no_tab')) {
      // Not a failure: the tab carrying the request went away (it may have landed: check before resending),
      // or no tab could carry it (nothing was sent). Either way it is finished once a tab is back.
      return { status: 'interrupted', error: e.message, uncertain: !checked || e.kind === 'interrupted' };
    }
    return {
      status: 'failed',
      error: message(e),
      uncertain: !checked || (isApiError(e) && e.outcomeUnknown),
      needs: neededField(e),
      httpStatus: isApiError(e) ? e.status : undefined,
    };
  }
}

/** Every save moves the revision on, so readers can tell an older copy from a newer one. */
export function nextRev(j: Journal): number {
  return (j.rev ?? 0) + 1;
}

type StepPatch = Partial<Journal['steps'][number]>;

function setSteps(j: Journal, kinds: StepKind[], patch: StepPatch | ((s: Journal['steps'][number]) => StepPatch)): Journal {
  const now = new Date().toISOString();
  return {
    ...j,
    steps: j.steps.map((s) => (kinds.includes(s.kind) ? { ...s, ...(typeof patch === 'function' ? patch(s) : patch), updatedAt: now } : s)),
  };
}

/** The connection setting an adapter said it lacks (MissingConnectionField), matched by shape across bundles. */
function neededField(e: unknown): string | undefined {
  const field = e instanceof Error && e.name === 'MissingConnectionField' ? (e as unknown as { field?: unknown }).field : undefined;
  return typeof field === 'string' ? field : undefined;
}

export function message(e: unknown): string {
  if (e instanceof Error) return e.message;
  return 'Something unexpected went wrong. Retry, and if it keeps failing, reload the page.';
}

/**
 * Undoes the pause recorded in the journal, with no note and no journal of its own: the primitive the
 * hand-back (./handback.ts, what "Return to bot" runs) builds on, kept for the platform tests.
 */
export async function resumeBot(journal: Journal, adapter: PlatformAdapter, ctx: AdapterContext, store: JournalStore): Promise<Journal> {
  for (const op of adapter.resumeOps(ctx, journal.plan)) await op.run();
  const j = { ...journal, resumedAt: new Date().toISOString(), rev: nextRev(journal) };
  await store.put(j);
  return j;
}
