import { z } from 'zod';
import { formMeta } from './form-meta';

/** Slack's incoming-webhook payload, or a generic JSON POST of Baton's own event. */
const WebhookKindSchema = z.enum(['slack', 'json']);
export type WebhookKind = z.infer<typeof WebhookKindSchema>;

export const WebhookSchema = z.object({
  kind: WebhookKindSchema.register(formMeta, {
    title: 'Kind',
    choices: { slack: 'Slack incoming webhook', json: 'JSON POST (Baton event)' },
  }),
  url: z
    .string()
    .trim()
    .url('Give the full webhook address, starting with https://')
    .refine((u) => u.startsWith('https://'), 'Webhook addresses must start with https://')
    .register(formMeta, { title: 'Webhook address', control: 'url', verbatim: true, placeholder: 'https://' }),
});
export type Webhook = z.infer<typeof WebhookSchema>;

export const NotifySchema = z.object({
  webhooks: z.array(WebhookSchema).max(5, 'At most 5 webhooks').default([]).register(formMeta, { title: 'Webhooks', item: 'Webhook' }),
});

/** "Send test" in Options: one test event to one webhook, through the background, without retries. */
export const TestWebhookRequestSchema = z.object({ type: z.literal('testWebhook'), webhook: WebhookSchema });
/** What the receiver answered, in a sentence the team lead can act on. */
export const TestWebhookResponseSchema = z.object({ delivered: z.boolean(), status: z.number().int().optional(), message: z.string() });
