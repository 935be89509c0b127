import { PLATFORMS, type Platform } from '../schema/conversation';
import type { HttpRequest } from '../http/types';
import type { PlatformMeta } from './types';
import { frontMeta } from './front/meta';
import { gorgiasMeta } from './gorgias/meta';
import { zendeskMeta } from './zendesk/meta';

/**
 * Every platform's meta, without its adapter: light enough for the options page and the build config, which
 * need labels, hosts and connection fields but never read a conversation.
 */
const BY_PLATFORM: Record<Platform, PlatformMeta> = { front: frontMeta, gorgias: gorgiasMeta, zendesk: zendeskMeta };

/** In the schema's platform order, so every list Baton shows is in the same order. */
export const PLATFORM_METAS: readonly PlatformMeta[] = PLATFORMS.map((p) => BY_PLATFORM[p]);

export function metaFor(platform: Platform): PlatformMeta {
  return BY_PLATFORM[platform];
}

export const labelOf = (platform: Platform): string => BY_PLATFORM[platform].label;

/** The account a request is about: the typed account, or the platform's one fixed account. */
export function accountFor(platform: Platform, typed: string): string {
  const meta = BY_PLATFORM[platform];
  return meta.account ? meta.account.normalize(typed) : (meta.fixedAccount ?? '');
}

/** The auth mode stored in a connection slice, or the platform's default when missing or unsupported. */
export function authModeOf(meta: PlatformMeta, connection: Record<string, unknown> | undefined): PlatformMeta['authModes'][number] {
  const mode = connection?.authMode;
  return meta.authModes.find((m) => m === mode) ?? meta.authModes[0]!;
}

/** Connection fields that apply in an auth mode. */
export function fieldsFor(meta: PlatformMeta, mode: PlatformMeta['authModes'][number]) {
  return meta.connectionFields.filter((f) => !f.authModes || f.authModes.includes(mode));
}

/** Agent-app page patterns of every platform (content script). */
export const AGENT_APP_MATCHES: readonly string[] = PLATFORM_METAS.flatMap((m) => m.matches);
/** Agent-app origins of every platform (manifest host permissions). */
export const AGENT_APP_HOSTS: readonly string[] = PLATFORM_METAS.flatMap((m) => m.appHosts);
/** API hosts outside the agent apps' own origins (manifest host permissions). */
export const API_HOST_MATCHES: readonly string[] = PLATFORM_METAS.flatMap((m) => m.apiHosts);

/** Whether a URL falls under a manifest match pattern (`https://*.host/path*`), as the browser reads one. */
export function inMatchPattern(pattern: string, url: string): boolean {
  const m = /^(https?):\/\/(\*\.)?([^/*]+)(\/.*)$/.exec(pattern);
  if (!m || !URL.canParse(url)) return false;
  const [, scheme, anySub, host, path] = m;
  const u = new URL(url);
  if (u.protocol !== `${scheme}:` || u.port) return false;
  const hostOk = u.hostname === host || (!!anySub && u.hostname.endsWith(`.${host}`));
  const escaped = path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return hostOk && new RegExp(`^${escaped.join('.*')}$`).test(u.pathname);
}

/** The platform and account of a helpdesk page, from its address; null for any other page. */
export function pageAccount(url: string): { platform: Platform; account: string } | null {
  const meta = PLATFORM_METAS.find((m) => m.appHosts.some((p) => inMatchPattern(p, url)));
  if (!meta) return null;
  const account = meta.account ? meta.account.normalize(new URL(url).hostname) : (meta.fixedAccount ?? '');
  return account ? { platform: meta.platform, account } : null;
}

/**
 * Why the agent's tab must not relay a session request, or null when it may: the request stays on the
 * page's own origin, under the platform's API path, with a method Baton uses. The relay carries the agent's
 * cookies, so anything else (the agent's settings pages, sign-out, another API) is refused.
 */
export function sessionRequestProblem(pageUrl: string, req: Pick<HttpRequest, 'method' | 'url'>): string | null {
  if (!URL.canParse(req.url) || !URL.canParse(pageUrl)) return 'Session requests need a full address';
  const url = new URL(req.url);
  if (url.origin !== new URL(pageUrl).origin) return 'Cross-origin session requests are not allowed';
  const session = PLATFORM_METAS.find((m) => m.appHosts.some((p) => inMatchPattern(p, pageUrl)))?.session;
  if (!session) return 'This page does not relay session requests';
  if (!url.pathname.startsWith(session.apiPrefix)) return `Session requests must stay under ${session.apiPrefix}`;
  if (!session.methods.includes(req.method)) return `Session requests cannot use ${req.method}`;
  return null;
}

/** "Front, Gorgias and Zendesk". */
export function listLabels(labels: readonly string[] = PLATFORM_METAS.map((m) => m.label)): string {
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
