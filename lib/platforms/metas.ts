import { PLATFORMS, type Platform } from '../schema/conversation';
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

/** Agent-app match patterns of every platform (content script, manifest). */
export const AGENT_APP_MATCHES: readonly string[] = PLATFORM_METAS.flatMap((m) => m.matches);
/** API hosts outside the agent apps' own origins (manifest host permissions). */
export const API_HOST_MATCHES: readonly string[] = PLATFORM_METAS.flatMap((m) => m.apiHosts);

/** "Front, Gorgias and Zendesk". */
export function listLabels(labels: readonly string[] = PLATFORM_METAS.map((m) => m.label)): string {
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
