import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BotIdentity } from '@/lib/schema/policy';
import type { DomReader } from '@/lib/platforms/types';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Scrolls the helpdesk's own conversation to the message a quote came from and highlights it briefly. */
export function showMessage(ctx: ContentScriptContext, dom: DomReader, identity: BotIdentity, index: number, quote: string): boolean {
  const items = dom.readMessages(document, identity);
  const q = norm(quote).replace(/…$/, '').slice(0, 60);
  const el = (q && items.find((it) => norm(it.element.textContent ?? '').includes(q))?.element) ?? items[index]?.element ?? null;
  if (!el) return false;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.setAttribute('data-baton-highlight', 'true');
  el.animate(
    [
      { boxShadow: '0 0 0 3px #f2c94c', backgroundColor: 'rgba(242, 201, 76, 0.25)' },
      { boxShadow: '0 0 0 0 transparent', backgroundColor: 'transparent' },
    ],
    { duration: 2400, easing: 'ease-out' },
  );
  ctx.setTimeout(() => el.removeAttribute('data-baton-highlight'), 2400);
  return true;
}
