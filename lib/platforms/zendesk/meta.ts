import type { PlatformMeta } from '../types';
import { accountFromText, base64, str } from '../shared';

const HOST = '.zendesk.com';

/** Zendesk as the rest of Baton sees it. Token auth is Zendesk's "{email}/token:{api token}" Basic scheme. */
export const zendeskMeta: PlatformMeta = {
  platform: 'zendesk',
  label: 'Zendesk',
  // The spec declares group_id and assignee_id as integers, never null: nobody cannot be put back.
  restore: { fields: ['team', 'assignee'], clears: false, teamWord: 'group', label: 'Zendesk' },
  matches: ['https://*.zendesk.com/agent/*'],
  appHosts: ['https://*.zendesk.com/*'],
  // Reads, and ticket updates (note, tags and assignment are one PUT).
  session: { apiPrefix: '/api/v2/', methods: ['GET', 'PUT'] },
  // The API lives on the agent app's own origin ({subdomain}.zendesk.com/api/v2).
  apiHosts: [],
  account: {
    label: 'Zendesk subdomain',
    hint: 'Your Zendesk subdomain: acme for acme.zendesk.com. Pasting the full address works too.',
    normalize: (text) => accountFromText(text, HOST),
  },
  targetKinds: [
    { kind: 'group', label: 'Groups' },
    { kind: 'user', label: 'Agents' },
    { kind: 'view', label: 'Views' },
  ],
  // Views are what agents can list and sort by update time (spec ListTicketsFromView); the budget is the
  // account-wide 200 requests a minute of the Team plan (developer.zendesk.com/api-reference/introduction/rate-limits).
  watch: { kind: 'view', label: 'View', limit: 200, windowMs: 60_000, source: 'Zendesk Team plan: 200 requests a minute per account' },
  authModes: ['session', 'token'],
  authModeLabels: { session: 'Your own Zendesk session (recommended)', token: 'Email and API token' },
  secrets: [
    { key: 'zendeskToken', label: 'Zendesk API token', hint: 'Admin Center → Apps and integrations → Zendesk API.' },
    // The switchboard's key works in both sign-in modes: it is what takes a conversation from an AI agent.
    {
      key: 'zendeskSwitchboardKeyId',
      label: 'Conversations API key ID (for AI agent handoff)',
      hint: 'Admin Center → Apps and integrations → Conversations API → Create API key. Needed only when a Zendesk AI agent answers on messaging.',
      modes: ['session', 'token'],
    },
    {
      key: 'zendeskSwitchboardSecret',
      label: 'Conversations API secret key',
      hint: 'Shown once when the Conversations API key is created.',
      modes: ['session', 'token'],
    },
  ],
  connectionFields: [
    {
      key: 'email',
      label: "Zendesk user's email",
      hint: 'The Zendesk user the API token belongs to.',
      type: 'email',
      authModes: ['token'],
      required: true,
    },
    {
      key: 'switchboardAppId',
      label: 'Conversations API app ID (for AI agent handoff)',
      hint: 'Shown with the Conversations API key in Admin Center. Baton passes control from an AI agent to your agents only on the subdomain saved above.',
      type: 'text',
      problem: (v) => (/^[A-Za-z0-9_-]{1,64}$/.test(v) ? null : 'An app ID has only letters, digits, dashes and underscores.'),
    },
  ],
  accent: { light: '#17494d', dark: '#5eb4a8' },
  authHeaders(connection, secrets) {
    const email = str(connection.email).trim();
    const token = secrets.zendeskToken;
    return email && token ? { Authorization: `Basic ${base64(`${email}/token:${token}`)}` } : null;
  },
  missingCredentials: "No Zendesk email and API token are set in Baton's Options.",
  // Sunshine Conversations on the account host: Basic auth with the Conversations API key id and secret.
  control: {
    pathPrefix: '/sc/',
    authHeaders(connection, secrets) {
      const appId = str(connection.switchboardAppId).trim();
      const id = secrets.zendeskSwitchboardKeyId;
      const secret = secrets.zendeskSwitchboardSecret;
      return appId && id && secret ? { Authorization: `Basic ${base64(`${id}:${secret}`)}` } : null;
    },
  },
};
