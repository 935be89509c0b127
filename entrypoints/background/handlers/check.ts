import { checkEscalation, checkQuick, createVerdictCache } from '@/lib/engine';
import { customerLanguageOf } from '@/lib/language/detect';
import { promiseIndexes } from '@/lib/followup/promises';
import { chooseRoute } from '@/lib/routing/handover';
import { ConversationSchema, type Conversation } from '@/lib/schema/conversation';
import type { CheckResult, RequestOf } from '@/lib/schema/messages';
import { connectionsItem, journalStorage, policyStore, saveLastConversation, secretsStore } from '@/utils/storage';
import { readFresh } from '@/lib/platforms/fresh';
import { contextFor } from '@/entrypoints/background/context';
import { llmOptionsFor } from './llm-options';
import { guardLoop } from './loop';
import { keyOf, lastRead, lastVerdict } from './memory';

const verdictCache = createVerdictCache();

/** Reads the conversation (the page's messages when the API cannot be read) and runs the escalation check. */
export async function check(req: RequestOf<'check'>, tabId: number | undefined): Promise<CheckResult> {
  // Everything the check reads from storage, read at once rather than one after the other.
  const [{ policy }, secrets, journal, connections] = await Promise.all([
    policyStore.read(),
    secretsStore.read(),
    journalStorage.get(keyOf(req.ref)),
    connectionsItem.get(),
  ]);
  let conversation: Conversation;
  let apiProblem: string | undefined;
  // A refinement judges the conversation the quick check just read and showed, without reading it again.
  const shown = req.refine ? lastRead.get(keyOf(req.ref)) : undefined;
  if (shown) conversation = shown;
  else {
    try {
      // Inside the try: a connection that refuses this account (token mode is bound to the saved one) still
      // leaves the page's own messages to check.
      const { adapter, ctx } = await contextFor(req.ref, policy, tabId, { connections, secrets: secrets.value });
      // A forced check (the agent's ↻, a policy change) and a message the page just showed read everything
      // again; any other check asks the helpdesk "changed since" first.
      const known = req.force || req.newMessage ? undefined : lastRead.get(keyOf(req.ref));
      conversation = (await readFresh(adapter, ctx, known)).conversation;
      // The page may show turns the API did not give (a chat kept elsewhere): the adapter says when it wins.
      const page = req.domMessages?.length ? ConversationSchema.shape.messages.parse(req.domMessages) : null;
      const better = page && conversation.source !== 'dom' ? adapter.preferPage?.(conversation, page) : null;
      if (better) {
        apiProblem = better.why;
        conversation = ConversationSchema.parse({ ...conversation, messages: better.messages, source: 'dom', readFrom: undefined });
      }
    } catch (e) {
      if (!req.domMessages?.length) throw e;
      apiProblem = `${(e as Error).message} Showing what Baton could read from the page instead.`;
      conversation = ConversationSchema.parse({ ref: req.ref, id: req.ref.conversationId, messages: req.domMessages, source: 'dom' });
    }
  }
  lastRead.set(keyOf(req.ref), conversation);
  const options = {
    engine: policy.engine.kind,
    openai: llmOptionsFor(policy, secrets.value.openaiApiKey),
    cache: req.force ? undefined : verdictCache,
  };
  // Offline first: the sidebar shows the offline verdict at once and asks again for the model's.
  const quick = req.refine ? null : checkQuick(conversation, policy, options);
  const verdict = quick ? quick.verdict : await checkEscalation(conversation, policy, options);
  lastVerdict.set(keyOf(req.ref), verdict);
  const route = await guardLoop(chooseRoute(verdict, policy, req.ref.platform), req.ref, conversation, journal, policy, tabId);
  // The options page previews the summary schema on the last conversation opened (not awaited: the
  // verdict should not wait for it), kept only with the team lead's leave to keep customer text. An empty
  // conversation is not worth previewing.
  if (conversation.messages.length) {
    void saveLastConversation(req.ref.platform, conversation.messages, policy.handoffLog.keepCustomerText).catch(() => {});
  }
  return {
    conversation,
    verdict,
    route,
    apiProblem,
    checkedAt: new Date().toISOString(),
    journal,
    promised: promiseIndexes(conversation),
    // Detected here, not in the page, so the detector's language profiles stay out of the content script.
    customerLanguage: customerLanguageOf(conversation.messages).language ?? undefined,
    ...(quick?.refine ? { refining: true } : {}),
  };
}
