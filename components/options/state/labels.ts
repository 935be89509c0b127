import { PLATFORM_METAS } from '@/lib/platforms/metas';
import { LANGUAGES } from '@/lib/schema/customer-message';
import { policyNodesAlong } from './schema-form';

/**
 * Human names for form and policy paths, so an error names the field the way the page labels it
 * ("Routing › Handover rule 2 › Target") next to the exact path an exported file uses. Policy fields are
 * named by the titles declared on the policy schema; these words cover the rest.
 */
const WORDS: Record<string, string> = {
  // Connection fields (the agent's own author id and the like), in their meta's words.
  ...Object.fromEntries(PLATFORM_METAS.flatMap((m) => m.connectionFields.map((f) => [f.key, f.label]))),
  connections: 'Connections',
  version: 'Version',
  platform: 'Platform',
  kind: 'Kind',
  id: 'Id',
  name: 'Name',
  viewTag: 'View tag',
  account: 'Account',
  authMode: 'Sign-in',
  email: 'Email',
  apiBase: 'API address',
  // Platform names, from the registry.
  ...Object.fromEntries(PLATFORM_METAS.map((m) => [m.platform, m.label])),
  // The message's languages by name: "Messages › Spanish › Expected wait".
  ...Object.fromEntries(LANGUAGES.map((l) => [l, new Intl.DisplayNames(['en'], { type: 'language' }).of(l) ?? l])),
};

export function describePath(path: string): string {
  const parts = path.split('.').filter((p) => p !== '(root)');
  const policy = parts[0] === 'policy' ? parts.slice(1) : parts[0] === 'connections' ? null : parts;
  const nodes = policy ? policyNodesAlong(policy) : [];
  const steps = policy ?? parts;
  const out: string[] = [];
  steps.forEach((p, i) => {
    const node = nodes[i];
    if (/^\d+$/.test(p)) {
      const list = i > 0 ? nodes[i - 1]?.meta : undefined;
      const item = list?.item;
      // "Sub agents › Sub agent 2" reads twice; the item alone says it ("Tags added on escalation" stays).
      if (item && list?.title === `${item}s` && out[out.length - 1] === list.title) out.pop();
      out.push(`${item ?? 'Item'} ${Number(p) + 1}`);
      return;
    }
    out.push(node?.meta.title ?? WORDS[p] ?? p);
  });
  return out.join(' › ') || 'The whole policy';
}
