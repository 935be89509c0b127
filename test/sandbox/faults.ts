import { z } from 'zod';

export const FaultSpecSchema = z.object({
  platform: z.string().optional(),
  /** Regex source matched against the method, e.g. "POST|PUT". */
  method: z.string().optional(),
  /** Regex source matched against the path. */
  path: z.string(),
  status: z.number().int().optional(),
  /** Seconds, sent as Retry-After. */
  retryAfter: z.number().optional(),
  delayMs: z.number().optional(),
  /** Destroy the connection without answering. */
  drop: z.boolean().optional(),
  /** How many requests it hits; 0 = until cleared. */
  times: z.number().int().default(1),
  body: z.unknown().optional(),
  /** Run the real handler first, then answer with the fault: the change landed but the answer was lost. */
  applyAfter: z.boolean().optional(),
});
export type FaultSpec = z.input<typeof FaultSpecSchema>;
type Fault = z.infer<typeof FaultSpecSchema> & { id: string; hits: number };

export class FaultTable {
  private faults: Fault[] = [];
  private seq = 0;

  add(spec: FaultSpec): { id: string } {
    const f = { ...FaultSpecSchema.parse(spec), id: `f${++this.seq}`, hits: 0 };
    this.faults.push(f);
    return { id: f.id };
  }
  list() {
    return this.faults;
  }
  remove(id: string) {
    this.faults = this.faults.filter((f) => f.id !== id);
  }
  clear() {
    this.faults = [];
  }

  /** The fault for this request, if any, counting the hit. */
  take(platform: string, method: string, path: string): Fault | null {
    const f = this.faults.find(
      (x) =>
        (!x.platform || x.platform === platform) &&
        (!x.method || new RegExp(`^(${x.method})$`, 'i').test(method)) &&
        new RegExp(x.path).test(path),
    );
    if (!f) return null;
    f.hits++;
    if (f.times > 0 && f.hits >= f.times) this.remove(f.id);
    return f;
  }
}

/** Each platform's own error envelope, so Baton's error mapping is exercised as in production. */
export function errorBody(platform: string, status: number, message: string): unknown {
  switch (platform) {
    case 'zendesk':
      return { error: status === 422 ? 'RecordInvalid' : `Error${status}`, description: message };
    case 'front':
      return { _error: { status, title: `Error ${status}`, message } };
    case 'gorgias':
      return { error: { msg: message } };
    case 'openai':
      return { error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: String(status) } };
    default:
      return { error: message };
  }
}
