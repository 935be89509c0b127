import { z } from 'zod';

/** Slack's incoming-webhook payload, or a generic JSON POST of Baton's own event. */
export const WebhookKindSchema = z.enum(['slack', 'json']);
export type WebhookKind = z.infer<typeof WebhookKindSchema>;

export const WebhookSchema = z.object({
  kind: WebhookKindSchema,
  url: z
    .string()
    .trim()
    .url('Give the full webhook address, starting with https://')
    .refine((u) => u.startsWith('https://'), 'Webhook addresses must start with https://'),
});
export type Webhook = z.infer<typeof WebhookSchema>;

export const NotifySchema = z.object({
  webhooks: z.array(WebhookSchema).max(5, 'At most 5 webhooks').default([]),
});

/** "Send test" in Options: one test event to one webhook, through the background, without retries. */
export const TestWebhookRequestSchema = z.object({ type: z.literal('testWebhook'), webhook: WebhookSchema });
/** What the receiver answered, in a sentence the team lead can act on. */
export const TestWebhookResponseSchema = z.object({ delivered: z.boolean(), status: z.number().int().optional(), message: z.string() });
