// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PolicySchema } from '@/lib/schema/policy';
import { secretsStore } from '@/utils/storage';
import { storedSecrets } from '@/test/fixtures/secrets';
import { $, byTestId, choose, click, flush, mount, resetAll, stored, stubBackground, type, unmount, waitFor } from './helpers';

const SAVED = PolicySchema.parse({
  version: 3,
  scope: 'Online store: orders, returns, billing',
  subAgents: [
    { name: 'returns', description: 'Returns and refunds', tags: ['returns'] },
    { name: 'billing', description: 'Charges and invoices' },
  ],
});

const field = (path: string) => byTestId<HTMLInputElement>(`field-${path}`);
const errorOf = (path: string) => $(`#f-${path.replace(/\./g, '-')}-error`).textContent ?? '';

beforeEach(async () => {
  await resetAll();
  await fakeBrowser.storage.sync.set({ 'baton:policy': SAVED });
});
afterEach(unmount);

describe('summary schema', () => {
  it('shows invalid JSON at the field as it is typed, and clears once fixed', async () => {
    await mount();
    const box = field('policy.summarySchema');
    await type(box, '{"order_number": ');
    expect(errorOf('policy.summarySchema')).toMatch(/not valid JSON/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain('f-policy-summarySchema-error');

    await type(box, '{"order_number": 5}');
    expect(errorOf('policy.summarySchema')).toMatch(/"order_number" needs its description as text/);

    await type(box, '{"order_number": "the order number the customer mentions"}');
    expect(errorOf('policy.summarySchema')).toBe('');
    expect(box.hasAttribute('aria-invalid')).toBe(false);
  });

  it('previews the summary and note the engine would write for the sample', async () => {
    await mount();
    await type(field('policy.summarySchema'), '{"order_number": "the order number the customer mentions"}');
    const preview = byTestId('summary-preview');
    expect(preview.dataset.state).toBe('ready');
    expect($('[data-field="order_number"] dd').textContent).toContain('10023');
    expect(byTestId('note-preview').textContent).toMatch(/Escalation/);
  });

  it('runs the preview on the last conversation opened when there is one', async () => {
    await fakeBrowser.storage.local.set({
      'baton:lastConversation': {
        platform: 'zendesk',
        messages: [{ role: 'customer', text: 'Please get me a human, order 99881 never came' }],
      },
    });
    await mount();
    expect(byTestId<HTMLSelectElement>('preview-sample').value).toBe('last');
    expect($('[data-field="customer_details"] dd').textContent).toContain('99881');
  });

  it('never renders customer text as markup', async () => {
    await fakeBrowser.storage.local.set({
      'baton:lastConversation': {
        platform: 'zendesk',
        messages: [{ role: 'customer', text: 'I want a human <img src=x onerror="window.__xss=1"> now' }],
      },
    });
    await mount();
    expect(document.querySelector('img')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
    // The transcript shows the customer's text as written: as text.
    expect($('.transcript li').textContent).toContain('<img src=x onerror=');
  });
});

describe('saving', () => {
  it('refuses to save an invalid form, lists the problems and leaves storage alone', async () => {
    await mount();
    await type(field('policy.subAgents.0.name'), '');
    await click(byTestId('save'));
    expect(byTestId('save-status').textContent).toMatch(/Not saved/);
    expect(byTestId('error-summary').textContent).toMatch(/Sub agent 1 › Name/);
    expect(errorOf('policy.subAgents.0.name')).toMatch(/Give the sub agent a name/);
    expect(await stored('sync', 'baton:policy')).toEqual(SAVED);
  });

  it('saves edits and says so', async () => {
    await mount();
    await type(field('policy.tags.escalation'), 'sys_escalation, vip');
    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    expect(byTestId('save-status').textContent).toMatch(/Saved at/);
    const policy = (await stored('sync', 'baton:policy')) as typeof SAVED;
    expect(policy.tags.escalation).toEqual(['sys_escalation', 'vip']);
  });

  it('flags a tag with a space at its field, naming the tag', async () => {
    await mount();
    await type(field('policy.tags.escalation'), 'sys_escalation, needs human');
    expect(errorOf('policy.tags.escalation')).toBe('"needs human": Tag names cannot contain spaces or commas');
  });

  it('asks for the host permission of a custom OpenAI base URL when saving, and does not save without it', async () => {
    const requests: unknown[] = [];
    let answer = false;
    (fakeBrowser.permissions as { request: unknown }).request = async (p: unknown) => {
      requests.push(p);
      return answer;
    };
    await mount();
    await click(byTestId('engine-openai'));
    await type(field('policy.engine.baseURL'), 'https://llm.example.com/v1');
    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'failed');
    expect(requests).toEqual([{ origins: ['https://llm.example.com/*'] }]);
    expect(errorOf('policy.engine.baseURL')).toMatch(/permission to reach llm\.example\.com/);
    expect(((await stored('sync', 'baton:policy')) as typeof SAVED).engine.kind).toBe('offline');

    answer = true;
    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    expect(((await stored('sync', 'baton:policy')) as typeof SAVED).engine).toMatchObject({
      kind: 'openai',
      baseURL: 'https://llm.example.com/v1',
    });
  });
});

describe('handover rules', () => {
  it('adds a rule (returns → a Gorgias team from the live list) and saves it', async () => {
    // Saved by an older Baton: the account names under their own key, beside connections without them.
    await fakeBrowser.storage.sync.set({ 'baton:accounts': { zendesk: '', gorgias: 'acme' }, 'baton:connections': {} });
    const team = { platform: 'gorgias', kind: 'team', id: '7', name: 'Returns team' };
    const send = stubBackground({
      targets: () => ({ ok: true, data: [team, { platform: 'gorgias', kind: 'view', id: '3', name: 'Unmatchable view' }] }),
    });
    await mount();
    await waitFor(() => byTestId('targets-gorgias').dataset.state === 'ready');
    expect(send).toHaveBeenCalledWith({ type: 'targets', platform: 'gorgias', account: 'acme', refresh: false });

    await click(byTestId('add-rule'));
    const rule = byTestId('rule-0');
    await click(rule.querySelector('[data-testid="rule-0-subagent-returns"]')!);
    await choose(field('policy.routing.rules.0.platform'), 'gorgias');
    const target = field('policy.routing.rules.0.target') as unknown as HTMLSelectElement;
    expect([...target.options].find((o) => o.value === 'view:3')?.disabled).toBe(true);
    await choose(target, 'team:7');
    await choose(byTestId('preview-platform'), 'gorgias');
    // The sample is a returns conversation in Gorgias, so the page shows it would hit the new rule.
    expect(byTestId('route-preview').textContent).toMatch(/Handover rule 1 → Returns team/);
    expect(byTestId('rule-0-hit')).toBeTruthy();

    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    const policy = (await stored('sync', 'baton:policy')) as typeof SAVED;
    expect(policy.routing.rules).toEqual([{ subAgents: ['returns'], when: {}, target: team }]);
  });

  it('a rule without a target or sub agent cannot be saved, with the error at each field', async () => {
    await mount();
    await click(byTestId('add-rule'));
    await click(byTestId('save'));
    expect(errorOf('policy.routing.rules.0.target')).toMatch(/Pick where this rule sends conversations/);
    expect(errorOf('policy.routing.rules.0.subAgents')).toMatch(/Pick at least one sub agent/);
    expect(((await stored('sync', 'baton:policy')) as typeof SAVED).routing.rules).toEqual([]);
  });

  it('renaming a sub agent carries its rules along', async () => {
    await fakeBrowser.storage.sync.set({
      'baton:policy': {
        ...SAVED,
        routing: {
          defaultTargets: {},
          rules: [{ subAgents: ['returns'], when: {}, target: { platform: 'zendesk', kind: 'group', id: '1', name: 'Returns' } }],
        },
      },
    });
    await mount();
    await type(field('policy.subAgents.0.name'), 'returns_and_exchanges');
    expect(byTestId<HTMLInputElement>('rule-0-subagent-returns_and_exchanges').checked).toBe(true);
  });
});

describe('connections', () => {
  it('Test connection shows who Baton acts as, or the plain error', async () => {
    let reply: { ok: true; data: unknown } | { ok: false; error: string } = {
      ok: true,
      data: { id: '9', name: 'Ada Agent', email: 'ada@acme.example' },
    };
    const send = stubBackground({ testConnection: () => reply, targets: () => ({ ok: true, data: [] }) });
    await mount();
    await type(field('connections.gorgias.account'), 'https://acme.gorgias.com/app');
    await click(byTestId('test-connection-gorgias'));
    await waitFor(() => byTestId('connection-result-gorgias').dataset.state === 'ok');
    expect(byTestId('connection-result-gorgias').textContent).toContain('Connected. Baton acts as Ada Agent (ada@acme.example).');
    expect(send).toHaveBeenCalledWith({ type: 'testConnection', platform: 'gorgias', account: 'acme' });
    // Testing saved the account inside the connections so it is there next time; the old separate key is not written.
    expect(((await stored('sync', 'baton:connections')) as { gorgias: { account: string } }).gorgias.account).toBe('acme');
    expect(await stored('sync', 'baton:accounts')).toBeUndefined();

    reply = { ok: false, error: 'Gorgias did not accept the credentials (401). Check the email and API key in Options.' };
    await click(byTestId('test-connection-gorgias'));
    await waitFor(() => byTestId('connection-result-gorgias').dataset.state === 'error');
    expect(byTestId('connection-result-gorgias').textContent).toContain('Gorgias did not accept the credentials (401).');
  });

  it('testing one helpdesk never clears a key that was saved before', async () => {
    await secretsStore.write({ gorgiasApiKey: 'saved-key', frontToken: 'front' });
    await fakeBrowser.storage.sync.set({ 'baton:connections': { gorgias: { authMode: 'token', email: 'agent@acme.example' } } });
    stubBackground({ testConnection: () => ({ ok: true, data: { id: '1', name: 'Agent' } }), targets: () => ({ ok: true, data: [] }) });
    await mount();
    await type(field('connections.gorgias.account'), 'acme');
    await click(byTestId('test-connection-gorgias'));
    await waitFor(() => byTestId('connection-result-gorgias').dataset.state === 'ok');
    expect(await storedSecrets()).toEqual({ gorgiasApiKey: 'saved-key', frontToken: 'front' });
    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    expect(await storedSecrets()).toEqual({ gorgiasApiKey: 'saved-key', frontToken: 'front' });
  });

  it('never shows a saved token again, and keeps it out of drafts and exports', async () => {
    const token = 'front-secret-token-123';
    await mount();
    await type(byTestId('secret-input-frontToken'), token);
    await type(field('policy.scope'), 'Edited scope'); // makes a draft
    await flush(300);
    expect(JSON.stringify(await stored('local', 'baton:optionsDraft'))).not.toContain(token);

    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    expect(((await storedSecrets()) as Record<string, string>).frontToken).toBe(token);
    expect(byTestId('secret-state-frontToken').textContent).toMatch(/saved/);
    const values = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value);
    expect(values.join('\n')).not.toContain(token);
    expect(document.body.innerHTML).not.toContain(token);

    let exported = '';
    const origCreate = URL.createObjectURL;
    URL.createObjectURL = ((b: Blob) => {
      void b.text().then((t) => (exported = t));
      return 'blob:test';
    }) as typeof URL.createObjectURL;
    try {
      await click(byTestId('export'));
      await waitFor(() => exported);
    } finally {
      URL.createObjectURL = origCreate;
    }
    expect(JSON.parse(exported).scope).toBe('Edited scope');
    expect(exported).not.toContain(token);

    // A fresh page knows only that a token is saved.
    await unmount();
    await mount();
    expect(byTestId('secret-state-frontToken').textContent).toMatch(/saved/);
    expect(document.body.innerHTML).not.toContain(token);
  });

  it('Replace then Save without typing keeps the saved token', async () => {
    await secretsStore.write({ frontToken: 'keep-me' });
    await mount();
    await click(byTestId('secret-replace-frontToken'));
    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    expect(await storedSecrets()).toEqual({ frontToken: 'keep-me' });
  });
});

