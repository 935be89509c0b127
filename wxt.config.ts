import { defineConfig } from 'wxt';
import { AGENT_APP_HOSTS, API_HOST_MATCHES } from './lib/platforms/metas';

// Hosts Baton reads and writes come from the platform registry, so the manifest asks for exactly these.
export const HELPDESK_MATCHES = [...AGENT_APP_HOSTS];
export const API_HOSTS = [...API_HOST_MATCHES, 'https://api.openai.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  // Parallel work (several builds at once) can point each build at its own folder; tests read the same variable.
  outDir: process.env.BATON_OUT_DIR ?? '.output',
  entrypointsDir: 'entrypoints',
  // Dev mode's auto-launched browser crashes headless machines; tests launch Chromium themselves.
  webExt: { disabled: true },
  hooks: {
    // The LLM engine's token counter reads its ~1 MB of ranks from this file when it first runs, so they are
    // never parsed at the worker's start (lib/engine/llm/tokens.ts).
    'build:publicAssets': async (_wxt, files) => {
      const { RANKS_MODULE } = await import('./lib/engine/llm/tokens');
      const ranks = ((await import(/* @vite-ignore */ RANKS_MODULE)) as { default: unknown }).default;
      files.push({ relativeDest: 'tokenizer/cl100k_base.json', contents: JSON.stringify(ranks) });
    },
  },
  // MV3 on Firefox too, so both builds share one background and permission model.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Baton',
    description: 'Escalation checks and one-click handoff from your support bot to your team.',
    // alarms: a webhook delivery waiting to be retried wakes the worker that went to sleep meanwhile.
    permissions: ['storage', 'alarms'],
    host_permissions: [...HELPDESK_MATCHES, ...API_HOSTS],
    // A custom OpenAI-compatible base URL is asked for when the team lead configures it.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Asked for only when a team lead turns on the queue watch's desktop notifications.
    optional_permissions: ['notifications'],
    // The toolbar button carries the queue watch's count and opens "Needs a human".
    action: { default_title: 'Baton: Needs a human' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Open or close the Baton sidebar',
      },
      escalate: {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Escalate the open conversation',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Baton sends nothing to its makers; conversation text goes only to the team's own OpenAI endpoint when configured.
            gecko: { id: 'baton@baton.dev', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : // Lets an administrator push the policy through enterprise policy (storage.managed).
        { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
