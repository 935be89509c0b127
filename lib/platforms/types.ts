import type { Conversation, ConversationRef, Message, Platform } from '../schema/conversation';
import type { BotIdentity, PauseConfig } from '../schema/policy';
import type { EscalationPlan, StepKind } from '../schema/plan';
import type { Target } from '../schema/target';
import type { HttpClient } from '../http/client';
import type { HttpRequest, HttpResponse } from '../http/types';
import type { SetupLine } from '../schema/setup';
import type { RestoreAbility } from './restore';
import type { HandoffListing, HandoffQuery } from '../schema/team';

export type AuthMode = 'session' | 'token';

/** One conversation of a watched inbox or view, as the helpdesk's list gives it (no messages read). */
export interface WatchedItem {
  id: string;
  /** The helpdesk's own update stamp, compared as it is given. */
  updatedAt: string;
  /** The newest message's id or time, when the list names it: unchanged means nothing new to read. */
  lastMessage?: string;
}

/** The conversations of a watched list changed since a scan, and the stamp the next scan starts from. */
export interface WatchChanges {
  items: WatchedItem[];
  /** The newest update stamp seen (the next scan's `since`); null when the list is empty. */
  newest: string | null;
  /** Requests the listing took. */
  requests: number;
}

/** What an adapter needs for one conversation. The HTTP client's transport already carries auth. */
export interface AdapterContext {
  ref: ConversationRef;
  http: HttpClient;
  authMode: AuthMode;
  botIdentity: BotIdentity;
  /** This platform's non-secret connection settings (its slice of `Connections`), e.g. the agent's author id. */
  connection?: Record<string, unknown>;
  /**
   * The helpdesk's bot-control API (`PlatformMeta.control`), with its own keys, built by the worker only when
   * those keys are saved for this very account; absent otherwise, and then nothing is sent to it.
   */
  control?: HttpClient;
  /** The team lead's pause settings for this platform (stop tag), for Check setup's sentences. */
  pause?: PauseConfig;
}

/** A non-secret setting in a platform's connection slice, shown generically by Options (and the sidebar). */
export interface ConnectionField {
  /** Key in this platform's slice of `Connections`. */
  key: string;
  label: string;
  hint: string;
  type: 'text' | 'email' | 'url';
  placeholder?: string;
  /** Shown (and checked) only in these auth modes; in every mode when absent. */
  authModes?: AuthMode[];
  /** Must be filled in whenever it is shown. */
  required?: boolean;
  /** What a team lead pasted, made canonical before it is checked and saved (trim, drop a trailing slash). */
  normalize?(text: string): string;
  /** A sentence when a non-empty, normalised value is wrong; null when it is fine. */
  problem?(value: string): string | null;
  /**
   * Belongs to the agent using this browser rather than to the team (e.g. their own teammate id): the
   * sidebar asks for it once when a step fails for want of it.
   */
  perAgent?: boolean;
}

