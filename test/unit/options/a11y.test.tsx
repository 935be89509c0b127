// @vitest-environment jsdom
import { secretsStore } from '@/utils/storage';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PolicySchema } from '@/lib/schema/policy';
import { byTestId, click, mount, resetAll, stubBackground, type, unmount, waitFor } from './helpers';

/** jsdom has no layout, so colour contrast is left to the end-to-end check in real Chromium. */
async function violations() {
  const res = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
  // Guards against a vacuous pass: the label and landmark rules really looked at this page.
  expect(res.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['label', 'region', 'aria-valid-attr-value']));
  return res.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const gorgiasTeam = { platform: 'gorgias', kind: 'team', id: '7', name: 'Returns team' };

beforeEach(async () => {
  await resetAll();
  document.documentElement.lang = 'en';
  document.title = 'Baton options';
  await fakeBrowser.storage.sync.set({
    'baton:policy': PolicySchema.parse({
      version: 3,
      subAgents: [{ name: 'returns' }, { name: 'billing' }],
      routing: { defaultTargets: {}, rules: [{ subAgents: ['returns'], when: {}, target: gorgiasTeam }] },
    }),
    'baton:connections': { gorgias: { account: 'acme' } },
  });
  stubBackground({
    targets: () => ({ ok: true, data: [gorgiasTeam] }),
    testConnection: () => ({ ok: false, error: 'Gorgias did not accept the credentials (401).' }),
  });
});
afterEach(unmount);

describe('accessibility (axe-core)', () => {
  it('the page as loaded has no violations', async () => {
    await mount();
    await waitFor(() => byTestId('targets-gorgias').dataset.state === 'ready');
    expect(await violations()).toEqual([]);
  });

  it('with errors showing, secrets in every state, the OpenAI engine and a managed field', async () => {
    await secretsStore.write({ frontToken: 'x' });
    await fakeBrowser.storage.managed.set({ policy: { scope: 'Managed scope' } });
    await mount();
    await click(byTestId('auth-zendesk-token'));
    await click(byTestId('engine-openai'));
    await click(byTestId('add-rule'));
    await click(byTestId('add-sub-agent'));
    await type(byTestId('field-policy.summarySchema'), '{"a":');
    await click(byTestId('test-connection-gorgias'));
    await click(byTestId('save'));
    await waitFor(() => byTestId('error-summary'));
    expect(await violations()).toEqual([]);
  });

  it('every form control has a label', async () => {
    await mount();
    const unlabeled = [...document.querySelectorAll('input, select, textarea')].filter(
      (el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label'),
    );
    expect(unlabeled.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
  });
});
