import { z } from 'zod';

/** Non-secret connection settings per platform (safe to sync and export). */
export const ConnectionsSchema = z.object({
  zendesk: z
    .object({
      /** The subdomain in https://{subdomain}.zendesk.com, for lists and tests outside a ticket tab. */
      account: z.string().default(''),
      /** session: the agent's own Zendesk session, same-origin from the agent tab (X-CSRF-Token on writes). */
      authMode: z.enum(['session', 'token']).default('session'),
      email: z.string().default(''),
    })
    .default({ account: '', authMode: 'session', email: '' }),
  gorgias: z
    .object({
      /** The account in https://{account}.gorgias.com. */
      account: z.string().default(''),
      authMode: z.enum(['session', 'token']).default('session'),
      email: z.string().default(''),
    })
    .default({ account: '', authMode: 'session', email: '' }),
  front: z
    .object({
      authMode: z.literal('token').default('token'),
      /** API host; Front also serves company hosts like https://acme.api.frontapp.com */
      apiBase: z.string().url().default('https://api2.frontapp.com'),
      /** The agent's own teammate email, to find their teammate id so notes carry them as author. */
      authorEmail: z.string().optional(),
      /** The agent's own teammate id (tea_…), when it cannot be found from the email. */
      authorId: z.string().optional(),
    })
    .default({ authMode: 'token', apiBase: 'https://api2.frontapp.com' }),
});
export type Connections = z.infer<typeof ConnectionsSchema>;

/** Secrets: stored in storage.local, read only by the background worker, never exported. */
export const SecretsSchema = z.object({
  zendeskToken: z.string().optional(),
  gorgiasApiKey: z.string().optional(),
  frontToken: z.string().optional(),
  openaiApiKey: z.string().optional(),
});
export type Secrets = z.infer<typeof SecretsSchema>;