/** What the rest of Baton may know about a platform: read from the registry, never spelled out elsewhere. */
export interface PlatformMeta {
  platform: Platform;
  /** Shown to people: "Zendesk". */
  label: string;
  /**
   * Content-script match patterns: the agent app's own pages only, so help centres, marketing pages and
   * docs on the same hosts never run Baton.
   */
  matches: string[];
  /** Manifest host permissions of the agent app's origins (paths do not narrow a host permission). */
  appHosts: string[];
  /**
   * What the agent's tab relays as a session request on the agent app's origin: API paths under `apiPrefix`
   * with the methods Baton uses, nothing else. Null when the platform has no session mode.
   */
  session: { apiPrefix: string; methods: HttpRequest['method'][] } | null;
  /** Manifest host permissions for API hosts outside the agent app's origin (Front's api2 host). */
  apiHosts: string[];
  /**
   * What an account is called and looks like, for Options: "subdomain" → acme.zendesk.com. `normalize`
   * turns a pasted address into the bare account. Null when the platform has one fixed account (`fixedAccount`).
   */
  account: { label: string; hint: string; normalize(text: string): string } | null;
  /** The account of every conversation when `account` is null (Front's "app"). */
  fixedAccount?: string;
  /** Where conversations can be routed, with the platform's own words for the list ("Teams", "Agents"). */
  targetKinds: { kind: Target['kind']; label: string }[];
  /** Auth modes this platform supports; the first is the default. */
  authModes: AuthMode[];
  /** How Options names each auth mode ("Email and API token"). */
  authModeLabels: Partial<Record<AuthMode, string>>;
  /**
   * Secret keys (in `Secrets`) this platform uses, with their labels and where to find them: token-mode
   * credentials unless `modes` says in which auth modes a secret is asked for (a bot-control key in every mode).
   */
  secrets: { key: string; label: string; hint: string; modes?: AuthMode[] }[];
  /** Non-secret settings of this platform's connection slice besides `authMode`, in the order Options shows them. */
  connectionFields: ConnectionField[];
  /**
   * Stop tags the helpdesk's own bot already obeys (Gorgias AI Agent's `ai_ignore`), offered in Options as one
   * click beside the stop-tag field.
   */
  stopTagPresets?: { tag: string; label: string; hint: string }[];
  /** What Return to bot can put back as it was before the escalation (team, assignee, inbox; nobody or not). */
  restore: RestoreAbility;
  /** Where the bot can additionally be paused by moving the conversation out of a target (Front's managing inbox). */
  pauseTarget?: { kind: Target['kind']; label: string; hint: string; emptyLabel: string };
  /**
   * Queue watch: which target kind holds the bot's open conversations (Options lists those to pick from),
   * and the helpdesk's published request budget for its smallest plan (a share of it is the watch's pace
   * until the helpdesk's own headers announce the account's real limit).
   */
  watch?: { kind: Target['kind']; label: string; limit: number; windowMs: number; source: string };
  /** Accent colour of the sidebar on this platform, for light and dark pages. */
  accent: { light: string; dark: string };
  /** Headers for token mode from this platform's connection slice and secrets; null when something is missing. */
  authHeaders(connection: Record<string, unknown>, secrets: Record<string, string | undefined>): Record<string, string> | null;
  /** A sentence naming what to set when `authHeaders` returns null. */
  missingCredentials: string;
  /**
   * Token requests follow redirects (Front answers a merged conversation with a 301 whose Location a browser
   * hides unless it follows it; browsers drop Authorization on a cross-origin hop, and the transport refuses
   * an answer that ended on another origin). Every other platform's token requests never follow one.
   */
  tokenFollowsRedirects?: boolean;
  /**
   * A second API that passes control of a conversation between the bot and the agents (a switchboard), on the
   * account's own origin under `pathPrefix`, with keys of its own; the worker alone builds its client
   * (`AdapterContext.control`). Null headers: not set up.
   */
  control?: {
    pathPrefix: string;
    authHeaders(connection: Record<string, unknown>, secrets: Record<string, string | undefined>): Record<string, string> | null;
  };
}

/**
 * Thrown by an adapter when a step cannot run for want of a per-agent connection setting (Front's author id
 * when the signed-in agent cannot be matched). The executor records `field`, and the sidebar asks for it once.
 */
export class MissingConnectionField extends Error {
  constructor(
    message: string,
    /** The `ConnectionField.key` that is missing. */
    readonly field: string,
  ) {
    super(message);
    this.name = 'MissingConnectionField';
  }
}

/**
 * How a platform groups escalation steps into requests, in the order they are sent. The pause must sit in
 * the last group: the executor stops at the first failure, so a note or an assignment that fails can then
 * never leave the bot paused with nobody owning the conversation.
 */
export type StepLayout = readonly (readonly StepKind[])[];

/**
 * One or more HTTP requests that complete one or more logical steps together
 * (Zendesk carries note + assignment in one ticket update).
 */
export interface Operation {
  covers: StepKind[];
  run(): Promise<void>;
  /**
   * After an outcome-unknown failure (timeout, dropped connection), tells whether the operation already
   * landed, so it is not sent twice. Only non-idempotent operations (notes) need it.
   */
  alreadyApplied?(): Promise<boolean>;
}

export interface WhoAmI {
  id: string;
  name: string;
  email?: string;
}

/** DOM reading of the helpdesk's own page: the fallback when the API is unavailable, and scroll-to-message. */
export interface DomReader {
  /** The element that holds the conversation's messages, or null while the page is still loading. */
  threadRoot(doc: Document): Element | null;
  /** Messages in order, with the element each came from (for scroll-to-quote). */
  readMessages(doc: Document, identity: BotIdentity): { message: Message; element: Element }[];
  /** Where the sidebar may sit without covering the reply box: the element it should sit beside. */
  layoutAnchor?(doc: Document): Element | null;
}

