import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR } from './harness';
import { AGENT_APP_HOSTS, AGENT_APP_MATCHES, API_HOST_MATCHES } from '@/lib/platforms/metas';

const manifest = (dir: string) => JSON.parse(readFileSync(join(OUTPUT_DIR, dir, 'manifest.json'), 'utf8'));

describe('built manifests', () => {
  it('Chrome MV3: content scripts on the three helpdesks, an options page, a service worker, only the permissions used', () => {
    const m = manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    // Agent-app pages only: help centres and other pages on the same hosts never run Baton (review #12).
    expect(m.content_scripts[0].matches.sort()).toEqual([
      'https://*.gorgias.com/app/*',
      'https://*.zendesk.com/agent/*',
      'https://app.frontapp.com/*',
    ]);
    expect(m.options_ui?.page ?? m.options_page).toBe('options.html');
    expect(m.background.service_worker).toBe('background.js');
    expect(m.permissions).toEqual(['storage', 'alarms']);
    // Webhook addresses (and a custom model host) are asked for when the team lead configures them.
    // Plain http only on request, for a local or private-network model server the policy schema accepts.
    expect([...m.optional_host_permissions].sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(m.host_permissions.every((h: string) => /zendesk\.com|gorgias\.com|frontapp\.com|api\.openai\.com/.test(h))).toBe(true);
    // Both lists come from the platform registry: a platform added there is matched and permitted here.
    expect([...m.content_scripts[0].matches].sort()).toEqual([...AGENT_APP_MATCHES].sort());
    expect([...m.host_permissions].sort()).toEqual([...AGENT_APP_HOSTS, ...API_HOST_MATCHES, 'https://api.openai.com/*'].sort());
    expect(Object.keys(m.commands).sort()).toEqual(['escalate', 'toggle-sidebar']);
    expect(m.content_security_policy.extension_pages).toContain("script-src 'self'");
    expect(m.storage.managed_schema).toBe('managed_schema.json');
  });

  it('Firefox MV3 builds with the same content scripts and a gecko id', () => {
    const m = manifest('firefox-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.content_scripts[0].matches).toHaveLength(3);
    expect(m.browser_specific_settings.gecko.id).toBe('baton@baton.dev');
  });
});
