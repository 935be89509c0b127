import { STATUS_CODES } from 'node:http';
import { z } from 'zod';

const regexSource = (what: string) =>
  z.string().refine(
    (s) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    },
    { message: `${what} must be a valid regular expression` },
  );

const FaultSpecSchema = z
  .object({
    /** Platform module name; any platform when absent. */
    platform: z.string().optional(),
    /** Regex source matched against the whole method, case-insensitively: "PUT", "POST|PUT". */
    method: regexSource('method').optional(),
    /** Regex source searched in the path (no query). Anchor it (^…$): agent pages share path words with APIs. */
    path: regexSource('path'),
    status: z.number().int().min(100).max(599).optional(),
    /** Seconds, sent as Retry-After. */
    retryAfter: z.number().nonnegative().optional(),
    delayMs: z.number().nonnegative().optional(),
    /** Destroy the socket without answering: the client sees a reset connection. */
    drop: z.boolean().optional(),
    /** How many matching requests it hits; 0 = until cleared. */
    times: z.number().int().nonnegative().default(1),
    /** Replaces the platform's error envelope. */
    body: z.unknown().optional(),
    /** Run the real handler first, then answer with the fault: the change landed but the answer was lost. */
    applyAfter: z.boolean().optional(),
  })
  .refine((f) => f.status !== undefined || f.drop || f.delayMs !== undefined, {
    message: 'a fault needs status, drop or delayMs',
  });

export type FaultSpec = z.input<typeof FaultSpecSchema>;
export type Fault = z.output<typeof FaultSpecSchema> & { id: string; hits: number };

export interface FaultApi {
  /** Throws a ZodError when the spec is invalid. */
  add(spec: FaultSpec): { id: string };
  list(): Fault[];
  remove(id: string): boolean;
  clear(): void;
}

interface Armed {
  fault: Fault;
  method?: RegExp;
  path: RegExp;
}

/** Faults waiting for matching requests; the first added that matches wins. */
export class FaultTable implements FaultApi {
  private armed: Armed[] = [];
  private seq = 0;

  add(spec: FaultSpec): { id: string } {
    const parsed = FaultSpecSchema.parse(spec);
    const fault: Fault = { ...parsed, id: `f${++this.seq}`, hits: 0 };
    this.armed.push({
      fault,
      method: parsed.method === undefined ? undefined : new RegExp(`^(?:${parsed.method})$`, 'i'),
      path: new RegExp(parsed.path),
    });
    return { id: fault.id };
  }

  list(): Fault[] {
    return this.armed.map((a) => ({ ...a.fault }));
  }

  remove(id: string): boolean {
    const before = this.armed.length;
    this.armed = this.armed.filter((a) => a.fault.id !== id);
    return this.armed.length < before;
  }

  clear(): void {
    this.armed = [];
  }

  /** The fault this request triggers, counting the hit and retiring the fault when it is used up. */
  take(platform: string, method: string, path: string): Fault | null {
    const a = this.armed.find(
      (x) =>
        (x.fault.platform === undefined || x.fault.platform === platform) &&
        (x.method === undefined || x.method.test(method)) &&
        x.path.test(path),
    );
    if (!a) return null;
    a.fault.hits++;
    if (a.fault.times > 0 && a.fault.hits >= a.fault.times) this.remove(a.fault.id);
    return { ...a.fault };
  }
}

const ZENDESK_ERRORS: Record<number, string> = {
  400: 'InvalidEndpoint',
  401: "Couldn't authenticate you",
  403: 'Forbidden',
  404: 'RecordNotFound',
  409: 'UpdateConflict',
  422: 'RecordInvalid',
  429: 'TooManyRequests',
};

function openaiError(status: number): { type: string; code: string } {
  if (status === 429) return { type: 'requests', code: 'rate_limit_exceeded' };
  if (status === 401) return { type: 'invalid_request_error', code: 'invalid_api_key' };
  if (status >= 500) return { type: 'server_error', code: 'server_error' };
  return { type: 'invalid_request_error', code: status === 404 ? 'not_found' : 'invalid_request' };
}

/** The platform's own error envelope, so Baton's error mapping sees what production would send. */
export function errorBody(platform: string, status: number, message = `${status} ${STATUS_CODES[status] ?? 'Error'}`): unknown {
  switch (platform) {
    case 'zendesk':
      return { error: ZENDESK_ERRORS[status] ?? STATUS_CODES[status] ?? 'Error', description: message };
    case 'front':
      return { _error: { status, title: STATUS_CODES[status] ?? 'Error', message } };
    case 'gorgias':
      return { error: { msg: message } };
    case 'openai':
      return { error: { message, ...openaiError(status) } };
    default:
      return { error: message };
  }
}
