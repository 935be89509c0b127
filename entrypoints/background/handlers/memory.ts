import type { Conversation, ConversationRef } from '@/lib/schema/conversation';
import { journalKey } from '@/lib/schema/plan';
import type { Verdict } from '@/lib/schema/verdict';

/** Journal key of a conversation: one escalation record, draft and cache entry per conversation. */
export const keyOf = (ref: ConversationRef) => journalKey(ref.platform, ref.account, ref.conversationId);

/** Last conversation read per journal key, so the click does not read it again. */
export const lastRead = new Map<string, Conversation>();
/** The last verdict per journal key: the escalation plan records why the agent escalated from it. */
export const lastVerdict = new Map<string, Verdict>();
