import { distance } from 'fastest-levenshtein';
import type { SubAgent } from '../../schema/policy';
import { featuresOf, modelWords } from './features';
import { isStopword } from './words';
import { SCOPE_MODEL } from './weights';

/**
 * The scope domain model: which of a few dozen domains (weather, music, cards, transfers, hotels, …) a text is
 * about, learned from public intent data (scripts/train-scope.ts). The same model reads the customer's request
 * and the policy's scope, so the two are compared in one space: a request is in scope when its domains are
 * domains the scope description or a sub agent speaks of, whatever words either uses.
 */

/** The shipped form of the model (scripts/train-scope.ts writes it; weights.ts holds it). */
export interface PackedModel {
  classes: string[];
  scale: number;
  bias: number[];
  /** Feature keys, sorted, joined by "|". */
  features: string;
  /** base64: SLOTS (domain, int8 weight) byte pairs per feature, in feature order; domain 255 marks an empty slot. */
  slots: string;
}

export interface Unpacked {
  classes: string[];
  bias: number[];
  keys: string[];
  domain: Uint8Array;
  weight: Float32Array;
}

const SLOTS = 3;

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Decodes the shipped model into typed arrays: one split, one base64 decode, no per-feature objects. */
export function unpack(m: PackedModel): Unpacked {
  const bytes = base64Bytes(m.slots);
  const n = bytes.length / 2;
  const domain = new Uint8Array(n);
  const weight = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    domain[i] = bytes[2 * i];
    weight[i] = ((bytes[2 * i + 1] << 24) >> 24) * m.scale;
  }
  return { classes: m.classes, bias: m.bias, keys: m.features.split('|'), domain, weight };
}

/** Index of a feature key in the sorted key list, or -1 (binary search: no lookup table to build). */
function find(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid];
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Probability of each domain (index as in classes) for a text. */
export function domainScores(u: Unpacked, text: string): number[] {
  const z = [...u.bias];
  let known = 0;
  for (const [k, v] of featuresOf(text)) {
    const f = find(u.keys, k);
    if (f < 0) continue;
    known++;
    for (let j = f * SLOTS; j < f * SLOTS + SLOTS; j++) if (u.domain[j] !== 255) z[u.domain[j]] += u.weight[j] * v;
  }
  if (!known) return z.map(() => 1 / z.length);
  const m = Math.max(...z);
  const ez = z.map((x) => Math.exp(x - m));
  const s = ez.reduce((a, b) => a + b, 0);
  return ez.map((x) => x / s);
}

export const DOMAINS: readonly string[] = SCOPE_MODEL.classes;
/** Conversation management ("yes", "say that again", "you rock"): no topic, never a reason to escalate. */
const DIALOGUE = DOMAINS.indexOf('dialogue');
/** Jokes and chit-chat with the assistant: not a topic a scope names, but not the customer's business either. */
const CHITCHAT = DOMAINS.indexOf('chitchat');

// Decoded on first use, once per process (the extension's background worker keeps it): a conversation the
// scope words settle never pays for it.
let model: Unpacked | undefined;

/** Probability of each domain (index as in DOMAINS) for a text. */
export function domainsOf(text: string): number[] {
  model ??= unpack(SCOPE_MODEL);
  return domainScores(model, text);
}

/** How many content words of a text the model knows as whole words (not only by their letter trigrams). */
function knownWords(text: string): number {
  model ??= unpack(SCOPE_MODEL);
  let n = 0;
  for (const w of modelWords(text)) if (w.length >= 3 && !isStopword(w) && find(model.keys, w) >= 0) n++;
  return n;
}

/** Whether the model knows a word as a whole word (not only by its letter trigrams). */
export function isKnownWord(word: string): boolean {
  model ??= unpack(SCOPE_MODEL);
  return find(model.keys, word) >= 0;
}

const slipMemo = new Map<string, boolean>();

/**
 * Whether a word the model does not know is a slip of one it does ("famil" ~ "family", "pliiow" ~ "pillow"), or
 * two known words run together ("youlove"). Only words with the same first letter are compared: the sorted keys
 * give that range by binary search, so a check reads a few thousand keys at most, once per word.
 */
export function slipOfKnownWord(word: string): boolean {
  const hit = slipMemo.get(word);
  if (hit !== undefined) return hit;
  model ??= unpack(SCOPE_MODEL);
  const keys = model.keys;
  let slip = false;
  for (let i = 2; i + 2 <= word.length && !slip; i++) {
    if (isKnownWord(word.slice(0, i)) && isKnownWord(word.slice(i))) slip = true;
  }
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < word[0]) lo = mid + 1;
    else hi = mid;
  }
  const budget = word.length >= 8 ? 2 : 1;
  for (let i = lo; i < keys.length && keys[i][0] === word[0] && !slip; i++) {
    const k = keys[i];
    if (Math.abs(k.length - word.length) > budget || k.includes(' ')) continue;
    if (distance(k, word) <= budget) slip = true;
  }
  if (slipMemo.size > 5_000) slipMemo.clear();
  slipMemo.set(word, slip);
  return slip;
}

