import { RequestSchema, type BatonRequest, type BatonResponse } from '../../lib/schema/messages';

type Handler = (req: BatonRequest, tabId: number | undefined) => Promise<unknown>;

/**
 * Validates a message before any handler sees it. A malformed message is answered with an error and a
 * logged reason; a handler failure becomes a plain-sentence error. Nothing here can throw into the worker.
 */
export async function dispatch(raw: unknown, tabId: number | undefined, handler: Handler, log: (msg: string) => void = console.warn): Promise<BatonResponse> {
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) {
    log(`[baton] rejected message: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    return { ok: false, error: 'Baton could not understand that request.' };
  }
  try {
    return { ok: true, data: await handler(parsed.data, tabId) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