describe('import', () => {
  it('an invalid file names each field, and changes nothing', async () => {
    await mount();
    const bad = {
      version: 3,
      scope: 'Should not land',
      routing: { rules: [{ subAgents: [], target: { platform: 'gorgias', kind: 'team', id: '7', name: 'X' } }] },
      tags: { escalation: ['has space'] },
    };
    await type(byTestId('import-text'), JSON.stringify(bad));
    await click(byTestId('import-button'));
    await waitFor(() => byTestId('import-result').dataset.state === 'error');
    const issues = [...document.querySelectorAll<HTMLElement>('[data-testid="import-issue"]')];
    expect(issues.map((i) => i.dataset.path)).toEqual(expect.arrayContaining(['routing.rules.0.subAgents', 'tags.escalation.0']));
    expect(issues.find((i) => i.dataset.path === 'routing.rules.0.subAgents')!.textContent).toMatch(
      /Handover rule 1 › Sub agents.*Pick at least one sub agent/,
    );
    expect(await stored('sync', 'baton:policy')).toEqual(SAVED);
    expect(field('policy.scope').value).toBe(SAVED.scope);
  });

  it("a plain-http model address is refused at its field with the policy's own sentence, and nothing is saved", async () => {
    await mount();
    await type(
      byTestId('import-text'),
      JSON.stringify({ ...SAVED, engine: { kind: 'openai', model: 'gpt-4o-mini', baseURL: 'http://attacker.example/v1' } }),
    );
    await click(byTestId('import-button'));
    await waitFor(() => byTestId('import-result').dataset.state === 'error');
    const issues = [...document.querySelectorAll<HTMLElement>('[data-testid="import-issue"]')];
    expect(issues.map((i) => i.dataset.path)).toEqual(['engine.baseURL']);
    expect(issues[0].textContent).toMatch(/Use an https:\/\/ address \(plain http works only for this machine or a private-network host\)/);
    expect(await stored('sync', 'baton:policy')).toEqual(SAVED);
  });

  it('JSON that does not parse is rejected plainly', async () => {
    await mount();
    await type(byTestId('import-text'), '{"version": 2,');
    await click(byTestId('import-button'));
    await waitFor(() => byTestId('import-result').dataset.state === 'error');
    expect(byTestId('import-result').textContent).toMatch(/not valid JSON/);
    expect(await stored('sync', 'baton:policy')).toEqual(SAVED);
  });

  it('a valid file is saved at once, and an old version is upgraded', async () => {
    await mount();
    await type(
      byTestId('import-text'),
      JSON.stringify({ version: 1, scope: 'Imported v1 scope', escalationTag: 'old_tag', instruction: 'Only escalate payment issues' }),
    );
    await click(byTestId('import-button'));
    await waitFor(() => byTestId('import-result').dataset.state === 'ok');
    expect(byTestId('import-result').textContent).toMatch(/Imported and saved\. It was upgraded from policy version 1/);
    const policy = (await stored('sync', 'baton:policy')) as typeof SAVED;
    expect(policy).toMatchObject({
      version: 3,
      scope: 'Imported v1 scope',
      customInstruction: 'Only escalate payment issues',
      tags: { escalation: ['old_tag'] },
    });
    expect(field('policy.scope').value).toBe('Imported v1 scope');
    expect(byTestId('save-status').textContent).toMatch(/All changes saved/);
  });
});