export interface ScopeProfile {
  /** How much the scope speaks of each domain, 0..1: the strongest reading of any one item of it. */
  coverage: number[];
  /**
   * Coverage widened to neighbouring domains (NEAR_GROUPS): a bank that speaks of transfers is not foreign to
   * card payments or earnings, a store that speaks of orders not to deliveries. Only used to doubt "out".
   */
  near: number[];
  /** The items the scope was read as (for explanations and tests). */
  items: string[];
}

/**
 * Items of a scope: list entries of the description (split on commas and semicolons outside brackets, so
 * "orders (place, change, cancel, track)" stays one item), plus each sub agent's name, description and examples.
 */
export function scopeItems(description: string, subAgents: SubAgent[] = []): string[] {
  const items: string[] = [];
  const split = (text: string) => {
    let depth = 0;
    let cur = '';
    for (const ch of text) {
      if (ch === '(' || ch === '[') depth++;
      if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
      if (depth === 0 && /[,;:\n]/.test(ch)) {
        items.push(cur);
        cur = '';
      } else cur += ch;
    }
    items.push(cur);
  };
  split(description);
  for (const s of subAgents) {
    items.push(s.name.replace(/[_-]+/g, ' '));
    split(s.description);
    items.push(...s.examples);
  }
  return items
    .map((s) =>
      s
        .replace(/[()[\]]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((s) => /[a-z]{3}/i.test(s));
}

// An item covers a domain only when the model reads it as that domain with some confidence: short items the
// model knows nothing about ("apr", "routing") spread thin probability everywhere and must not cover anything.
const FLOOR = 0.6;
const FULL = 0.9;

// Domains one support team plausibly handles together. The scope's items name a few of them; a request in a
// neighbour is not clearly foreign, so it is never put out of scope on the model's say-so. A neighbour counts
// NEAR of the group's strongest coverage: enough to doubt "out"; "in" is never proved by it (the rescue reads
// coverage, not near).
const NEAR_GROUPS = [
  ['bank_card', 'bank_payment', 'bank_transfer', 'bank_topup', 'finance'],
  // Insurers bill and pay out: premiums and payments are theirs too, card top-ups are not. (Accounts and logins
  // belong to every scope, so they are nobody's neighbour.)
  ['insurance', 'bank_payment', 'finance'],
  ['shop', 'takeaway'],
];
const NEAR = 0.9;

function widen(coverage: number[]): number[] {
  const near = [...coverage];
  for (const group of NEAR_GROUPS) {
    const idx = group.map((d) => DOMAINS.indexOf(d)).filter((i) => i >= 0);
    const top = Math.max(0, ...idx.map((i) => coverage[i]));
    for (const i of idx) near[i] = Math.max(near[i], NEAR * top);
  }
  return near;
}

export function scopeProfile(description: string, subAgents: SubAgent[] = []): ScopeProfile {
  const items = scopeItems(description, subAgents);
  const coverage = DOMAINS.map(() => 0);
  // Short items are read after the scope's head ("Banking assistant: order checks", not "order checks" alone,
  // which reads as takeaway); the description is also read whole.
  const head = items[0] ?? '';
  const ctx = (item: string) => (item === head || item.split(' ').length > 3 ? item : `${head} ${item}`);
  for (const item of [...items.map(ctx), description]) {
    // An item the model knows only by letter trigrams ("apr" looks like "april") says nothing about domains.
    if (!knownWords(item)) continue;
    const p = domainsOf(item);
    for (let d = 0; d < p.length; d++) coverage[d] = Math.max(coverage[d], Math.min(1, Math.max(0, (p[d] - FLOOR) / (FULL - FLOOR))));
  }
  coverage[DIALOGUE] = 1;
  if (CHITCHAT >= 0) coverage[CHITCHAT] = 0;
  return { coverage, near: widen(coverage), items };
}

export interface DomainReading {
  /** Share of the request's topical probability that falls on domains the scope covers (0..1). */
  inScope: number;
  /** The request's most likely domain and its probability. */
  domain: string;
  confidence: number;
  /** How much the scope covers that most likely domain (0..1). */
  topCoverage: number;
  /** Probability that the request is conversation management rather than a topic. */
  dialogue: number;
  /** inScope and topCoverage with neighbouring domains counted (ScopeProfile.near). */
  nearIn: number;
  nearTop: number;
}

export function readDomain(profile: ScopeProfile, text: string): DomainReading {
  const p = domainsOf(text);
  let inMass = 0;
  let nearMass = 0;
  let topical = 0;
  let best = 0;
  for (let d = 0; d < p.length; d++) {
    if (d === DIALOGUE) continue;
    topical += p[d];
    inMass += p[d] * profile.coverage[d];
    nearMass += p[d] * profile.near[d];
    if (p[d] > p[best] || best === DIALOGUE) best = d;
  }
  return {
    inScope: topical > 0 ? inMass / topical : 1,
    domain: DOMAINS[best],
    confidence: p[best],
    topCoverage: profile.coverage[best],
    dialogue: p[DIALOGUE],
    nearIn: topical > 0 ? nearMass / topical : 1,
    nearTop: profile.near[best],
  };
}
