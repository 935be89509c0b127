import { z } from 'zod';
import { ConversationRefSchema, ConversationSchema, MessageSchema, PlatformSchema } from './conversation';
import { VerdictSchema } from './verdict';
import { TargetSchema } from './target';
import { JournalSchema } from './plan';
import { LanguageSchema } from './customer-message';
import { SecretsSchema } from './connections';
import { HttpRequestSchema, HttpResponseSchema } from '../http/types';
import { CheckSetupRequestSchema, CheckSetupResponseSchema, MarkBotRequestSchema, MarkBotResponseSchema } from './setup';
import { TestWebhookRequestSchema, TestWebhookResponseSchema } from './notify';
import { SidebarEventSchema } from './log-event';
import { CustomerTurnsSchema } from './follow-up';
import { TeamStatusSchema } from './team';
import { ListEscalationResultSchema, NeedsHumanItemSchema, ScanReportSchema } from './watch';

/**
 * The protocol between the sidebar / options page and the background worker: for every request type, the
 * schema of the request and the schema of the answer's data. The background parses each request before a
 * handler sees it and each handler's result before answering; the sender (utils/messaging.ts) parses the
 * answer again on arrival, so no part of Baton ever acts on a shape it did not check.
 *
 * Adding a request: an entry in PROTOCOL below, its handler in entrypoints/background/handlers/ (registered
 * in handlers/index.ts; the Handlers type fails to compile until it is), a valid and a malformed answer in
 * test/unit/protocol/fixtures.ts. Callers use `send(type, payload)` from utils/messaging.ts.
 */

/** The agent's edits to what the click will do. */
const EscalationDraftSchema = z.object({
  note: z.string().min(1, 'The note cannot be empty'),
  tags: z.array(z.string().min(1)),
  target: TargetSchema.nullable(),
  routeReason: z.string().default(''),
  suspend: z.boolean(),
  /** The check found a loop (back within the loop window of a Return to bot): the record says so. */
  loop: z.boolean().optional(),
});
export type EscalationDraft = z.infer<typeof EscalationDraftSchema>;

