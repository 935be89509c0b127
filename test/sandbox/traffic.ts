import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SandboxPlatform } from './types';

/** One line of test-results/sandbox-traffic.jsonl: exactly these five keys, nothing secret. */
export interface TrafficEntry {
  platform: SandboxPlatform['name'];
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
}

export const REDACTED = '[redacted]';

/**
 * Is this field name a credential? Plural "tokens" are counts (OpenAI max_tokens) and page tokens are Front's
 * pagination cursors; keeping them makes the log useful without leaking anything.
 */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[^a-z]/g, '');
  if (k.endsWith('tokens') || k === 'pagetoken' || k === 'nextpagetoken') return false;
  return /token$|password|passwd|secret|apikey|authorization|credential/.test(k);
}

export function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretKey(k) ? REDACTED : scrub(v)]));
  }
  return value;
}

/** Every platform request, in memory for tests and appended to a JSONL file that outlives the run. */
export class TrafficLog {
  private entries: TrafficEntry[] = [];

  constructor(private readonly file: string | null) {
    if (file) mkdirSync(dirname(file), { recursive: true });
  }

  record(e: TrafficEntry): void {
    const entry: TrafficEntry = {
      platform: e.platform,
      method: e.method,
      path: e.path,
      query: scrub(e.query) as TrafficEntry['query'],
      body: e.body === undefined ? null : scrub(e.body),
    };
    this.entries.push(entry);
    if (this.file) appendFileSync(this.file, JSON.stringify(entry) + '\n');
  }

  list(): TrafficEntry[] {
    return [...this.entries];
  }

  /** Forgets what is in memory; the file is the run's record and is kept. */
  clear(): void {
    this.entries = [];
  }
}
