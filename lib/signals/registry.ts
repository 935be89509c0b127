/**
 * One entry per signal, in the spirit of Excalidraw's action registry: everything a surface shows or counts
 * about a signal is said here once, and the sidebar, the note, Insights, webhooks, the options switches and the
 * LLM prompt's rules read it. A new signal is its kind in the verdict schema, its entry here and its detector
 * in `lib/engine/signals/`.
 */
import type { Role } from '../schema/conversation';
import { SignalSwitchesSchema, type Policy } from '../schema/policy';
import { formMeta } from '../schema/form-meta';
import type { Signal, SignalKind, VerdictStatus } from '../schema/verdict';

export interface SignalEntry {
  id: SignalKind;
  /** The one name of the signal on every surface: sidebar, note, Insights (chart, table, CSV) and webhooks. */
  label: string;
  /** The signal inside a sentence, for the verdict's reason ("Escalate: the customer asked for a human."). */
  clause: string;
  /** Chart, legend and swatches (Okabe–Ito palette: told apart with the common colour-vision deficiencies). */
  color: string;
  /** Where it is listed, and which reason an escalation with several signals is counted under (lowest first). */
  order: number;
  /** Whether the signal alone makes the verdict escalate. */
  escalates: boolean;
  /** The team lead's switch in Options; absent when the signal cannot be switched off. */
  toggle?: { defaultOn: boolean; label: string; help: string };
  /** The rule the LLM engine's prompt states for it (see llmRuleLine); absent when the model never reports it. */
  llmRule?: string;
  /** Who must have written the message quoted as evidence (the LLM's quotes are checked against it). */
  evidenceFrom?: readonly Extract<Role, 'customer' | 'bot'>[];
  /** Tags suggested with an escalation on this signal, when the policy asks for suggestions. */
  suggestedTags: readonly string[];
  /** What the human picking it up does first; `team` is " (sub agent)" or "". */
  nextStep: (team: string) => string;
  /** How Insights counts it, and what a suggested fix says about a sub agent whose escalations keep having it. */
  insights: {
    counted: 'escalation reason' | 'not-yet verdict';
    /** "3 of its last 5 escalations were “{fixWords}”." */
    fixWords: string;
    fixHint: string;
  };
}

const ENTRIES: readonly SignalEntry[] = [
  {
    id: 'user_requested_human',
    label: 'Customer asked for a human',
    clause: 'the customer asked for a human',
    color: '#0072B2',
    order: 1,
    escalates: true,
    toggle: { defaultOn: true, label: 'The customer asks for a human', help: 'e.g. "can I talk to a person?", in any common language.' },
    llmRule:
      'the customer explicitly asks for a human, an agent, a manager, a call or escalation, in any language and with typos. NOT: "are you a bot?", "I don\'t need a human", questions about the team\'s opening hours.',
    evidenceFrom: ['customer'],
    suggestedTags: ['sys_human_help'],
    nextStep: (team) => `Take over the conversation${team} and reply to the customer personally.`,
    insights: {
      counted: 'escalation reason',
      fixWords: 'the customer asked for a human',
      fixHint: 'customers give up on its answers: is a step or an answer missing from this flow?',
    },
  },
  {
    id: 'bot_handed_off',
    label: 'Bot handed off or cannot help',
    clause: 'the bot handed the case off or cannot help',
    color: '#E69F00',
    order: 2,
    escalates: true,
    toggle: {
      defaultOn: true,
      label: 'The bot hands off or says it cannot help',
      help: 'Also a redirect the customer must follow (another team, a phone line, a store). A handoff the bot is still preparing (asking for an order number) waits until it is confirmed.',
    },
    llmRule:
      'the bot says the case is escalated, transferred or forwarded to a team, will be checked, confirmed or followed up later, that someone will contact the customer, that it lacks the understanding, information, access or capability to help, or sends the customer to another team, channel, phone line or store because it cannot solve it. NOT: "let me check that for you" followed by an answer; the team spoken of in general ("our agents are here to help"); a self-service link that answers the question.',
    evidenceFrom: ['bot'],
    suggestedTags: ['sys_human_follow_up'],
    nextStep: (team) => `Pick up the case the bot handed off${team} and follow up with the customer.`,
    insights: {
      counted: 'escalation reason',
      fixWords: 'the bot handed off or could not help',
      fixHint: 'does the bot lack a tool or permission it needs here?',
    },
  },
  {
    id: 'out_of_scope',
    label: 'Outside the bot’s scope',
    clause: 'the request is outside the bot’s scope',
    color: '#009E73',
    order: 3,
    escalates: true,
    toggle: { defaultOn: true, label: 'The request is outside the bot’s scope', help: 'Judged against the bot scope and sub agents.' },
    llmRule:
      "the customer's request is outside the bot's scope as described by the policy (scope and sub agents), read with its typos and shorthand. NOT: small talk or questions about the bot itself.",
    evidenceFrom: ['customer'],
    suggestedTags: [],
    nextStep: () => 'Reply personally: the request is outside what the bot handles.',
    insights: {
      counted: 'escalation reason',
      fixWords: 'outside the bot’s scope',
      fixHint: 'customers bring topics it does not cover: widen its scope or route them before the bot.',
    },
  },
  {
    id: 'custom_instruction',
    label: 'Team lead’s escalation instruction',
    clause: 'the team lead’s escalation instruction applies',
    color: '#CC79A7',
    order: 4,
    escalates: true,
    llmRule: "the team lead's customized instruction requires escalation (only when the policy has one).",
    evidenceFrom: ['customer', 'bot'],
    suggestedTags: [],
    nextStep: (team) => `Review the conversation${team}: the escalation instruction applies.`,
    insights: {
      counted: 'escalation reason',
      fixWords: 'your team’s instruction',
      fixHint: 'your escalation instruction catches these: is it as narrow as you meant?',
    },
  },
  {
    id: 'unconfirmed',
    label: 'Possible handoff, not confirmed',
    clause: 'a possible handoff',
    color: '#56B4E9',
    order: 5,
    escalates: false,
    suggestedTags: [],
    nextStep: () => 'Check again after the next reply; nothing is confirmed yet.',
    insights: {
      counted: 'not-yet verdict',
      fixWords: 'a possible handoff, not confirmed',
      fixHint: 'worth reading a few of these conversations.',
    },
  },
];

