import type { StateCreator } from 'zustand';
import type { ConversationRef, Message } from '@/lib/schema/conversation';
import type { CheckResult } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import type { Policy } from '@/lib/schema/policy';
import type { Target } from '@/lib/schema/target';
import type { Draft } from '../draft';

/** Which conversation the sidebar shows, under which policy, and whether it is open. */
export interface ConversationSlice {
  ref: ConversationRef | null;
  /** The conversation's journal key: its draft, journal and verdict log entry. */
  key: string | null;
  policy: Policy | null;
  open: boolean;
  /** Shows `ref` at once (so the sidebar can be drawn); resolves once its saved draft and open state are in. */
  setConversation(ref: ConversationRef | null, policy: Policy): Promise<void>;
  setPolicy(policy: Policy): void;
  setOpen(open: boolean): void;
}

/**
 * The verdict on screen: the last check's answer, whether a check is running, and the sentence when it
 * failed. A new kind of answer (a provisional one replaced later) adds its state here and goes through
 * `showResult`, which is where an answer meets the draft and the journal.
 */
export interface VerdictSlice {
  checking: boolean;
  /** The verdict on screen is the quick offline one; the LLM engine's is on its way and will replace it. */
  refining: boolean;
  result: CheckResult | null;
  error: string | null;
  /** `answer`: a check already asked for (the content script asks as soon as the page's URL names the conversation). */
  check(opts?: { force?: boolean; newMessage?: boolean; domMessages?: Message[]; answer?: Promise<CheckResult> }): Promise<void>;
  /** Puts an answer on screen for the conversation `key`; ignored when another conversation is shown by then. */
  showResult(key: string | null, result: CheckResult): Promise<void>;
}

/** The note, tags, target and pause the agent will send, with what they changed themselves. */
export interface DraftSlice {
  draft: Draft | null;
  editDraft(patch: Partial<Draft>): void;
  /** The draft once `result` has arrived: its fresh values, except whatever the agent has already changed. */
  draftFor(result: CheckResult): Draft;
}

/** Where the conversation can be routed: the account's list, kept across its conversations. */
export interface TargetsSlice {
  targets: Target[];
  targetsError: string | null;
  loadTargets(refresh?: boolean): Promise<void>;
}

/** The escalation and its hand-back: the journal the background writes, and the agent's requests for it. */
export interface EscalationSlice {
  journal: Journal | null;
  /** A request to the background for escalate/retry/resume is in flight. */
  acting: boolean;
  actionError: string | null;
  escalate(): Promise<void>;
  retry(): Promise<void>;
  /** Saves a per-agent connection setting a step failed for, then retries. */
  provideSetting(key: string, value: string): Promise<void>;
  /**
   * Return to bot: sends the line the agent typed (kept in the draft until it is sent), or, when a
   * hand-back is already on record and not finished, retries it (its note is never posted twice).
   */
  resume(): Promise<void>;
  journalChanged(j: Journal | null): void;
  /** The journal to show once `incoming` has arrived (null: keep the one on screen). */
  newerJournal(incoming: Journal | null): Journal | null;
}

/** The sidebar's whole store: one slice per concern, each free to read the others through `get`. */
export type SidebarStore = ConversationSlice & VerdictSlice & DraftSlice & TargetsSlice & EscalationSlice;

export type Slice<T> = StateCreator<SidebarStore, [], [], T>;
