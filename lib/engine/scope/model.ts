import type { SubAgent } from '../../schema/policy';
import { featuresOf } from './features';
import { SCOPE_MODEL } from './weights';

/**
 * The scope domain model: which of a few dozen domains (weather, music, cards, transfers, hotels, …) a text is
 * about, learned from public intent data (scripts/train-scope.ts). The same model reads the customer's request
 * and the policy's scope, so the two are compared in one space: a request is in scope when its domains are
 * domains the scope description or a sub agent speaks of, whatever words either uses.
 */

export const DOMAINS: readonly string[] = SCOPE_MODEL.classes;
/** Conversation management ("yes", "say that again", "you rock"): no topic, never a reason to escalate. */
const DIALOGUE = DOMAINS.indexOf('dialogue');
/** Jokes and chit-chat with the assistant: not a topic a scope names, but not the customer's business either. */
const CHITCHAT = DOMAINS.indexOf('chitchat');

let table: Map<string, { c: number[]; w: number[] }> | undefined;

function weights(): Map<string, { c: number[]; w: number[] }> {
  if (table) return table;
  table = new Map();
  const features = SCOPE_MODEL.features.split('|');
  const packed = SCOPE_MODEL.weights.split('|');
  for (let i = 0; i < features.length; i++) {
    const c: number[] = [];
    const w: number[] = [];
    for (const p of packed[i].split(',')) {
      c.push(parseInt(p[0], 36));
      w.push(Number(p.slice(1)) * SCOPE_MODEL.scale);
    }
    table.set(features[i], { c, w });
  }
  return table;
}

/** Probability of each domain (index as in DOMAINS) for a text. */
export function domainsOf(text: string): number[] {
  const z = [...SCOPE_MODEL.bias];
  const t = weights();
  let known = 0;
  for (const [k, v] of featuresOf(text)) {
    const e = t.get(k);
    if (!e) continue;
    known++;
    for (let j = 0; j < e.c.length; j++) z[e.c[j]] += e.w[j] * v;
  }
  if (!known) return z.map(() => 1 / z.length);
  const m = Math.max(...z);
  const ez = z.map((x) => Math.exp(x - m));
  const s = ez.reduce((a, b) => a + b, 0);
  return ez.map((x) => x / s);
}

export interface ScopeProfile {
  /** How much the scope speaks of each domain, 0..1: the strongest reading of any one item of it. */
  coverage: number[];
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
  return items.map((s) => s.replace(/[()[\]]/g, ' ').replace(/\s+/g, ' ').trim()).filter((s) => /[a-z]{3}/i.test(s));
}

// An item covers a domain only when the model reads it as that domain with some confidence: short items the
// model knows nothing about ("apr", "routing") spread thin probability everywhere and must not cover anything.
const FLOOR = 0.6;
const FULL = 0.9;

export function scopeProfile(description: string, subAgents: SubAgent[] = []): ScopeProfile {
  const items = scopeItems(description, subAgents);
  const coverage = DOMAINS.map(() => 0);
  for (const item of items) {
    const p = domainsOf(item);
    for (let d = 0; d < p.length; d++) coverage[d] = Math.max(coverage[d], Math.min(1, Math.max(0, (p[d] - FLOOR) / (FULL - FLOOR))));
  }
  coverage[DIALOGUE] = 1;
  if (CHITCHAT >= 0) coverage[CHITCHAT] = 0;
  return { coverage, items };
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
}

export function readDomain(profile: ScopeProfile, text: string): DomainReading {
  const p = domainsOf(text);
  let inMass = 0;
  let topical = 0;
  let best = 0;
  for (let d = 0; d < p.length; d++) {
    if (d === DIALOGUE) continue;
    topical += p[d];
    inMass += p[d] * profile.coverage[d];
    if (p[d] > p[best] || best === DIALOGUE) best = d;
  }
  return { inScope: topical > 0 ? inMass / topical : 1, domain: DOMAINS[best], confidence: p[best], topCoverage: profile.coverage[best], dialogue: p[DIALOGUE] };
}