export interface PlatformAdapter {
  platform: Platform;
  label: string;
  /** Recognises a conversation in a tab URL; null for any other page. */
  detect(url: string): ConversationRef | null;
  /** Base URL for API calls for this conversation's account; `connection` is this platform's connection slice. */
  apiOrigin(ref: ConversationRef, connection?: Record<string, unknown>): string;
  /** The address a teammate opens to see the conversation in the agent app (links in notifications). */
  conversationUrl(ref: ConversationRef): string;
  /** Who Baton acts as (Test connection); ctx.ref.conversationId may be empty. */
  whoAmI(ctx: AdapterContext): Promise<WhoAmI>;
  /**
   * The helpdesk user the notes Baton posts are written by (the agent, for the handoff record), or null when
   * it cannot be told without asking the agent for a setting. Reads what the adapter already keeps where it can.
   */
  noteAuthor?(ctx: AdapterContext): Promise<WhoAmI | null>;
  /** Reads the whole conversation through the API (all pages). */
  read(ctx: AdapterContext): Promise<Conversation>;
  /**
   * One cheap request: whether the conversation may have changed since `since` was read (its update time or
   * its newest message moved). A re-check asks this first, so an open conversation that did not change
   * costs one request, not a full read of every page. True when it cannot tell.
   */
  changedSince?(ctx: AdapterContext, since: Conversation): Promise<boolean>;
  /**
   * Queue watch: the conversations of the watched inbox or view (`PlatformMeta.watch`) changed after `since`
   * (a stamp this method returned before; null on the first scan), newest first, from the list alone.
   */
  listChanged?(ctx: AdapterContext, watchId: string, since: string | null): Promise<WatchChanges>;
  /** Inboxes/teams/groups, users and views the conversation can be routed to. */
  listTargets(ctx: AdapterContext): Promise<Target[]>;
  /** The requests an escalation makes for the steps still to do, in order, at the platform's minimum count. */
  escalationOps(ctx: AdapterContext, plan: EscalationPlan, remaining: StepKind[]): Operation[];
  /**
   * How `escalationOps` groups the steps into requests, in send order: the journal lists the steps in this
   * order, so the sidebar shows them as they are sent and which of them land together.
   */
  stepLayout: StepLayout;
  /**
   * "Return to bot" after the note: the pause undone and the conversation put back as it was before the
   * escalation (tags, team, assignee, inbox; `restoreOf`). Operations covering `pause` undo the pause; those
   * covering `tags` or `assign` put it back. With `keepTags` the escalation's tags stay as history.
   */
  resumeOps(ctx: AdapterContext, plan: EscalationPlan, opts?: { keepTags?: boolean }): Operation[];
  /**
   * The inbox the conversation sits in, for a helpdesk whose read leaves it out (one request): asked only
   * before an escalation that moves the conversation, so Return to bot can move it back.
   */
  readInbox?(ctx: AdapterContext): Promise<{ id: string; name?: string } | null>;
  /**
   * Check setup: whether Baton can read, note, tag and assign with this connection, from the platform's
   * own permission data or probes. `ctx.http` only reads; writes go through `tools.probe` (lib/setup/run.ts).
   */
  checkSetup?(ctx: AdapterContext, tools: SetupTools): Promise<SetupLine[]>;
  /**
   * The page showed `pageMessages` and the API read gave `conversation`: when the page is the better reading
   * (the API missed turns), its messages (with the API's own reading of who wrote the turns both show) and a
   * sentence saying why; null when the API's reading stands.
   */
  preferPage?(conversation: Conversation, pageMessages: Message[]): { messages: Message[]; why: string } | null;
  dom: DomReader;
  /**
   * Team Insights: the conversations carrying Baton's reason tags updated since `query.since`, paged through
   * within the helpdesk's rate budget, and the handoff records in their internal notes. A conversation whose
   * update time is the one in `query.known` is not read again. What cannot be read is listed, never dropped.
   */
  listHandoffs(ctx: AdapterContext, query: HandoffQuery, onProgress?: (done: number, total: number) => void): Promise<HandoffListing>;
}

/** The one door for a write during Check setup: a request the helpdesk refuses or that changes nothing. */
export interface SetupTools {
  /** Sends it and returns every answer (403 included) instead of throwing. */
  probe(req: HttpRequest, action: string): Promise<HttpResponse>;
}
