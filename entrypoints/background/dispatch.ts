import {
  describeIssues,
  PROTOCOL,
  RequestSchema,
  type BatonResponse,
  type RequestOf,
  type RequestType,
  type ResponseInput,
} from '@/lib/schema/messages';
import { browser } from 'wxt/browser';
import { senderProblem, type Sender } from './senders';

/** One handler per request type; each gets its parsed request and returns data for the response schema. */
export type Handlers = { [T in RequestType]: (req: RequestOf<T>, tabId: number | undefined) => Promise<ResponseInput<T>> };

export const MALFORMED_REQUEST = 'Baton could not understand that request.';
export const MALFORMED_RESULT = 'Baton could not finish that request: its answer came out malformed. Reload the page and try again.';

/**
 * Validates a message before any handler sees it, and the handler's result before it is sent back. A
 * malformed message or result is answered with an error and a logged reason; a request its sender may not
 * make (PROTOCOL's `from`, see senders.ts) is refused the same way; a handler failure becomes a
 * plain-sentence error. Nothing here can throw into the worker.
 */
export async function dispatch(
  raw: unknown,
  sender: Sender,
  handlers: Handlers,
  log: (msg: string) => void = console.warn,
  extensionBase: string = browser.runtime.getURL('/'),
): Promise<BatonResponse> {
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) {
    log(`[baton] rejected message: ${describeIssues(parsed.error)}`);
    return { ok: false, error: MALFORMED_REQUEST };
  }
  const req = parsed.data;
  const type = req.type as RequestType;
  const refused = senderProblem(req, sender, extensionBase);
  if (refused) {
    log(`[baton] refused ${type} from ${sender.url ?? 'an unknown sender'}: ${refused}`);
    return { ok: false, error: refused };
  }
  const tabId = sender.tab?.id;
  let result: unknown;
  try {
    result = await (handlers[type] as (r: typeof req, t: number | undefined) => Promise<unknown>)(req, tabId);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const checked = PROTOCOL[type].response.safeParse(result);
  if (!checked.success) {
    log(`[baton] rejected the ${type} handler's result: ${describeIssues(checked.error)}`);
    return { ok: false, error: MALFORMED_RESULT };
  }
  return { ok: true, data: checked.data };
}
