import { browser } from 'wxt/browser';
import { describeIssues, PROTOCOL, ResponseSchema, type RequestInput, type RequestType, type ResponseOf } from '@/lib/schema/messages';

export const UNEXPECTED_REPLY = 'Baton received an unexpected answer from its background worker. Reload this page and try again.';
export const DISCONNECTED = 'Baton was updated or restarted. Reload this page to reconnect.';

type Payload<T extends RequestType> = Omit<RequestInput<T>, 'type'>;
type Log = (msg: string) => void;

/**
 * Sends one request to the background worker and resolves with its answer's data, checked against the
 * protocol's response schema for that type; throws a plain sentence otherwise (the background's own error,
 * or, for a malformed answer, a generic sentence while the reason goes to the console).
 */
export async function send<T extends RequestType>(
  type: T,
  ...[payload, log = console.warn]: Partial<Payload<T>> extends Payload<T>
    ? [payload?: Payload<T>, log?: Log]
    : [payload: Payload<T>, log?: Log]
): Promise<ResponseOf<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ ...(payload ?? {}), type });
  } catch {
    throw new Error(DISCONNECTED);
  }
  return readReply(type, raw, log);
}

/** Checks an answer for a request type: the envelope, then the data against the protocol. */
function readReply<T extends RequestType>(type: T, raw: unknown, log: Log = console.warn): ResponseOf<T> {
  const envelope = ResponseSchema.safeParse(raw);
  if (!envelope.success) {
    log(`[baton] rejected reply to ${type}: ${describeIssues(envelope.error)}`);
    throw new Error(UNEXPECTED_REPLY);
  }
  if (!envelope.data.ok) throw new Error(envelope.data.error);
  const data = PROTOCOL[type].response.safeParse(envelope.data.data);
  if (!data.success) {
    log(`[baton] rejected reply to ${type}: ${describeIssues(data.error)}`);
    throw new Error(UNEXPECTED_REPLY);
  }
  return data.data as ResponseOf<T>;
}
