import { z } from 'zod';

/**
 * A helpdesk account is one DNS label, the {account} of https://{account}.<helpdesk>.com. Anything else
 * (a dot, a backslash, `/`, `#`, `?`, `@`, `:`) could make the URL Baton builds point at another host, and the token
 * would go there: the URL builders and the stored connections both check this.
 */
export const ACCOUNT_NAME_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
export const ACCOUNT_NAME_MESSAGE = 'Enter just the account name (letters, digits and dashes), like acme';
/** Front serves the API on api2.frontapp.com or on a company host such as acme.api.frontapp.com, https only. */
export const FRONT_API_BASE_RE = /^https:\/\/(api2|[a-z0-9-]+\.api)\.frontapp\.com$/;
export const FRONT_API_BASE_MESSAGE = "Use https://api2.frontapp.com or your company's https://<name>.api.frontapp.com";

/** '' while not configured (session mode needs none). */
const AccountSchema = z
  .string()
  .default('')
  .refine((a) => a === '' || ACCOUNT_NAME_RE.test(a), ACCOUNT_NAME_MESSAGE);

/** Non-secret connection settings per platform (safe to sync and export). */
export const ConnectionsSchema = z.object({
  zendesk: z
    .object({
      /** The subdomain in https://{subdomain}.zendesk.com, for lists and tests outside a ticket tab. */
      account: AccountSchema,
      /** session: the agent's own Zendesk session, same-origin from the agent tab (X-CSRF-Token on writes). */
      authMode: z.enum(['session', 'token']).default('session'),
      email: z.string().default(''),
      /**
       * The Sunshine Conversations app id of a Conversations API key (Admin Center → Apps and integrations →
       * Conversations API): with the key id and secret (Secrets) Baton takes control from an AI agent.
       */
      switchboardAppId: z.string().default(''),
    })
    .default({ account: '', authMode: 'session', email: '', switchboardAppId: '' }),
  gorgias: z
    .object({
      /** The account in https://{account}.gorgias.com. */
      account: AccountSchema,
      authMode: z.enum(['session', 'token']).default('session'),
      email: z.string().default(''),
    })
    .default({ account: '', authMode: 'session', email: '' }),
  front: z
    .object({
      authMode: z.literal('token').default('token'),
      /** API host; Front also serves company hosts like https://acme.api.frontapp.com */
      apiBase: z.string().regex(FRONT_API_BASE_RE, FRONT_API_BASE_MESSAGE).default('https://api2.frontapp.com'),
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
  /** Zendesk Conversations API key (id and secret): basic auth for the switchboard's passControl. */
  zendeskSwitchboardKeyId: z.string().optional(),
  zendeskSwitchboardSecret: z.string().optional(),
  gorgiasApiKey: z.string().optional(),
  frontToken: z.string().optional(),
  openaiApiKey: z.string().optional(),
});
export type Secrets = z.infer<typeof SecretsSchema>;
