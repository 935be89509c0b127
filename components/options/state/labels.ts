import { PLATFORM_METAS } from '@/lib/platforms/metas';
import { SWITCHABLE } from '@/lib/signals/registry';

/**
 * Human names for policy paths, so an error names the field the way the page labels it
 * ("Routing › Handover rule 2 › Target") next to the exact path an exported file uses.
 */
const WORDS: Record<string, string> = {
  // Connection fields the words below do not name (the agent's own author id), in their meta's words.
  ...Object.fromEntries(PLATFORM_METAS.flatMap((m) => m.connectionFields.map((f) => [f.key, f.label]))),
  policy: '',
  '(root)': '',
  connections: 'Connections',
  version: 'Version',
  scope: 'Bot scope',
  subAgents: 'Sub agents',
  name: 'Name',
  description: 'Description',
  examples: 'Example requests',
  tags: 'Tags',
  signals: 'Escalation signals',
  // The switches, in the signal registry's words.
  ...Object.fromEntries(SWITCHABLE.map((e) => [e.id, e.toggle.label])),
  customInstruction: 'Escalation instruction',
  escalation: 'Escalation tags',
  suggest: 'Suggest help/follow-up tags',
  summarySchema: 'Summary schema',
  routing: 'Routing',
  defaultTargets: 'Default targets',
  rules: 'Handover rules',
  when: 'Condition',
  sentiment: 'Sentiment',
  urgency: 'Urgency',
  target: 'Target',
  platform: 'Platform',
  kind: 'Kind',
  id: 'Id',
  viewTag: 'View tag',
  suspend: 'Suspend afterwards',
  enabled: 'Pause the bot',
  pause: 'Pause',
  stopTag: 'Stop-list tag',
  removeTags: 'Managing tags to remove',
  managingInboxId: 'Managing inbox',
  botIdentity: 'Bot identity',
  ids: 'Author ids',
  names: 'Names',
  emails: 'Emails',
  engine: 'AI engine',
  model: 'Model',
  baseURL: 'Base URL',
  customerMessage: 'Message to the customer',
  messages: 'Messages',
  inside: 'Inside opening hours',
  outside: 'Outside opening hours',
  wait: 'Expected wait',
  hours: 'Opening hours',
  timeZone: 'Time zone',
  week: 'Week',
  open: 'Opens',
  close: 'Closes',
  followUp: 'Follow-through',
  claimTargetMinutes: 'Pick-up target (minutes)',
  handoffLog: 'Handoff log',
  keepCustomerText: 'Keep customer text',
  maxEntries: 'Entries kept',
  notify: 'Notifications',
  webhooks: 'Webhooks',
  url: 'Webhook address',
  account: 'Account',
  authMode: 'Sign-in',
  email: 'Email',
  apiBase: 'API address',
  // Platform names, from the registry.
  ...Object.fromEntries(PLATFORM_METAS.map((m) => [m.platform, m.label])),
};

const ITEM: Record<string, string> = {
  subAgents: 'Sub agent',
  rules: 'Handover rule',
  examples: 'Example',
  tags: 'Tag',
  webhooks: 'Webhook',
};

export function describePath(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  parts.forEach((p, i) => {
    if (/^\d+$/.test(p)) {
      const parent = parts[i - 1] ?? '';
      const item = ITEM[parent];
      // "Sub agents › Sub agent 2" reads twice; the item alone says it.
      if (item && out[out.length - 1] === WORDS[parent]) out.pop();
      out.push(`${item ?? 'Item'} ${Number(p) + 1}`);
      return;
    }
    const w = WORDS[p];
    if (w === '') return;
    out.push(w ?? p);
  });
  return out.join(' › ') || 'The whole policy';
}
