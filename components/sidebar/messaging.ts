import { browser } from 'wxt/browser';
import { ResponseSchema, type BatonRequestInput } from '../../lib/schema/messages';

/** Sends a request to the background worker; resolves with its data or throws its plain-sentence error. */
export async function send<T>(req: BatonRequestInput): Promise<T> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(req);
  } catch {
    throw new Error('Baton was updated or restarted. Reload this page to reconnect.');
  }
  const res = ResponseSchema.safeParse(raw);
  if (!res.success) throw new Error('Baton received an unexpected answer from its background worker.');
  if (!res.data.ok) throw new Error(res.data.error);
  return res.data.data as T;
}
