import { checkOffline } from '@/lib/engine/offline';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { ZENDESK_LAYOUT } from '@/lib/platforms/zendesk/ops';
import { ConversationSchema } from '@/lib/schema/conversation';
import type { RequestInput, RequestType, ResponseInput } from '@/lib/schema/messages';
import { defaultPolicy } from '@/lib/schema/policy';

export const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '7', idIsGuess: false };
const conversation = ConversationSchema.parse({ id: '7', messages: [{ role: 'customer', text: 'I want to talk to a human please' }] });
const target = { platform: 'zendesk' as const, kind: 'group' as const, id: '2', name: 'Returns team' };
const journal = newJournal(
  buildPlan(
    ref,
    conversation,
    { note: 'Customer wants a human.', tags: ['sys_escalation'], target, routeReason: 'x', suspend: true },
    defaultPolicy(),
  ),
  ZENDESK_LAYOUT,
);
const presence = {
  zendeskToken: false,
  zendeskSwitchboardKeyId: false,
  zendeskSwitchboardSecret: false,
  gorgiasApiKey: true,
  frontToken: false,
  openaiApiKey: false,
};

/** One well-formed request per type, as the sidebar or options page sends it. */
export const REQUESTS: { [T in RequestType]: RequestInput<T> } = {
  check: { type: 'check', ref },
  targets: { type: 'targets', platform: 'zendesk', account: 'acme', refresh: true },
  escalate: { type: 'escalate', ref, draft: { note: 'n', tags: ['sys_escalation'], target, suspend: true } },
  retry: { type: 'retry', ref },
  resume: { type: 'resume', ref, line: 'Refunded order 1042 by hand.' },
  journal: { type: 'journal', ref },
  testConnection: { type: 'testConnection', platform: 'gorgias', account: 'acme' },
  setConnectionField: { type: 'setConnectionField', platform: 'front', key: 'authorId', value: 'tea_1' },
  testEngine: { type: 'testEngine' },
  openOptions: { type: 'openOptions', section: 'suspend' },
  secretPresence: { type: 'secretPresence' },
  saveSecrets: { type: 'saveSecrets', patch: { gorgiasApiKey: 'new-key' } },
  checkSetup: { type: 'checkSetup', platform: 'zendesk', account: 'acme', conversationId: '7' },
  markBot: { type: 'markBot', platform: 'gorgias', author: { id: '103', name: 'Aissist' } },
  testWebhook: { type: 'testWebhook', webhook: { kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/x' } },
  teamInsights: { type: 'teamInsights', days: 30, start: true },
  logEvent: {
    type: 'logEvent',
    event: {
      kind: 'verdict_shown',
      at: new Date(0).toISOString(),
      platform: 'zendesk',
      account: 'acme',
      conversationId: '7',
      status: 'escalate',
      signals: [{ kind: 'user_requested_human', quote: 'talk to a human please' }],
      engine: 'offline',
    },
  },
  measuredWait: { type: 'measuredWait', ref, target: 'Tier 2', at: new Date(0).toISOString() },
  watchList: { type: 'watchList' },
  watchPanel: { type: 'watchPanel', platform: 'zendesk', account: 'acme' },
  watchScan: { type: 'watchScan' },
  watchPreview: { type: 'watchPreview', keys: ['zendesk:acme:7'] },
  watchEscalate: { type: 'watchEscalate', keys: ['zendesk:acme:7'] },
};

const needsItem = {
  key: 'zendesk:acme:7',
  ref,
  needs: [{ kind: 'escalate' as const, signal: 'user_requested_human' as const, label: 'Customer asked for a human' }],
  readAt: new Date(0).toISOString(),
  url: 'https://acme.zendesk.com/agent/tickets/7',
};
const scanReport = {
  platform: 'zendesk' as const,
  account: 'acme',
  at: new Date(0).toISOString(),
  listed: 3,
  read: 1,
  requests: 4,
  waitedMs: 0,
};

/** A well-formed answer per type. */
export const VALID: { [T in RequestType]: ResponseInput<T> } = {
  check: {
    conversation,
    verdict: checkOffline(conversation, defaultPolicy()),
    route: { target, reason: 'default target' },
    checkedAt: new Date(0).toISOString(),
    journal: null,
  },
  targets: [target],
  escalate: journal,
  retry: journal,
  resume: journal,
  journal: null,
  testConnection: { id: '9', name: 'Ada Agent', email: 'ada@acme.example' },
  setConnectionField: true,
  testEngine: { engine: 'openai', status: 'escalate' },
  openOptions: true,
  secretPresence: presence,
  saveSecrets: presence,
  checkSetup: {
    platform: 'zendesk',
    account: 'acme',
    lines: [{ id: 'identity', label: 'Who Baton is signed in as', state: 'ok', detail: 'Signed in as Ada Agent, an agent.' }],
    ok: true,
    checkedAt: new Date(0).toISOString(),
  },
  markBot: { ids: ['103'], names: [], emails: [] },
  testWebhook: { delivered: true, status: 200, message: 'hooks.slack.com received the test notification.' },
  logEvent: { recorded: true },
  measuredWait: { minutes: 12, samples: 7 },
  teamInsights: {
    state: 'reading',
    days: 30,
    progress: [{ platform: 'zendesk', account: 'acme', phase: 'reading', done: 3, total: 10 }],
    problems: [],
    conversations: [],
    skipped: [],
    finishedAt: null,
  },
  watchList: { enabled: true, items: [needsItem], reports: [scanReport] },
  watchPanel: { items: [needsItem] },
  watchScan: [scanReport],
  watchPreview: [{ key: 'zendesk:acme:7', draft: { note: 'n', tags: ['sys_escalation'], target, routeReason: '', suspend: true } }],
  watchEscalate: [{ key: 'zendesk:acme:7', outcome: 'escalated', message: 'Escalated.' }],
};

/** A plausible but wrong answer per type, with the field a check must name. */
export const MALFORMED: { [T in RequestType]: { data: unknown; names: RegExp } } = {
  check: { data: { ...VALID.check, verdict: undefined }, names: /verdict/ },
  targets: { data: [{ platform: 'zendesk', kind: 'group', name: 'No id' }], names: /0\.id/ },
  escalate: { data: { ...journal, steps: 'all done' }, names: /steps/ },
  retry: { data: { key: journal.key }, names: /plan/ },
  resume: { data: { ...journal, handBack: { line: 'x', steps: [] } }, names: /handBack\.next/ },
  journal: { data: { ...journal, startedAt: 5 }, names: /startedAt/ },
  testConnection: { data: { name: 'Ada Agent' }, names: /id/ },
  setConnectionField: { data: false, names: /\(root\)/ },
  testEngine: { data: { engine: 'openai' }, names: /status/ },
  openOptions: { data: 'yes', names: /\(root\)/ },
  // A presence answer must never carry a secret's value.
  secretPresence: { data: { ...presence, frontToken: 'the-token' }, names: /frontToken/ },
  saveSecrets: { data: { gorgiasApiKey: true }, names: /zendeskToken/ },
  checkSetup: {
    data: { platform: 'zendesk', account: 'acme', lines: [{ id: 'identity', state: 'green' }], ok: true, checkedAt: 'x' },
    names: /lines\.0\.state/,
  },
  markBot: { data: { ids: '103', names: [], emails: [] }, names: /ids/ },
  testWebhook: { data: { delivered: 'yes', message: 'ok' }, names: /delivered/ },
  logEvent: { data: { recorded: 'yes' }, names: /recorded/ },
  measuredWait: { data: { minutes: '12 min', samples: 7 }, names: /minutes/ },
  teamInsights: {
    data: { state: 'reading', days: 30, progress: [{ platform: 'zendesk', account: 'acme', phase: 'busy', done: 0, total: 1 }] },
    names: /phase/,
  },
  watchList: { data: { enabled: true, items: [{ ...needsItem, url: 5 }], reports: [] }, names: /items\.0\.url/ },
  watchPanel: { data: { items: [{ ...needsItem, needs: [{ kind: 'late', label: 'x' }] }] }, names: /items\.0\.needs\.0\.kind/ },
  watchScan: { data: [{ ...scanReport, read: 'one' }], names: /0\.read/ },
  watchPreview: { data: [{ key: 'k', draft: { note: '' } }], names: /0\.draft/ },
  watchEscalate: { data: [{ key: 'k', outcome: 'done', message: 'x' }], names: /0\.outcome/ },
};
