import { RETRY } from '@/lib/notify/retry';
import { outcomeOf } from '@/lib/notify/retry';
import { deliveryHeaders, payloadFor } from '@/lib/notify/payload';
import { hostOf } from '@/lib/notify/outbox';
import { testEvent } from '@/lib/notify/test-event';
import { adapterFor, labelOf, PLATFORM_METAS } from '@/lib/platforms';
import type { HttpResponse } from '@/lib/http/types';
import type { RequestOf, ResponseInput } from '@/lib/schema/messages';
import { webhookTransport } from '../notify';

/** "Send test": one POST of a test event, no retries, answered with what the receiver said. */
export async function testWebhook({ webhook }: RequestOf<'testWebhook'>): Promise<ResponseInput<'testWebhook'>> {
  const platform = PLATFORM_METAS[0]!.platform;
  const ref = { platform, account: 'example', conversationId: '123', idIsGuess: false };
  const event = testEvent({
    platform,
    platformLabel: labelOf(platform),
    conversationUrl: adapterFor(platform).conversationUrl(ref),
    deliveryId: `dlv_test_${Date.now().toString(36)}`,
    now: new Date(),
  });
  const host = hostOf(webhook.url);
  let response: HttpResponse | null = null;
  let failure: string | null = null;
  try {
    response = await webhookTransport({
      method: 'POST',
      url: webhook.url,
      headers: deliveryHeaders(event),
      body: payloadFor(webhook.kind, event),
      timeoutMs: 10_000,
    });
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  const outcome = outcomeOf(host, RETRY.maxAttempts, response, failure);
  if (outcome.kind === 'delivered') return { delivered: true, status: outcome.status, message: `${host} received the test notification.` };
  return {
    delivered: false,
    ...(response ? { status: response.status } : {}),
    message: outcome.reason.replace(/^Gave up after \d+ attempts: /, ''),
  };
}
