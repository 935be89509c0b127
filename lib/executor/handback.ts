import type { HandBack, HandBackStepKind, HandBackStepState, Journal } from '../schema/plan';
import type { AdapterContext, Operation, PlatformAdapter } from '../platforms/types';
import { newMarkerId } from '../platforms/marker';
import { handBackNote } from '../note/handback';
import { buildRecord, mainReason } from '../record/build';
import { recordNoteLine } from '../record/codec';
import { attempt, exclusive, message, nextRev, type JournalStore } from './run';

/**
 * "Return to bot" through the journal: the hand-back note first, then exactly the reverse of the pause.
 * Each step's transitions are saved before and after its requests, like an escalation's, so a failure or a
 * cut-off never leaves it half done: a failed note leaves the bot paused (the human still owns the
 * conversation), and a retry checks the note's marker before posting, so the note is never posted twice.
 */

const HANDBACK_ORDER: readonly HandBackStepKind[] = ['note', 'unpause'];

/** What the agent asked for: the line on what they resolved and, optionally, what the bot may do next. */
export interface HandBackRequest {
  line?: string;
  next?: string;
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
export function startHandBack(j: Journal, line: string, next?: string, now = new Date(), agent?: HandBackRequest['agent']): Journal {
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
    const started = startHandBack(j, line, request.next, new Date(), request.agent);
    await save(() => started);
  }

  for (const kind of HANDBACK_ORDER) {
    if (settled(stepOf(j, kind))) continue;
    let ops: Operation[];
    try {
      ops = kind === 'note' ? noteOps(adapter, ctx, j) : adapter.resumeOps(ctx, j.plan);
    } catch (e) {
      await save((x) => setStep(x, kind, { status: 'failed', error: message(e) }));
      return j;
    }
    if (!(await runStep(kind, ops))) return j;
  }
  const at = new Date().toISOString();
  await save((x) => ({ ...x, resumedAt: at, handBack: { ...x.handBack!, finishedAt: at } }));
  return j;

  /** One step's requests, in order; true once all landed. */
  async function runStep(kind: HandBackStepKind, ops: Operation[]): Promise<boolean> {
    const before = stepOf(j, kind);
    const wasUncertain = !!before.uncertain || before.status === 'running';
    await save((x) => setStep(x, kind, (s) => ({ status: 'running', error: undefined, attempts: s.attempts + 1 })));
    const outcome = await attempt(ops, wasUncertain);
    const patch =
      outcome.status === 'failed' && kind === 'note'
        ? { ...outcome, error: `${outcome.error} The bot is still paused, so the conversation stays with you.` }
        : outcome;
    await save((x) => setStep(x, kind, patch));
    return outcome.status === 'done';
  }
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
