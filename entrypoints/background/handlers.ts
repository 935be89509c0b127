import { browser } from 'wxt/browser';
import { checkEscalation, createVerdictCache } from '../../lib/engine';
import { buildPlan, newJournal } from '../../lib/executor/plan';
import { resumeBot, runJournal } from '../../lib/executor/run';
import { chooseRoute } from '../../lib/routing/handover';
import { KEYS } from '../../lib/config/keys';
import { ConversationSchema, type Conversation, type ConversationRef } from '../../lib/schema/conversation';
import type { BatonRequest, CheckResult } from '../../lib/schema/messages';
import { journalKey, type Journal } from '../../lib/schema/plan';
import { journalStore, readConnections, readPolicy, readSecrets, writeConnections } from '../../utils/settings';
import { metaFor } from '../../lib/platforms/metas';
import { ConnectionsSchema } from '../../lib/schema/connections';
import type { Platform } from '../../lib/schema/conversation';
import { contextFor } from './context';
import { recordEscalation } from './insights';

const verdictCache = createVerdictCache();
/** Last conversation read per journal key, so the click does not read it again. */
const lastRead = new Map<string, Conversation>();
const lastVerdict = new Map<string, { signals: string[]; subAgent?: string }>();

const keyOf = (ref: ConversationRef) => journalKey(ref.platform, ref.account, ref.conversationId);

export async function handle(req: BatonRequest, tabId: number | undefined): Promise<unknown> {
  switch (req.type) {
    case 'check':
      return check(req, tabId);
    case 'targets': {
      const { policy } = await readPolicy();
      const ref = { platform: req.platform, account: req.account, conversationId: '', idIsGuess: false };
      const { adapter, ctx } = await contextFor(ref, policy, tabId);
      return adapter.listTargets(ctx);
    }
    case 'escalate':
      return escalate(req, tabId);
    case 'retry': {
      const j = await journalStore.get(keyOf(req.ref));
      if (!j) throw new Error('There is nothing to retry for this conversation.');
      const { policy } = await readPolicy();
      const { adapter, ctx } = await contextFor(req.ref, policy, tabId);
      return runJournal(j, adapter, ctx, journalStore);
    }
    case 'resume': {
      const j = await journalStore.get(keyOf(req.ref));
      if (!j) throw new Error('Baton has not escalated this conversation, so there is no pause to undo.');
      if (!j.plan.pause) throw new Error('The bot was not paused for this conversation.');
      const { policy } = await readPolicy();
      const { adapter, ctx } = await contextFor(req.ref, policy, tabId);
      return resumeBot(j, adapter, ctx, journalStore);
    }
    case 'journal':
      return journalStore.get(keyOf(req.ref));
    case 'testConnection': {
      const { policy } = await readPolicy();
      const ref = { platform: req.platform, account: req.account, conversationId: '', idIsGuess: false };
      const { adapter, ctx } = await contextFor(ref, policy, tabId);
      return adapter.whoAmI(ctx);
    }
    case 'setConnectionField':
      return setConnectionField(req.platform, req.key, req.value);
    case 'testEngine':
      return testEngine();
    case 'openOptions':
      await browser.runtime.openOptionsPage();
      return true;
  }
}

async function check(req: Extract<BatonRequest, { type: 'check' }>, tabId: number | undefined): Promise<CheckResult> {
  const [{ policy }, secrets, journal] = await Promise.all([readPolicy(), readSecrets(), journalStore.get(keyOf(req.ref))]);
  const { adapter, ctx } = await contextFor(req.ref, policy, tabId);
  let conversation: Conversation;
  let apiProblem: string | undefined;
  try {
    conversation = await adapter.read(ctx);
  } catch (e) {
    if (!req.domMessages?.length) throw e;
    apiProblem = `${(e as Error).message} Showing what Baton could read from the page instead.`;
    conversation = ConversationSchema.parse({ ref: req.ref, id: req.ref.conversationId, messages: req.domMessages, source: 'dom' });
  }
  lastRead.set(keyOf(req.ref), conversation);
  const verdict = await checkEscalation(conversation, policy, {
    engine: policy.engine.kind,
    openai: secrets.openaiApiKey
      ? { apiKey: secrets.openaiApiKey, baseURL: policy.engine.baseURL, model: policy.engine.model }
      : undefined,
    cache: req.force ? undefined : verdictCache,
  });
  lastVerdict.set(keyOf(req.ref), { signals: verdict.signals.map((s) => s.kind), subAgent: verdict.subAgent });
  const route = chooseRoute(verdict, policy, req.ref.platform);
  // The options page previews the summary schema on the last conversation opened (not awaited: the
  // verdict should not wait for it).
  void browser.storage.local.set({ [KEYS.lastConversation]: { platform: req.ref.platform, messages: conversation.messages } });
  return {
    conversation,
    verdict,
    route: { target: route.target, reason: route.reason },
    apiProblem,
    checkedAt: new Date().toISOString(),
    journal,
  };
}

async function escalate(req: Extract<BatonRequest, { type: 'escalate' }>, tabId: number | undefined): Promise<Journal> {
  const { policy } = await readPolicy();
  const { adapter, ctx } = await contextFor(req.ref, policy, tabId);
  const key = keyOf(req.ref);
  const existing = await journalStore.get(key);
  // An escalation already on record (finished or half-way) is continued, never started again, until the
  // conversation has been returned to the bot.
  if (existing && !existing.resumedAt) return runJournal(existing, adapter, ctx, journalStore);
  const conversation = lastRead.get(key) ?? (await adapter.read(ctx));
  const journal = newJournal(buildPlan(req.ref, conversation, req.draft, policy));
  await journalStore.put(journal);
  const last = lastVerdict.get(key);
  await recordEscalation(journal, last?.signals ?? [], last?.subAgent, req.clickedBy);
  return runJournal(journal, adapter, ctx, journalStore);
}

/**
 * Only settings that belong to the agent (marked perAgent in the platform's meta) can be given from the
 * sidebar; team settings and secrets stay on the options page.
 */
async function setConnectionField(platform: Platform, key: string, raw: string): Promise<true> {
  const field = metaFor(platform).connectionFields.find((f) => f.key === key && f.perAgent);
  if (!field) throw new Error('That setting can only be changed on the options page.');
  const value = field.normalize ? field.normalize(raw) : raw.trim();
  const problem = value ? field.problem?.(value) : `Enter ${field.label.toLowerCase()}.`;
  if (problem) throw new Error(problem);
  const connections = await readConnections();
  const next = ConnectionsSchema.safeParse({ ...connections, [platform]: { ...connections[platform], [key]: value } });
  if (!next.success) throw new Error(`${field.label} was not saved: ${next.error.issues[0]?.message ?? 'invalid value'}.`);
  await writeConnections(next.data);
  return true;
}

async function testEngine(): Promise<unknown> {
  const { policy } = await readPolicy();
  const secrets = await readSecrets();
  if (!secrets.openaiApiKey) throw new Error('Add an API key first.');
  const sample = ConversationSchema.parse({
    id: 'test',
    messages: [{ role: 'customer', text: 'I would like to talk to a person, please.' }],
  });
  const v = await checkEscalation(sample, policy, {
    engine: 'openai',
    openai: { apiKey: secrets.openaiApiKey, baseURL: policy.engine.baseURL, model: policy.engine.model },
  });
  if (v.fallback) throw new Error(v.fallback);
  return { engine: v.engine, status: v.status };
}
