import type { Conversation } from '../../schema/conversation';
import type { Signal, SignalKind } from '../../schema/verdict';
import type { ConversationReading } from '../acts/sequence';
import type { ScopeModel } from '../scope/judge';

/** What every detector may read: the bounded conversation, its act reading and the compiled scope. */
export interface DetectorContext {
  conv: Conversation;
  reading: ConversationReading;
  scope: ScopeModel;
  /** A customer message normalised once (markup, hidden characters and injected lines removed). */
  customerNorm: (i: number) => string;
}

/** One escalation signal's detector; checkOffline runs each one the policy has switched on. */
export interface Detector {
  kind: SignalKind;
  detect(ctx: DetectorContext): Signal | undefined;
}
