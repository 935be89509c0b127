import type { Browser } from 'wxt/browser';
import { pageAccount } from '@/lib/platforms/metas';
import { PROTOCOL, type BatonRequest, type RequestType, type SenderClass } from '@/lib/schema/messages';

export type Sender = Pick<Browser.runtime.MessageSender, 'url' | 'frameId' | 'tab'>;

/**
 * What kind of context sent a message (the classes are described with SENDER_CLASSES). Only the sender's
 * URL tells an extension page from a content script: both carry the extension's id, and a content script's
 * `url` is the web page it runs in. An extension page framed in a tab (frameId > 0) is the sidebar's iframe.
 */
export function senderClass(sender: Sender, extensionBase: string): SenderClass {
  if (!sender.url?.startsWith(extensionBase)) return 'content';
  const framedInPage = !!sender.tab && (sender.frameId ?? 0) > 0 && !sender.tab.url?.startsWith(extensionBase);
  return framedInPage ? 'sidebar' : 'options';
}

/**
 * Why a request is refused from this sender, or null. Each request type lists the sender classes it
 * accepts (PROTOCOL's `from`). A page (content script or sidebar frame) may only ask about the helpdesk
 * account it is on, so a page of another company's tenant cannot make Baton act there with the saved
 * token. Only the account is compared, not the conversation: an in-app navigation can send a request for
 * the new conversation before the browser reports the page's new address.
 */
export function senderProblem(req: BatonRequest, sender: Sender, extensionBase: string): string | null {
  const from = senderClass(sender, extensionBase);
  const allowed: readonly SenderClass[] = PROTOCOL[req.type as RequestType].from;
  if (!allowed.includes(from)) return 'Only Baton’s options page can do that.';
  if (from === 'options') return null;
  const named = namedAccount(req);
  if (!named) return null;
  const pageUrl = from === 'content' ? sender.url : sender.tab?.url;
  const page = pageUrl ? pageAccount(pageUrl) : null;
  const samePlatform = page?.platform === named.platform;
  const sameAccount = named.account === undefined || named.account.toLowerCase() === page?.account;
  return samePlatform && sameAccount ? null : 'This page can only ask Baton about the helpdesk account it shows.';
}

/** The platform and account a request is about, from whichever field names them. */
function namedAccount(req: BatonRequest): { platform: string; account?: string } | null {
  const r = req as { ref?: { platform: string; account: string }; event?: { platform: string; account: string } } & {
    platform?: string;
    account?: string;
  };
  if (r.ref) return r.ref;
  if (r.event) return r.event;
  if (r.platform) return { platform: r.platform, account: r.account };
  return null;
}
