import type { HandBack, HandBackStepKind, HandBackStepState, Journal } from '../schema/plan';
import type { AdapterContext, Operation, PlatformAdapter } from '../platforms/types';
import { newMarkerId } from '../platforms/marker';
import { handBackNote } from '../note/handback';
import { metaFor } from '../platforms/metas';
import { restoreOf } from '../platforms/restore';
import { buildRecord, mainReason } from '../record/build';
import { recordNoteLine } from '../record/codec';
import { attempt, exclusive, message, nextRev, type JournalStore } from './run';

/**
 * "Return to bot" through the journal: the hand-back note first, then the pause undone and the conversation
 * put back as it was before the escalation (tags, team, assignee, inbox), in the adapter's order. Each step's
 * transitions are saved before and after its requests, like an escalation's, so a failure or a cut-off never
 * leaves it half done: a failed note leaves the bot paused (the human still owns the conversation), a retry
 * checks the note's marker before posting, so the note is never posted twice, and the restore's requests
 * are idempotent (tags by name, owner set to a value), so repeating one changes nothing twice.
 */

const HANDBACK_ORDER: readonly HandBackStepKind[] = ['note', 'unpause', 'restore'];

/** What the agent asked for: the line on what they resolved and, optionally, what the bot may do next. */
export interface HandBackRequest {
  line?: string;
  next?: string;
  /** The team lead keeps the escalation tags as history (Options); read when the hand-back starts. */
  keepTags?: boolean;
  /** The helpdesk user the note is written by, for its handoff record (when known). */
  agent?: { id?: string; name?: string } | null;
}

export const NO_LINE = 'Write one line on what you resolved before handing the conversation back to the bot.';

const settled = (s: HandBackStepState) => s.status === 'done' || s.status === 'skipped';

export function handBackFailed(j: Journal): boolean {
  return !j.resumedAt && !!j.handBack?.steps.some((s) => s.status === 'failed');
}

/** Cut off (tab gone, worker restarted) rather than failed: finished by itself once a tab is back. */
export function handBackInterrupted(j: Journal): boolean {
  const hb = j.handBack;
  return !j.resumedAt && !!hb && !handBackFailed(j) && hb.steps.some((s) => s.status === 'interrupted');
}

/**
 * The journal with a fresh hand-back recorded, nothing sent yet. Its note ends with a `returned` record (the
 * escalation's reason and target, and the agent handing back), decided now so a retry posts the same note.
 */
export function startHandBack(
  j: Journal,
  line: string,
  next?: string,
  now = new Date(),
  keepTags = false,
  agent?: HandBackRequest['agent'],
): Journal {
  const record = buildRecord({
    kind: 'returned',
    at: now,
    platform: j.plan.platform,
    reason: j.plan.record?.reason ?? mainReason(j.plan.why?.signals ?? []),
    subAgent: j.plan.record?.subAgent ?? j.plan.why?.subAgent,
    agent,
    target: j.plan.target,
  });
  const { note, next: nextLine } = handBackNote(line, next, recordNoteLine(record));
  const handBack: HandBack = {
    line,
    next: nextLine,
    note,
    // A marker of its own: the escalation note's marker would make a retry find that note and skip this one.
    noteMarker: newMarkerId(),
    steps: HANDBACK_ORDER.map((kind) => ({ kind, status: 'pending', attempts: 0 })),
    ...(keepTags ? { keepTags } : {}),
    startedAt: now.toISOString(),
  };
  return { ...j, rev: nextRev(j), handBack };
}

/**
 * Starts the hand-back (when none is on record) or continues the one on record (Retry, a second tab, a
 * double click), and runs its steps still to do. A run already in progress for this conversation is
 * joined, so a second click never sends anything twice. A conversation already handed back is left alone.
 */
export function handBack(
  journal: Journal,
  request: HandBackRequest,
  adapter: PlatformAdapter,
  ctx: AdapterContext,
  store: JournalStore,
  onUpdate: (j: Journal) => void = () => {},
): Promise<Journal> {
  return exclusive(journal.key, () => execute(journal, request, adapter, ctx, store, onUpdate));
}