const CheckResultSchema = z.object({
  conversation: ConversationSchema,
  verdict: VerdictSchema,
  /** Suggested target and why, from the handover rules. */
  route: z.object({
    target: TargetSchema.nullable(),
    reason: z.string(),
    /**
     * Back within the loop window of a Return to bot or a close (lib/routing/loop.ts): `target` is then the previous
     * owner when Baton could find them, and `note` the earlier handoff's note to show on the page.
     */
    loop: z
      .object({
        since: z.string(),
        windowHours: z.number(),
        owner: z.string().optional(),
        note: z.object({ messageIndex: z.number().int().min(0), quote: z.string() }).optional(),
      })
      .optional(),
  }),
  /** Set when the API could not be read and the page DOM was used instead. */
  apiProblem: z.string().optional(),
  checkedAt: z.string(),
  journal: JournalSchema.nullable(),
  /** Bot messages (indexes) that told the customer a person or team will follow up, read with the engine's act readers. */
  promised: z.array(z.number().int().min(0)).default([]),
  /** Customer messages that ask for a human or take a request back, read with the engine's act readers (the wait clock). */
  turns: CustomerTurnsSchema.optional(),
  /** The customer's language, for the message to the customer (absent: not recognised). */
  customerLanguage: LanguageSchema.optional(),
  /** The verdict is the quick offline one and the LLM engine's is on its way (ask again with `refine`). */
  refining: z.boolean().optional(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** Who the saved credentials act as, from the helpdesk itself. */
const WhoAmISchema = z.object({ id: z.string(), name: z.string(), email: z.string().optional() });
const EngineTestResultSchema = z.object({ engine: z.string(), status: z.string() });
/** Which secrets are saved, never their values: all the options page may learn about them. */
const SecretPresenceSchema = z.record(SecretsSchema.keyof(), z.boolean());
export type SecretPresence = z.infer<typeof SecretPresenceSchema>;
/** A new value sets a secret, '' removes it, an absent key keeps it. */
const SecretsPatchSchema = z.object(
  Object.fromEntries(Object.keys(SecretsSchema.shape).map((k) => [k, z.string().max(4000).optional()])) as {
    [K in keyof typeof SecretsSchema.shape]: z.ZodOptional<z.ZodString>;
  },
);

/**
 * Where a request may come from, by where its sender runs (entrypoints/background/senders.ts tells them
 * apart from the browser's sender record):
 * - `options`: an extension page at the top of its tab or window (Options, Insights): settings and secrets;
 * - `sidebar`: an extension page framed inside a helpdesk tab (the sidebar drawn in an iframe);
 * - `content`: a content script in a helpdesk page. It shares the page's renderer, so it gets no settings
 *   or secrets requests, and may only ask about the account its page is on.
 */
const SENDER_CLASSES = ['options', 'sidebar', 'content'] as const;
export type SenderClass = (typeof SENDER_CLASSES)[number];
/** The sidebar's requests, from the sidebar wherever it is drawn. */
const PAGE = ['sidebar', 'content'] as const;
/** Settings, secrets and tests of them: the options page only. */
const SETTINGS = ['options'] as const;
const ANY = SENDER_CLASSES;

const Ref = { ref: ConversationRefSchema };
const Account = { platform: PlatformSchema, account: z.string() };

/** One entry per request type: who may send it (`from`), what is sent and what a successful answer carries. */
export const PROTOCOL = {
  check: {
    from: PAGE,
    request: z.object({
      type: z.literal('check'),
      ...Ref,
      /** Messages read from the page, used when the API cannot be read. */
      domMessages: z.array(MessageSchema).optional(),
      force: z.boolean().default(false),
      /**
       * With the LLM engine on, a check answers at once with the offline verdict (`refining` set); the sidebar
       * then asks again with `refine` for the model's verdict on the conversation it just read.
       */
      refine: z.boolean().default(false),
      /**
       * The page shows a message newer than anything it showed before: the conversation changed, so it is
       * read at once without asking the helpdesk "changed since" first (that read would only say yes).
       */
      newMessage: z.boolean().optional(),
    }),
    response: CheckResultSchema,
  },
  /** Routing targets of an account; `refresh` skips the adapters' short-lived caches. */
  targets: {
    from: ANY,
    request: z.object({ type: z.literal('targets'), ...Account, refresh: z.boolean().default(false) }),
    response: z.array(TargetSchema),
  },
  escalate: {
    from: PAGE,
    request: z.object({ type: z.literal('escalate'), ...Ref, draft: EscalationDraftSchema, clickedBy: z.string().optional() }),
    response: JournalSchema,
  },
  /** Runs the failed step and the ones after it. */
  retry: {
    from: PAGE,
    request: z.object({ type: z.literal('retry'), ...Ref }),
    response: JournalSchema,
  },
  /**
   * Return to bot. `line` (what the human resolved) starts the hand-back; without it, the hand-back on
   * record is retried (its note is never posted twice). `next`: what the bot may do next (optional).
   */
  resume: {
    from: PAGE,
    request: z.object({
      type: z.literal('resume'),
      ...Ref,
      line: z
        .string()
        .trim()
        .min(1, 'Write one line on what you resolved.')
        .max(300, 'Keep it to one line: 300 characters at most.')
        .optional(),
      next: z.string().trim().max(300, 'Keep what the bot may do next to 300 characters at most.').optional(),
    }),
    response: JournalSchema,
  },
  journal: {
    from: PAGE,
    request: z.object({ type: z.literal('journal'), ...Ref }),
    response: JournalSchema.nullable(),
  },
  testConnection: {
    from: SETTINGS,
    request: z.object({ type: z.literal('testConnection'), ...Account }),
    response: WhoAmISchema,
  },
  /** The agent gives a per-agent connection setting a step failed for (e.g. their own author id). */
  setConnectionField: {
    from: PAGE,
    request: z.object({
      type: z.literal('setConnectionField'),
      platform: PlatformSchema,
      key: z.string().min(1),
      value: z.string().max(200),
    }),
    response: z.literal(true),
  },
  testEngine: {
    from: SETTINGS,
    request: z.object({ type: z.literal('testEngine') }),
    response: EngineTestResultSchema,
  },
  /** `section`: the id of the Options section to open at (the sidebar's "stop tag" warning opens #suspend). */
  openOptions: {
    from: ANY,
    request: z.object({
      type: z.literal('openOptions'),
      section: z
        .string()
        .regex(/^[a-z][a-z-]{0,39}$/)
        .optional(),
    }),
    response: z.literal(true),
  },
  secretPresence: {
    from: SETTINGS,
    request: z.object({ type: z.literal('secretPresence') }),
    response: SecretPresenceSchema,
  },
  /** The options page writes secrets through the background, which alone reads them; answers what is set now. */
  saveSecrets: {
    from: SETTINGS,
    request: z.object({ type: z.literal('saveSecrets'), patch: SecretsPatchSchema }),
    response: SecretPresenceSchema,
  },
  /** Check setup (lib/setup): what this connection may read and write, line by line; changes nothing. */
  checkSetup: {
    from: ANY,
    request: CheckSetupRequestSchema,
    response: CheckSetupResponseSchema,
  },
  /** "This author is the bot": adds a conversation's author to the platform's bot identity. */
  markBot: {
    from: PAGE,
    request: MarkBotRequestSchema,
    response: MarkBotResponseSchema,
  },
  /** "Send test" in Options: one test notification to one webhook, answered with what the receiver said. */
  testWebhook: {
    from: SETTINGS,
    request: TestWebhookRequestSchema,
    response: TestWebhookResponseSchema,
  },
  /**
   * Team Insights (the Insights page): `start` begins reading the last `days` of escalations back from every
   * connected helpdesk (one read at a time); without it, how the read under way or finished stands.
   */
  teamInsights: {
    from: SETTINGS,
    request: z.object({
      type: z.literal('teamInsights'),
      days: z.number().int().min(1).max(90).default(30),
      start: z.boolean().default(false),
    }),
    response: TeamStatusSchema,
  },
  /** The sidebar reports a verdict shown or dismissed to the local handoff log; `recorded`: false when it was already there. */
  logEvent: {
    from: PAGE,
    request: z.object({ type: z.literal('logEvent'), event: SidebarEventSchema }),
    response: z.object({ recorded: z.boolean() }),
  },
  /**
   * The median pick-up the handoff log measured for this account's target at this hour of the week (`at`, the
   * sidebar's clock), for the message to the customer; null when the team lead has not allowed it or too few were measured.
   */
  measuredWait: {
    from: PAGE,
    request: z.object({ type: z.literal('measuredWait'), ref: ConversationRefSchema, target: z.string().max(200), at: z.string().max(40) }),
    response: z.object({ minutes: z.number().int().min(0), samples: z.number().int().min(1) }).nullable(),
  },
  /** "Needs a human": the watched conversations that need a person now, and how each helpdesk's last scan went. */
  watchList: {
    from: SETTINGS,
    request: z.object({ type: z.literal('watchList') }),
    response: z.object({ enabled: z.boolean(), items: z.array(NeedsHumanItemSchema), reports: z.array(ScanReportSchema) }),
  },
  /** The sidebar's compact panel: the same list for the account of the page only. */
  watchPanel: {
    from: PAGE,
    request: z.object({ type: z.literal('watchPanel'), ...Account }),
    response: z.object({ items: z.array(NeedsHumanItemSchema) }),
  },
  /** "Scan now": every watched list at once, whatever the interval (still only where a helpdesk tab is open). */
  watchScan: {
    from: SETTINGS,
    request: z.object({ type: z.literal('watchScan') }),
    response: z.array(ScanReportSchema),
  },
  /** What escalating these conversations from the list would send: the sidebar's plan for each, nothing sent. */
  watchPreview: {
    from: SETTINGS,
    request: z.object({ type: z.literal('watchPreview'), keys: z.array(z.string().max(300)).min(1).max(50) }),
    response: z.array(z.object({ key: z.string(), draft: EscalationDraftSchema.nullable(), message: z.string().optional() })),
  },
  /** Escalates conversations from the list, one after the other, each re-read first; a result per conversation. */
  watchEscalate: {
    from: SETTINGS,
    request: z.object({ type: z.literal('watchEscalate'), keys: z.array(z.string().max(300)).min(1).max(50) }),
    response: z.array(ListEscalationResultSchema),
  },
} as const;

export type RequestType = keyof typeof PROTOCOL;
/** A request of one type as its sender writes it (defaults may be left out). */
export type RequestInput<T extends RequestType> = z.input<(typeof PROTOCOL)[T]['request']>;
/** A request of one type as a handler receives it (parsed, defaults filled). */
export type RequestOf<T extends RequestType> = z.output<(typeof PROTOCOL)[T]['request']>;
/** What a handler may return for a request type (checked against the response schema before it is sent). */
export type ResponseInput<T extends RequestType> = z.input<(typeof PROTOCOL)[T]['response']>;
/** What the sender gets back for a request type. */
export type ResponseOf<T extends RequestType> = z.output<(typeof PROTOCOL)[T]['response']>;

const requests = Object.values(PROTOCOL).map((p) => p.request);
export const RequestSchema = z.discriminatedUnion(
  'type',
  requests as unknown as [(typeof requests)[number], ...(typeof requests)[number][]],
);
export type BatonRequest = { [T in RequestType]: RequestOf<T> }[RequestType];

/** Every answer is either ok with data (checked against the request type's response schema) or a plain-sentence error. */
export const ResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type BatonResponse = z.infer<typeof ResponseSchema>;

/** Zod issues as one line for a log: "path: message; …". */
export function describeIssues(error: z.ZodError, max = 5): string {
  return error.issues
    .slice(0, max)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** Background → tab: session-auth requests run same-origin from the agent's tab. */
export const TabRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sessionFetch'), request: HttpRequestSchema }),
  z.object({ type: z.literal('command'), command: z.enum(['toggle-sidebar', 'escalate']) }),
  /** Is this tab's content script listening? Answered `true`; the relay asks after a worker restart. */
  z.object({ type: z.literal('ping') }),
]);
/** Tab → background: a content script connects a port of this name once it can carry session requests. */
export const TAB_READY_PORT = 'baton:tab-ready';
export const SessionFetchResultSchema = z.union([
  z.object({ ok: z.literal(true), response: HttpResponseSchema }),
  /** tab_gone: the page was unloading (reload, navigation, closed tab) when the request was cut off. */
  z.object({ ok: z.literal(false), kind: z.enum(['timeout', 'network', 'tab_gone']), message: z.string() }),
]);
