import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '@/entrypoints/background/dispatch';
import { handlers } from '@/entrypoints/background/handlers/index';
import { policyStore } from '@/utils/storage';
import { contentScript } from '@/test/fixtures/senders';

const markBot = (author: Record<string, string>) =>
  dispatch({ type: 'markBot', platform: 'gorgias', author }, contentScript('https://acme.gorgias.com/app/ticket/5001'), handlers, () => {});

describe('"This author is the bot" from the sidebar', () => {
  beforeEach(() => fakeBrowser.reset());

  it("adds the author's id and email to that platform's bot identity once, and the policy keeps it", async () => {
    expect(await markBot({ id: '103', name: 'Aissist', email: 'bot@acme.example' })).toMatchObject({ ok: true });
    expect(await markBot({ id: '103', name: 'Aissist' })).toMatchObject({ ok: true });
    const { policy } = await policyStore.read();
    expect(policy.botIdentity.gorgias).toEqual({ ids: ['103'], names: [], emails: ['bot@acme.example'] });
    expect(policy.botIdentity.zendesk.ids).toEqual([]);
  });

  it('an author known only by name is added by name', async () => {
    await markBot({ name: 'Returns Bot' });
    expect((await policyStore.read()).policy.botIdentity.gorgias.names).toEqual(['Returns Bot']);
  });

  it("never overrides an administrator's managed bot identity", async () => {
    await fakeBrowser.storage.managed.set({ policy: { botIdentity: { gorgias: { ids: ['9'], names: [], emails: [] } } } });
    const res = await markBot({ id: '103' });
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/administrator manages the bot's identity/) });
    expect((await policyStore.read()).policy.botIdentity.gorgias.ids).toEqual(['9']);
  });
});
