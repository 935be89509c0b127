import { readFileSync } from 'node:fs';
import { checkOffline } from '@/lib/engine';
import { ConversationSchema, type Conversation } from '@/lib/schema/conversation';
import { PolicySchema, type Policy, type PolicyInput } from '@/lib/schema/policy';

export const STORE_SCOPE =
  'Customer-support assistant of an online store: orders (place, change, cancel, track), shipping address and delivery, invoices, payment methods and payment issues, refunds and returns, accounts (create, edit, delete, password), newsletter.';

export function policy(extra: Partial<PolicyInput> = {}): Policy {
  return PolicySchema.parse({ version: 3, scope: STORE_SCOPE, ...extra });
}

export type Turn = [role: 'customer' | 'bot' | 'agent' | 'note', text: string];

/** A conversation from [role, text] turns; 'note' is an internal note written by the bot integration. */
export function conv(turns: Turn[], extra: { tags?: string[]; scope?: string; subject?: string } = {}): Conversation {
  return ConversationSchema.parse({
    id: 'c1',
    messages: turns.map(([role, text]) => (role === 'note' ? { role: 'bot', text, internal: true } : { role, text })),
    ...extra,
  });
}

export const say = (text: string) => conv([['customer', text]]);

/** The offline verdict on a conversation of [role, text] turns under the store policy. */
export const verdictOf = (...turns: Turn[]) => checkOffline(conv(turns), policy());

export interface LabelledLine {
  id: string;
  messages: { role: 'customer' | 'bot' | 'agent'; text: string; internal?: boolean }[];
  scope?: string;
  expected: { escalate: boolean; signal: string };
}

export function readJsonl(path: string): LabelledLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}
