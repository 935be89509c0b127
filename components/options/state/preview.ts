// The offline engine alone: the OpenAI client would only bloat the options bundle.
import { checkOffline } from '@/lib/engine/offline';
import { chooseRoute, type Route } from '@/lib/routing/handover';
import { ConversationSchema, PLATFORMS, type Conversation, type MessageInput, type Platform } from '@/lib/schema/conversation';
import type { Verdict } from '@/lib/schema/verdict';
import type { PolicyForm } from './form';
import type { LastConversation } from './last-conversation';
import { parsePolicyForm } from './validate';

export type SampleKey = 'returns' | 'billing' | 'tracking' | 'custom' | 'last';

export interface PreviewSettings {
  sample: SampleKey;
  /** The customer's message for the "your own example" sample. */
  customText: string;
  /** Which helpdesk's rules apply to a built-in sample; the last conversation brings its own. */
  platform: Platform;
}

export const DEFAULT_PREVIEW: PreviewSettings = {
  sample: 'returns',
  customText: 'Hi, I want to return the jacket from order #48213, it is too small.',
  platform: PLATFORMS[0]!,
};

const BUILT_IN: Record<'returns' | 'billing' | 'tracking', { label: string; messages: MessageInput[] }> = {
  returns: {
    label: 'Return request, customer asks for a person',
    messages: [
      { role: 'customer', text: 'Hi, I want to return the shoes from order #10023, they are too small. My email is sam@example.com' },
      { role: 'bot', text: 'I can help with returns! Could you tell me which item you would like to return?' },
      { role: 'customer', text: 'The running shoes. Actually, can I talk to a real person please?' },
    ],
  },
  billing: {
    label: 'Double charge, bot hands off',
    messages: [
      { role: 'customer', text: 'I was charged twice for order 55120 and I am really frustrated.' },
      { role: 'bot', text: "I'm sorry about that. I can't resolve payment disputes myself, so I'm handing this over to our billing team." },
    ],
  },
  tracking: {
    label: 'Where is my order, bot still collecting details',
    messages: [
      { role: 'customer', text: 'Where is my order? It should have arrived last week.' },
      { role: 'bot', text: 'Let me check that for you. Could you share your order number?' },
    ],
  },
};

export const SAMPLE_OPTIONS: { key: SampleKey; label: string }[] = [
  ...(Object.entries(BUILT_IN) as [SampleKey, { label: string }][]).map(([key, s]) => ({ key, label: s.label })),
  { key: 'custom', label: 'Your own example' },
  { key: 'last', label: 'Last conversation opened' },
];

export function previewConversation(
  settings: PreviewSettings,
  last: LastConversation | null,
): { conversation: Conversation; platform: Platform } | null {
  if (settings.sample === 'last') {
    if (!last) return null;
    return { conversation: ConversationSchema.parse({ id: 'preview', messages: last.messages }), platform: last.platform };
  }
  const messages =
    settings.sample === 'custom' ? [{ role: 'customer' as const, text: settings.customText }] : BUILT_IN[settings.sample].messages;
  return { conversation: ConversationSchema.parse({ id: 'preview', messages }), platform: settings.platform };
}

export type PreviewResult = { ok: true; verdict: Verdict; route: Route; platform: Platform } | { ok: false; problem: string };

/**
 * Runs the offline engine and the handover rules on the form as it is now. Rules still waiting for a
 * target are left out so editing one rule does not hide the preview; route.ruleIndex is the form's index.
 */
export function runPreview(form: PolicyForm, settings: PreviewSettings, last: LastConversation | null): PreviewResult {
  const sample = previewConversation(settings, last);
  if (!sample) return { ok: false, problem: 'No conversation has been opened with Baton yet; pick a sample instead.' };
  const kept = form.routing.rules.flatMap((r, i) => (r.target ? [i] : []));
  const { policy, issues } = parsePolicyForm(form, (i) => kept.includes(i));
  if (!policy) {
    return { ok: false, problem: `The preview appears once the page has no errors (${issues.length} to fix).` };
  }
  try {
    const verdict = checkOffline(sample.conversation, policy);
    const route = chooseRoute(verdict, policy, sample.platform);
    return {
      ok: true,
      verdict,
      route: { ...route, ruleIndex: route.ruleIndex < 0 ? -1 : (kept[route.ruleIndex] ?? -1) },
      platform: sample.platform,
    };
  } catch (e) {
    // A preview is a convenience: an engine failure must never take the settings page down with it.
    return { ok: false, problem: `The preview could not run: ${(e as Error).message}` };
  }
}
