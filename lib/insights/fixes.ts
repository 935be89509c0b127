import { baseForm, functionWords, tagsOf } from '../engine/read/nlp';
import type { EventOf, LogEvent } from '../schema/log-event';
import { primaryReason, type Reason } from './aggregate';
import { reasonFixHint, reasonFixWords } from './reasons';

export interface SuggestedFix {
  kind: 'sub_agent_reason' | 'recurring_topic';
  /** One sentence a team lead can act on. */
  text: string;
  subAgent?: string;
  reason?: Reason;
  topic?: string;
  count: number;
}

/** What a team lead might change, per reason; `lacks` names what the bot said it had no access to. */
function hint(reason: Reason, lacks: string | null): string {
  return reason === 'bot_handed_off' && lacks ? `the bot lacks access to ${lacks}?` : reasonFixHint(reason);
}

/** "I don't have access to refund payments" → "refund payments". */
function lacksOf(quotes: string[]): string | null {
  const counts = new Map<string, number>();
  for (const q of quotes) {
    const m = /\b(?:access to|permission to|able to see|able to access)\s+((?:[a-z]+\s?){1,3})/i.exec(q);
    if (!m) continue;
    const words = m[1].trim().toLowerCase().split(/\s+/);
    const cut = words.findIndex((w, i) => i > 0 && FUNCTION.has(w));
    const phrase = (cut > 0 ? words.slice(0, cut) : words).filter((w) => !FUNCTION.has(w)).join(' ');
    if (phrase) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

let functionSet: Set<string> | null = null;
const FUNCTION = {
  has(w: string) {
    functionSet ??= new Set([
      ...functionWords(),
      // Particles and prepositions the lexicon files under other tags ("over" as an adjective).
      ...'so and or but please thanks hi hello over under about into onto off out up down around through after before since until without within'.split(
        ' ',
      ),
    ]);
    return functionSet.has(w);
  },
};

/** Words that say nothing about a topic in support conversations. */
const GENERIC = new Set(
  'help question thing something anything time person human agent bot someone anyone way today now just need want know get give make tell ask talk speak sure thank yes no ok okay'.split(
    ' ',
  ),
);
const VERB_TAGS = new Set([
  'Infinitive',
  'PresentTense',
  'PastTense',
  'Gerund',
  'Participle',
  'Copula',
  'Adverb',
  'Expression',
  'QuestionWord',
]);

/** Noun phrases of a quote: runs of content words (adjectives and nouns), up to three words, verbs and function words break them. */
export function topicsOf(text: string): string[] {
  const out = new Set<string>();
  for (const sentence of text.toLowerCase().split(/[.!?;:,()\n"“”]+/)) {
    let run: string[] = [];
    const flush = () => {
      while (run.length && (GENERIC.has(run[0]) || tagsOf(run[0]).includes('Adverb'))) run.shift();
      if (run.length) out.add([...run.slice(-3, -1), baseForm(run.at(-1)!)].join(' '));
      run = [];
    };
    for (const word of sentence.match(/[a-z][a-z'-]*/g) ?? []) {
      const tags = tagsOf(word);
      const verbOnly = tags.length > 0 && tags.every((t) => VERB_TAGS.has(t));
      if (FUNCTION.has(word) || verbOnly || word.length < 3 || GENERIC.has(word)) flush();
      else run.push(word);
    }
    flush();
  }
  return [...out];
}

export interface FixOptions {
  /** How many of a sub agent's latest escalations are looked at. */
  window?: number;
  /** Share of that window one reason must reach. */
  share?: number;
  /** Fewest escalations (or conversations, for topics) before anything is suggested. */
  minCount?: number;
}

/**
 * Suggested fixes from the log: a sub agent whose latest escalations keep having the same reason, and
 * out-of-scope topics that keep coming back (each conversation counts once per topic).
 */
export function suggestFixes(events: LogEvent[], opts: FixOptions = {}): SuggestedFix[] {
  const { window = 10, share = 0.6, minCount = 3 } = opts;
  const fixes: SuggestedFix[] = [];
  const escalations = events.filter((e): e is EventOf<'escalated'> => e.kind === 'escalated').sort((a, b) => a.at.localeCompare(b.at));

  const bySub = new Map<string, EventOf<'escalated'>[]>();
  for (const e of escalations) if (e.subAgent) bySub.set(e.subAgent, [...(bySub.get(e.subAgent) ?? []), e]);
  for (const [subAgent, list] of bySub) {
    const last = list.slice(-window);
    if (last.length < minCount) continue;
    const counts = new Map<Reason, number>();
    for (const e of last) counts.set(primaryReason(e), (counts.get(primaryReason(e)) ?? 0) + 1);
    const [reason, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (count < minCount || count / last.length < share || reason === 'agent_call') continue;
    const quotes = last.flatMap((e) => e.signals.filter((s) => s.kind === reason).map((s) => s.quote));
    const name = subAgent.charAt(0).toUpperCase() + subAgent.slice(1);
    fixes.push({
      kind: 'sub_agent_reason',
      subAgent,
      reason,
      count,
      text: `${name} sub agent: ${count} of its last ${last.length} escalations were “${reasonFixWords(reason)}”. ${cap(hint(reason, reason === 'bot_handed_off' ? lacksOf(quotes) : null))}`,
    });
  }

  // Out-of-scope evidence from escalations and from verdicts shown, once per conversation and topic.
  const seen = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.kind !== 'escalated' && e.kind !== 'verdict_shown') continue;
    const conv = `${e.platform}:${e.account}:${e.conversationId}`;
    for (const s of e.signals) {
      if (s.kind !== 'out_of_scope') continue;
      for (const t of topicsOf(s.quote)) seen.set(t, (seen.get(t) ?? new Set()).add(conv));
    }
  }
  const recurring = [...seen.entries()]
    .map(([topic, convs]) => ({ topic, count: convs.size, convs: [...convs].sort().join('\n') }))
    .filter((t) => t.count >= minCount)
    .sort((a, b) => b.count - a.count || b.topic.split(' ').length - a.topic.split(' ').length || a.topic.localeCompare(b.topic));
  const shown: typeof recurring = [];
  for (const t of recurring) {
    // "legal advice" says more than "advice" found in the same conversations.
    if (shown.some((s) => s.count >= t.count && ` ${s.topic} `.includes(` ${t.topic} `))) continue;
    // Topics found in exactly the same conversations are one question ("legal advice" about a "deposit").
    if (shown.some((s) => s.convs === t.convs)) continue;
    shown.push(t);
    if (shown.length === 5) break;
  }
  for (const t of shown) {
    fixes.push({
      kind: 'recurring_topic',
      topic: t.topic,
      count: t.count,
      text: `Out-of-scope topic that recurs: “${t.topic}” (${t.count} conversations). Add it to the bot’s scope, or route it to a team before the bot answers.`,
    });
  }
  return fixes;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
