import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface TrafficEntry {
  platform: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
}

const SECRET_KEY = /token|password|secret|api[_-]?key|authorization/i;

/** Bodies are logged without anything that looks like a credential. */
export function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : scrub(v)]));
  }
  return value;
}

export class TrafficLog {
  readonly entries: TrafficEntry[] = [];
  constructor(private file?: string) {
    if (file) mkdirSync(dirname(file), { recursive: true });
  }
  record(e: TrafficEntry) {
    const entry = { platform: e.platform, method: e.method, path: e.path, query: e.query, body: scrub(e.body) };
    this.entries.push(entry);
    if (this.file) appendFileSync(this.file, JSON.stringify(entry) + '\n');
  }
  clear() {
    this.entries.length = 0;
  }
}
