import { browser } from 'wxt/browser';
import { checkEscalation } from '@/lib/engine';
import { ConversationSchema } from '@/lib/schema/conversation';
import { engineNeedsKey } from '@/lib/schema/policy';
import { llmOptionsFor } from './llm-options';
import type { RequestOf, ResponseInput } from '@/lib/schema/messages';
import { policyStore, secretsStore } from '@/utils/storage';

/** One real request to the configured model, whose verdict must pass Baton's checks. */
export async function testEngine(): Promise<ResponseInput<'testEngine'>> {
  const [{ policy }, secrets] = await Promise.all([policyStore.read(), secretsStore.read()]);
  const apiKey = secrets.value.openaiApiKey ?? '';
  if (!apiKey && engineNeedsKey(policy.engine.baseURL)) throw new Error('Add an API key first.');
  const sample = ConversationSchema.parse({
    id: 'test',
    messages: [{ role: 'customer', text: 'I would like to talk to a person, please.' }],
  });
  const v = await checkEscalation(sample, policy, {
    engine: 'openai',
    openai: llmOptionsFor(policy, apiKey),
  });
  if (v.fallback) throw new Error(v.fallback);
  return { engine: v.engine, status: v.status };
}

/** Opens Options, at one section when asked (a new tab: openOptionsPage cannot carry a #section). */
export async function openOptions(req: RequestOf<'openOptions'>): Promise<true> {
  if (req.section) await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${req.section}`) });
  else await browser.runtime.openOptionsPage();
  return true;
}
