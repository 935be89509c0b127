import { browser } from 'wxt/browser';
import { runSetupCheck } from '@/lib/setup/run';
import type { RequestOf, ResponseInput } from '@/lib/schema/messages';
import { WELCOME_HASH } from '@/lib/schema/setup';
import { policyStore } from '@/utils/storage';
import { contextFor } from './context';

/** Check setup for one helpdesk account, on the open conversation when the sidebar asks. */
export async function checkSetup(req: RequestOf<'checkSetup'>, tabId: number | undefined): Promise<ResponseInput<'checkSetup'>> {
  const { policy } = await policyStore.read();
  const ref = { platform: req.platform, account: req.account, conversationId: req.conversationId ?? '', idIsGuess: false };
  const { adapter, ctx } = await contextFor(ref, policy, tabId);
  return runSetupCheck(adapter, ctx, req.account);
}

/**
 * Adds the author of a message to this platform's bot identity, so the bot's messages are read as the
 * bot's from now on. An administrator's managed bot identity is never overridden from a sidebar.
 */
export async function markBot(req: RequestOf<'markBot'>): Promise<ResponseInput<'markBot'>> {
  const { policy, managed } = await policyStore.read();
  if (managed.includes('botIdentity')) throw new Error("Your administrator manages the bot's identity; ask them to add this author.");
  const current = policy.botIdentity[req.platform];
  const add = (list: string[], value: string | undefined) =>
    value && !list.some((x) => x.toLowerCase() === value.toLowerCase()) ? [...list, value] : list;
  const next = {
    ids: add(current.ids, req.author.id),
    names: add(current.names, req.author.id || req.author.email ? undefined : req.author.name),
    emails: add(current.emails, req.author.email),
  };
  await policyStore.write({ ...policy, botIdentity: { ...policy.botIdentity, [req.platform]: next } });
  return next;
}

export const setupHandlers = { checkSetup, markBot };

/** A fresh install opens Options on the first-run guide; updates and browser restarts do not. */
export function installFirstRun(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${WELCOME_HASH}`) });
  });
}
