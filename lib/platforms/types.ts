import type { Conversation, ConversationRef, Message, Platform } from '../schema/conversation';
import type { BotIdentity, PauseConfig } from '../schema/policy';
import type { EscalationPlan, StepKind } from '../schema/plan';
import type { Target } from '../schema/target';
import type { HttpClient } from '../http/client';

export type AuthMode = 'session' | 'token';

/** What an adapter needs for one conversation. The HTTP client's transport already carries auth. */
export interface AdapterContext {
  ref: ConversationRef;
  http: HttpClient;
  authMode: AuthMode;
  botIdentity: BotIdentity;
  /** Front only: API origin (https://api2.frontapp.com or a company host). */
  apiBase?: string;
  /** This platform's non-secret connection settings (its slice of `Connections`), e.g. the agent's author id. */
  connection?: Record<string, unknown>;
}

/** What the rest of Baton may know about a platform: read from the registry, never spelled out elsewhere. */
export interface PlatformMeta {
  platform: Platform;
  /** Shown to people: "Zendesk". */
  label: string;
  /** Manifest/content-script match patterns of the agent app. */
  matches: string[];
  /** Manifest host permissions for API hosts outside the agent app's origin (Front's api2 host). */
  apiHosts: string[];
  /** What an account is called and looks like, for Options: "subdomain" → acme.zendesk.com. */
  account: { label: string; hint: string } | null;
  /** Where conversations can be routed, with the platform's own words ("Team", "Group", "Inbox"). */
  targetKinds: { kind: Target['kind']; label: string }[];
  /** Auth modes this platform supports; the first is the default. */
  authModes: AuthMode[];
  /** Secret keys (in `Secrets`) this platform uses, with their labels. */
  secrets: { key: string; label: string }[];
  /** Headers for token mode from this platform's connection slice and secrets; null when something is missing. */
  authHeaders(connection: Record<string, unknown>, secrets: Record<string, string | undefined>): Record<string, string> | null;
  /** A sentence naming what to set when `authHeaders` returns null. */
  missingCredentials: string;
}

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
  /** Base URL for API calls for this conversation's account. */
  apiOrigin(ref: ConversationRef, apiBase?: string): string;
  /** Who Baton acts as (Test connection); ctx.ref.conversationId may be empty. */
  whoAmI(ctx: AdapterContext): Promise<WhoAmI>;
  /** Reads the whole conversation through the API (all pages). */
  read(ctx: AdapterContext): Promise<Conversation>;
  /** Inboxes/teams/groups, users and views the conversation can be routed to. */
  listTargets(ctx: AdapterContext): Promise<Target[]>;
  /** The requests an escalation makes for the steps still to do, in order, at the platform's minimum count. */
  escalationOps(ctx: AdapterContext, plan: EscalationPlan, remaining: StepKind[]): Operation[];
  /** "Return to bot": the exact reverse of the pause. */
  resumeOps(ctx: AdapterContext, plan: EscalationPlan): Operation[];
  dom: DomReader;
}

export type { PauseConfig };
