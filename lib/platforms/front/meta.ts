import type { PlatformMeta } from '../types';
import { FRONT_API_BASE_MESSAGE, FRONT_API_BASE_RE } from '../../schema/connections';

/** Front as the rest of Baton sees it: one agent app for every company, API calls with a Bearer token only. */
export const frontMeta: PlatformMeta = {
  platform: 'front',
  label: 'Front',
  // Front has no team on a conversation (teams are workspaces); PATCH takes assignee_id null to unassign.
  restore: { fields: ['assignee', 'inbox'], clears: true, teamWord: 'team', label: 'Front' },
  matches: ['https://app.frontapp.com/*'],
  appHosts: ['https://app.frontapp.com/*'],
  session: null,
  apiHosts: ['https://api2.frontapp.com/*', 'https://*.api.frontapp.com/*'],
  account: null,
  fixedAccount: 'app',
  targetKinds: [
    { kind: 'inbox', label: 'Inboxes' },
    { kind: 'user', label: 'Teammates' },
    { kind: 'view', label: 'Views' },
  ],
  // The bot's conversations sit in an inbox (spec list-inbox-conversations); 50 a minute per company is the
  // Starter plan's budget (dev.frontapp.com/docs/rate-limiting), shared with every other token integration.
  watch: { kind: 'inbox', label: 'Inbox', limit: 50, windowMs: 60_000, source: 'Front Starter plan: 50 requests a minute per company' },
  authModes: ['token'],
  authModeLabels: { token: 'API token' },
  secrets: [
    {
      key: 'frontToken',
      label: 'Front API token',
      hint: 'Settings → Developers → API tokens in Front; give it the shared resources scope (and private resources if the bot works in private inboxes).',
    },
  ],
  connectionFields: [
    {
      key: 'apiBase',
      label: 'Front API address',
      hint: 'Usually https://api2.frontapp.com; some companies have their own, like https://acme.api.frontapp.com.',
      type: 'url',
      required: true,
      normalize: (text) => text.trim().replace(/(?<!\/)\/+$/, ''),
      problem: (v) => (FRONT_API_BASE_RE.test(v) ? null : FRONT_API_BASE_MESSAGE),
    },
    {
      key: 'authorEmail',
      label: 'Your Front email',
      hint: 'The email you sign in to Front with. Baton finds your teammate from it, so notes show you as their author rather than the API token.',
      type: 'email',
      perAgent: true,
      normalize: (text) => text.trim(),
    },
    {
      key: 'authorId',
      label: 'Your Front teammate id',
      hint: 'Only needed when Baton cannot find you by email: the tea_… id of your teammate in Front.',
      type: 'text',
      placeholder: 'tea_…',
      perAgent: true,
      normalize: (text) => text.trim(),
      problem: (v) => (/^tea_[a-z0-9]+$/i.test(v) ? null : 'A teammate id looks like tea_2f1k'),
    },
  ],
  pauseTarget: {
    kind: 'inbox',
    label: "Bot's managing inbox in Front",
    hint: 'Paused conversations are moved out of this inbox, and back on Return to bot.',
    emptyLabel: 'None: do not move conversations',
  },
  accent: { light: '#a2301f', dark: '#ff8f7a' },
  authHeaders(_connection, secrets) {
    return secrets.frontToken ? { Authorization: `Bearer ${secrets.frontToken}` } : null;
  },
  missingCredentials: "No Front API token is set in Baton's Options.",
  tokenFollowsRedirects: true,
};
