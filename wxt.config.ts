import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { AGENT_APP_HOSTS, AGENT_APP_MATCHES, API_HOST_MATCHES } from './lib/platforms/metas';

// Hosts Baton reads and writes come from the platform registry, so the manifest asks for exactly these.
export const HELPDESK_MATCHES = [...AGENT_APP_HOSTS];
export const API_HOSTS = [...API_HOST_MATCHES, 'https://api.openai.com/*'];
/** The agent apps' origins (match patterns without their path): the only pages that may frame the sidebar. */
export const AGENT_APP_ORIGINS = [...new Set(AGENT_APP_MATCHES.map((m) => m.replace(/^(\w+:\/\/[^/]+).*$/, '$1')))];

/**
 * The sidebar frame's boot script imports the app (React, zod, the UI) dynamically so it can open its port
 * first; Vite would only start fetching the app's chunks once that script runs. Listed in the page's head
 * instead, they load and compile while the frame's document commits: the app is on the time-to-verdict path.
 */
function preloadSidebarApp(): Plugin {
  return {
    name: 'baton:preload-sidebar-app',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !/\/sidebar\/index\.html$/.test(ctx.path)) return;
        const app = Object.values(ctx.bundle).find(
          (c) => c.type === 'chunk' && /\/entrypoints\/sidebar\/app\.tsx$/.test(c.facadeModuleId ?? ''),
        );
        if (app?.type !== 'chunk') return;
        const files = new Set<string>();
        const css = new Set<string>();
        const visit = (name: string) => {
          const chunk = ctx.bundle![name];
          if (chunk?.type !== 'chunk' || files.has(name)) return;
          chunk.imports.forEach(visit);
          files.add(name);
          chunk.viteMetadata?.importedCss.forEach((f) => css.add(f));
        };
        visit(app.fileName);
        const listed = (f: string) => html.includes(`/${f}"`);
        return [
          ...[...css]
            .filter((f) => !listed(f))
            .map((f) => ({
              tag: 'link',
              attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${f}` },
              injectTo: 'head' as const,
            })),
          ...[...files]
            .filter((f) => !listed(f))
            .map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  // Parallel work (several builds at once) can point each build at its own folder; tests read the same variable.
  outDir: process.env.BATON_OUT_DIR ?? '.output',
  entrypointsDir: 'entrypoints',
  // Dev mode's auto-launched browser crashes headless machines; tests launch Chromium themselves.
  webExt: { disabled: true },
  vite: () => ({ plugins: [preloadSidebarApp()] }),
  // MV3 on Firefox too, so both builds share one background and permission model.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Baton',
    description: 'Escalation checks and one-click handoff from your support bot to your team.',
    // alarms: a webhook delivery waiting to be retried wakes the worker that went to sleep meanwhile.
    permissions: ['storage', 'alarms'],
    host_permissions: [...HELPDESK_MATCHES, ...API_HOSTS],
    // A custom OpenAI-compatible base URL is asked for when the team lead configures it.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    content_security_policy: {
      // The sidebar is an extension page framed by the agent apps; no other page may frame any of Baton's.
      extension_pages: `script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors ${AGENT_APP_ORIGINS.join(' ')}`,
    },
    // Only the sidebar page, and only to the agent apps, where the content script frames it.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: AGENT_APP_ORIGINS.map((o) => `${o}/*`) }],
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