export const SIGNALS: Readonly<Record<SignalKind, SignalEntry>> = Object.fromEntries(ENTRIES.map((e) => [e.id, e])) as Record<
  SignalKind,
  SignalEntry
>;

/** Every entry, in its order. */
export const SIGNALS_IN_ORDER: readonly SignalEntry[] = [...ENTRIES].sort((a, b) => a.order - b.order);

/** The signals the team lead can switch, in order. */
export const SWITCHABLE: readonly (SignalEntry & { toggle: NonNullable<SignalEntry['toggle']> })[] = SIGNALS_IN_ORDER.filter(
  (e): e is SignalEntry & { toggle: NonNullable<SignalEntry['toggle']> } => !!e.toggle,
);

/** A signal's name for people; an id the registry does not know reads as a neutral phrase, never as the raw id. */
export function signalLabel(kind: string): string {
  return (SIGNALS as Record<string, SignalEntry | undefined>)[kind]?.label ?? 'Other signal';
}

/** Every tag any signal may suggest (the tag editors' suggestions). */
export const SUGGESTABLE_TAGS: readonly string[] = [...new Set(ENTRIES.flatMap((e) => e.suggestedTags))];

/** The tags a verdict suggests: the team's escalation tags, plus each signal's own when the policy asks for them. */
export function suggestTags(status: VerdictStatus, signals: readonly Signal[], tags: Policy['tags']): string[] {
  if (status !== 'escalate') return [];
  const out = [...tags.escalation];
  if (tags.suggest) for (const e of SIGNALS_IN_ORDER) if (signals.some((s) => s.kind === e.id)) out.push(...e.suggestedTags);
  return [...new Set(out)];
}

/** "- out_of_scope (customer message): the customer's request is …", as the LLM prompt lists the signals. */
export function llmRuleLine(e: SignalEntry): string {
  const who = e.evidenceFrom?.length === 1 ? ` (${e.evidenceFrom[0]} message)` : '';
  return `- ${e.id}${who}: ${e.llmRule ?? ''}`;
}

// The options page's switches take their title and help from here; the policy schema sits below this layer.
for (const e of SWITCHABLE) {
  const field = SignalSwitchesSchema.shape[e.id as keyof typeof SignalSwitchesSchema.shape];
  if (field) formMeta.add(field, { title: e.toggle.label, help: e.toggle.help });
}