describe('loading', () => {
  it('an older v1 saved policy loads migrated, and says so', async () => {
    await fakeBrowser.storage.sync.set({
      'baton:policy': {
        version: 1,
        scope: 'Old scope',
        subAgents: [{ name: 'returns', tags: ['returns'] }],
        instruction: 'Never escalate shipping questions',
        escalationTag: 'escalate_v1',
        summaryFields: { order_number: 'the order number' },
        rules: [{ subAgent: 'returns', target: { platform: 'gorgias', kind: 'team', id: '7', name: 'Returns team' } }],
        pauseBot: false,
      },
    });
    await mount();
    expect(byTestId('notice-migrated').textContent).toMatch(/policy version 1\) and were upgraded to version 3/);
    expect(field('policy.customInstruction').value).toBe('Never escalate shipping questions');
    expect(field('policy.tags.escalation').value).toBe('escalate_v1');
    expect(JSON.parse(field('policy.summarySchema').value)).toEqual({ order_number: 'the order number' });
    expect(byTestId<HTMLInputElement>('field-policy.suspend.enabled').checked).toBe(false);
    expect(byTestId<HTMLInputElement>('rule-0-subagent-returns').checked).toBe(true);
    expect(((await stored('sync', 'baton:policy')) as { version: number }).version).toBe(3);
  });

  it('restores unsaved changes after the page was closed', async () => {
    await mount();
    await type(field('policy.scope'), 'Half-finished scope');
    await flush(300);
    await unmount();
    await mount();
    // The page's state outlives the unmount, so mount() alone does not wait for the second load.
    await waitFor(() => document.querySelector('[data-testid="notice-draft"]'));
    expect(field('policy.scope').value).toBe('Half-finished scope');
    expect(byTestId('notice-draft').textContent).toMatch(/Restored your unsaved changes/);
    expect(byTestId('save-status').textContent).toMatch(/unsaved changes/);
  });

  it('warns before leaving with unsaved changes', async () => {
    await mount();
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    await type(field('policy.scope'), 'Changed');
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });
});

