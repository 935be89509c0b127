// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PolicySchema } from '@/lib/schema/policy';
import { $, byTestId, click, mount, resetAll, stored, type, unmount, waitFor } from './helpers';

const SAVED = PolicySchema.parse({ version: 3, scope: 'Online store: orders, returns, billing' });
const field = (path: string) => byTestId<HTMLInputElement>(`field-${path}`);
const errorOf = (path: string) => $(`#f-${path.replace(/\./g, '-')}-error`).textContent ?? '';
const warning = () => document.querySelector('[data-testid="base-url-warning"]')?.textContent ?? null;

beforeEach(async () => {
  await resetAll();
  await fakeBrowser.storage.sync.set({ 'baton:policy': SAVED });
  const requests: unknown[] = [];
  (fakeBrowser.permissions as { request: unknown }).request = async (p: unknown) => (requests.push(p), true);
});
afterEach(unmount);

describe('engine settings for servers teams run', () => {
  it('accepts plain http to a LAN model server with a warning, and saves it with its timeout', async () => {
    await mount();
    await click(byTestId('engine-openai'));
    await type(field('policy.engine.baseURL'), 'http://192.168.1.20:11434/v1');
    expect(errorOf('policy.engine.baseURL')).toBe('');
    expect(warning()).toMatch(/Plain http to 192\.168\.1\.20:11434: conversations .* unencrypted/);
    expect(document.body.textContent).toMatch(/API key \(optional for a local server\)/);
    await type(field('policy.engine.timeoutSeconds'), '90');
    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    expect(((await stored('sync', 'baton:policy')) as typeof SAVED).engine).toEqual({
      kind: 'openai',
      model: 'gpt-4o-mini',
      baseURL: 'http://192.168.1.20:11434/v1',
      timeoutSeconds: 90,
    });
  });

  it('refuses plain http to a public host at the field, and warns about nothing on this machine', async () => {
    await mount();
    await click(byTestId('engine-openai'));
    await type(field('policy.engine.baseURL'), 'http://llm.attacker.example/v1');
    expect(errorOf('policy.engine.baseURL')).toMatch(/Use an https:\/\/ address/);
    expect(warning()).toBeNull();
    await type(field('policy.engine.baseURL'), 'http://localhost:11434/v1');
    expect(errorOf('policy.engine.baseURL')).toBe('');
    expect(warning()).toBeNull();
    expect(document.body.textContent).toMatch(/OpenAI API key|API key \(optional/);
  });

  it('names a timeout out of range at its field', async () => {
    await mount();
    await click(byTestId('engine-openai'));
    await type(field('policy.engine.timeoutSeconds'), '2');
    expect(errorOf('policy.engine.timeoutSeconds')).toMatch(/At least 5 seconds/);
    await type(field('policy.engine.timeoutSeconds'), '');
    expect(errorOf('policy.engine.timeoutSeconds')).toBe('');
  });
});
