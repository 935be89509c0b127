import type { PlatformMeta } from '../types';
import { accountFromText, base64, str } from '../shared';

const HOST = '.gorgias.com';

/** Gorgias as the rest of Baton sees it. Token auth is Basic with the user's email and REST API key. */
export const gorgiasMeta: PlatformMeta = {
  platform: 'gorgias',
  label: 'Gorgias',
  // PUT /api/tickets/{id}: assignee_team / assignee_user, null clears (test/contracts/gorgias.ts).
  restore: { fields: ['team', 'assignee'], clears: true, teamWord: 'team', label: 'Gorgias' },
  matches: ['https://*.gorgias.com/app/*'],
  appHosts: ['https://*.gorgias.com/*'],
  // Reads, internal notes (POST …/messages), ticket updates and the ticket's tag endpoint (POST/DELETE …/tags).
  session: { apiPrefix: '/api/', methods: ['GET', 'POST', 'PUT', 'DELETE'] },
  // The API lives on the agent app's own origin ({account}.gorgias.com/api).
  apiHosts: [],
  account: {
    label: 'Gorgias account',
    hint: 'Your Gorgias account: acme for acme.gorgias.com. Pasting the full address works too.',
    normalize: (text) => accountFromText(text, HOST),
  },
  targetKinds: [
    { kind: 'team', label: 'Teams' },
    { kind: 'user', label: 'Users' },
    { kind: 'view', label: 'Views' },
  ],
  // Tickets of a view, by update time; 40 requests per 20 s is the API-key integration budget of an account
  // (developers.gorgias.com/reference/limitations).
  watch: { kind: 'view', label: 'View', limit: 40, windowMs: 20_000, source: 'Gorgias API key: 40 requests per 20 seconds per account' },
  authModes: ['session', 'token'],
  authModeLabels: { session: 'Your own Gorgias session (recommended)', token: 'Email and API key' },
  secrets: [{ key: 'gorgiasApiKey', label: 'Gorgias API key', hint: 'Settings → REST API in Gorgias.' }],
  connectionFields: [
    {
      key: 'email',
      label: "Gorgias user's email",
      hint: 'The Gorgias user the API key belongs to.',
      type: 'email',
      authModes: ['token'],
      required: true,
    },
  ],
  // docs.gorgias.com/en-US/use-rules-with-ai-agent-5415482: tickets tagged ai_ignore are not answered by AI Agent.
  stopTagPresets: [
    {
      tag: 'ai_ignore',
      label: 'Gorgias AI Agent',
      hint: 'Gorgias AI Agent takes no action on tickets tagged ai_ignore. Gorgias documents it for new tickets (its rule tags them on arrival); that it stops a conversation AI Agent is already in is not documented.',
    },
  ],
  accent: { light: '#115cb9', dark: '#6ea8fe' },
  authHeaders(connection, secrets) {
    const email = str(connection.email).trim();
    const key = secrets.gorgiasApiKey;
    return email && key ? { Authorization: `Basic ${base64(`${email}:${key}`)}` } : null;
  },
  missingCredentials: "No Gorgias email and API key are set in Baton's Options.",
};