describe('changes made elsewhere', () => {
  it('a clean page follows them; a page with edits keeps its edits and says so', async () => {
    await mount();
    await fakeBrowser.storage.sync.set({ 'baton:policy': { ...SAVED, scope: 'Changed in another window' } });
    await waitFor(() => field('policy.scope').value === 'Changed in another window');

    await type(field('policy.customerMessage.messages.en.wait'), 'within a day');
    await fakeBrowser.storage.sync.set({ 'baton:policy': { ...SAVED, scope: 'Changed again' } });
    await waitFor(() => byTestId('notice-changed'));
    expect(field('policy.customerMessage.messages.en.wait').value).toBe('within a day');
  });

  it('saving does not report its own write as a change from elsewhere', async () => {
    await mount();
    await type(field('policy.scope'), 'Mine');
    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    await flush(50);
    expect(document.querySelector('[data-testid="notice-changed"]')).toBeNull();
  });
});

describe('managed policy', () => {
  it('fields the administrator set are locked and say so', async () => {
    await fakeBrowser.storage.managed.set({
      policy: {
        routing: { defaultTargets: {}, rules: [] },
        engine: { kind: 'offline', model: 'gpt-4o-mini', baseURL: 'https://api.openai.com/v1' },
      },
    });
    await mount();
    expect(byTestId('notice-managed')).toBeTruthy();
    expect(byTestId('managed-note-routing').textContent).toMatch(/Set by your administrator/);
    expect(byTestId('add-rule').matches(':disabled')).toBe(true);
    expect(field('policy.routing.defaultTargets.gorgias').matches(':disabled')).toBe(true);
    expect(byTestId('engine-openai').matches(':disabled')).toBe(true);
    expect(byTestId('managed-fields').textContent).toMatch(/Routing/);
    // Everything else stays editable.
    expect(field('policy.scope').matches(':disabled')).toBe(false);
  });
});
