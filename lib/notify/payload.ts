import type { WebhookKind } from '../schema/notify';
import type { EscalationEvent } from './event';
import { slackMessage } from './slack';

/** The body a webhook of this kind is sent: Slack's message format, or Baton's event as is. */
export function payloadFor(kind: WebhookKind, event: EscalationEvent): unknown {
  return kind === 'slack' ? slackMessage(event) : event;
}

/** Headers of every delivery; the delivery id lets a receiver drop a repeat. */
export function deliveryHeaders(event: EscalationEvent): Record<string, string> {
  return { 'Content-Type': 'application/json', 'X-Baton-Delivery': event.deliveryId };
}