async function execute(
  start: Journal,
  request: HandBackRequest,
  adapter: PlatformAdapter,
  ctx: AdapterContext,
  store: JournalStore,
  onUpdate: (j: Journal) => void,
): Promise<Journal> {
  // The stored journal is the truth: another tab or an earlier worker may have moved it on.
  let j: Journal = (await store.get(start.key)) ?? start;
  if (j.resumedAt) return j;
  const save = async (patch: (j: Journal) => Journal) => {
    j = { ...patch(j), rev: nextRev(j) };
    await store.put(j);
    onUpdate(j);
  };
  if (!j.handBack) {
    const line = request.line?.trim();
    if (!line) throw new Error(NO_LINE);
    const started = startHandBack(j, line, request.next, new Date(), !!request.keepTags, request.agent);
    await save(() => started);
  } else if (j.handBack.steps.length < HANDBACK_ORDER.length) {
    // Started before the restore was a step of its own: it follows now, as pending.
    await save((x) => ({ ...x, handBack: withAllSteps(x.handBack!) }));
  }

  if (!settled(stepOf(j, 'note'))) {
    let ops: Operation[];
    try {
      ops = noteOps(adapter, ctx, j);
    } catch (e) {
      await save((x) => setStep(x, 'note', { status: 'failed', error: message(e) }));
      return j;
    }
    if (!(await runStep(['note'], ops))) return j;
  }

  let ops: Operation[];
  try {
    ops = adapter.resumeOps(ctx, j.plan, { keepTags: !!j.handBack!.keepTags });
  } catch (e) {
    await save((x) => setStep(x, 'unpause', { status: 'failed', error: message(e) }));
    return j;
  }
  // A step may span several requests (and one request several steps): it is done once its last request is.
  const last = new Map<HandBackStepKind, number>();
  ops.forEach((op, i) => stepsOf(op).forEach((kind) => last.set(kind, i)));
  for (const [i, op] of ops.entries()) {
    const kinds = stepsOf(op);
    if (kinds.every((k) => settled(stepOf(j, k)))) continue;
    if (!(await runStep(kinds, [op], (k) => last.get(k) === i))) return j;
  }
  const left = restoreLeft(j);
  await save((x) => {
    let y = x;
    for (const kind of ['unpause', 'restore'] as const) {
      if (!last.has(kind)) y = setStep(y, kind, { status: 'skipped' });
    }
    return left ? setStep(y, 'restore', { detail: left }) : y;
  });
  const at = new Date().toISOString();
  await save((x) => ({ ...x, resumedAt: at, handBack: { ...x.handBack!, finishedAt: at } }));
  return j;

  /** One request group of the hand-back; true once it landed. `finishes` says which steps it completes. */
  async function runStep(kinds: HandBackStepKind[], ops: Operation[], finishes: (k: HandBackStepKind) => boolean = () => true) {
    const wasUncertain = kinds.some((k) => {
      const s = stepOf(j, k);
      return !!s.uncertain || s.status === 'running';
    });
    await save((x) => kinds.reduce((y, k) => setStep(y, k, (s) => ({ status: 'running', error: undefined, attempts: s.attempts + 1 })), x));
    const outcome = await attempt(ops, wasUncertain);
    const patch = outcome.status === 'failed' ? { ...outcome, error: `${outcome.error} ${whereItStands(kinds)}` } : outcome;
    const landed = outcome.status === 'done';
    await save((x) => kinds.reduce((y, k) => (landed && !finishes(k) ? y : setStep(y, k, patch)), x));
    return landed;
  }
}

/** After a failed request: who has the conversation now, so the agent knows nobody is left waiting. */
function whereItStands(kinds: HandBackStepKind[]): string {
  if (kinds.includes('note') || kinds.includes('unpause')) return 'The bot is still paused, so the conversation stays with you.';
  return 'The bot answers again, and the conversation stays where the escalation put it until Retry puts it back.';
}

/** The hand-back steps a request carries: undoing the pause (with the escalation's tags), or the owner and place back. */
function stepsOf(op: Operation): HandBackStepKind[] {
  const kinds = new Set(op.covers.map((k): HandBackStepKind => (k === 'assign' ? 'restore' : 'unpause')));
  return HANDBACK_ORDER.filter((k) => kinds.has(k));
}

function withAllSteps(hb: HandBack): HandBack {
  const missing = HANDBACK_ORDER.filter((k) => !hb.steps.some((s) => s.kind === k));
  return { ...hb, steps: [...hb.steps, ...missing.map((kind) => ({ kind, status: 'pending' as const, attempts: 0 }))] };
}

/** What Return to bot could not put back on this conversation, in one sentence each, or ''. */
function restoreLeft(j: Journal): string {
  const ability = metaFor(j.plan.platform).restore;
  return restoreOf(j.plan, !!j.handBack?.keepTags, ability).left.join(' ');
}

/**
 * The note alone, through the platform's own escalation request for a note: the escalation's plan with this
 * note and marker, and nothing else to do (no tags, no target, no pause). The ticket's stamp from the
 * escalation is dropped, as it is stale by now: the platform reads a fresh one.
 */
function noteOps(adapter: PlatformAdapter, ctx: AdapterContext, j: Journal): Operation[] {
  const hb = j.handBack!;
  const plan = { ...j.plan, note: hb.note, noteMarker: hb.noteMarker, tags: [], target: null, pause: null, updatedStamp: undefined };
  const ops = adapter.escalationOps(ctx, plan, ['note']);
  // Anything but the note in these requests would change the conversation beyond the hand-back.
  if (!ops.length || ops.some((op) => op.covers.some((k) => k !== 'note'))) {
    throw new Error(`Baton could not build the hand-back note for ${adapter.label}; nothing was changed and the bot is still paused.`);
  }
  return ops;
}

function stepOf(j: Journal, kind: HandBackStepKind): HandBackStepState {
  return j.handBack!.steps.find((s) => s.kind === kind)!;
}

type StepPatch = Partial<HandBackStepState>;

function setStep(j: Journal, kind: HandBackStepKind, patch: StepPatch | ((s: HandBackStepState) => StepPatch)): Journal {
  const hb = j.handBack!;
  const now = new Date().toISOString();
  return {
    ...j,
    handBack: {
      ...hb,
      steps: hb.steps.map((s) => (s.kind === kind ? { ...s, ...(typeof patch === 'function' ? patch(s) : patch), updatedAt: now } : s)),
    },
  };
}
