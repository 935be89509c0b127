import type { SandboxRequest, SandboxResponse } from '../../types';
import { parseBasic } from '../common';

export const ZENDESK_SANDBOX = {
  subdomain: 'acme',
  email: 'agent@acme.example',
  token: 'sandbox-zendesk-token',
  /** An OAuth access token (Authorization: Bearer …), the other token form Zendesk accepts. */
  oauthToken: 'sandbox-zendesk-oauth-token',
  session: 'sandbox-zendesk-session',
  csrf: 'sandbox-csrf-token',
};

export const SESSION_COOKIE = '_zendesk_session';

export const zendeskError = (status: number, error: string, description: string): SandboxResponse => ({
  status,
  body: { error, description },
});

/**
 * Zendesk's refusal of a session write without the CSRF token. Zendesk is a Rails app and this is Rails's
 * InvalidAuthenticityToken in Zendesk's classic {error, description} envelope; the exact body is ASSUMED
 * (no public capture found), the status and the rule follow the report and Zendesk's CSRF docs.
 */
export const CSRF_REFUSAL = zendeskError(403, 'InvalidAuthenticityToken', 'Invalid authenticity token');

const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

/**
 * Like the real app: a request that carries the agent's session cookie is a browser session, whatever its
 * Authorization header says, so its writes need X-CSRF-Token. Token requests pass only without the cookie.
 */
export function authenticate(req: SandboxRequest): SandboxResponse | 'ok' {
  const session = req.cookies[SESSION_COOKIE] === ZENDESK_SANDBOX.session;
  if (session && isWrite(req.method) && req.headers['x-csrf-token'] !== ZENDESK_SANDBOX.csrf) return CSRF_REFUSAL;
  const authorization = req.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    return authorization.slice(7) === ZENDESK_SANDBOX.oauthToken
      ? 'ok'
      : {
          status: 401,
          body: {
            error: 'invalid_token',
            error_description: 'The access token provided is expired, revoked, malformed or invalid for other reasons.',
          },
        };
  }
  const basic = parseBasic(authorization);
  // The API token is the account's; the email in front of it says which agent acts (api.ts: tokenEmail).
  if (basic)
    return basic.endsWith(`/token:${ZENDESK_SANDBOX.token}`) ? 'ok' : { status: 401, body: { error: "Couldn't authenticate you" } };
  if (session) return 'ok';
  return { status: 401, body: { error: "Couldn't authenticate you" } };
}

/** The agent's email of a token request ("{email}/token:{token}"), or null for a session or OAuth request. */
export function tokenEmail(req: SandboxRequest): string | null {
  const basic = parseBasic(req.headers.authorization);
  return basic ? basic.slice(0, basic.indexOf('/token:')).toLowerCase() : null;
}
