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
export type Notify = z.infer<typeof NotifySchema>;
