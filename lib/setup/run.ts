import type { HttpClient } from '../http/client';
import type { HttpRequest, HttpResponse } from '../http/types';
import type { AdapterContext, PlatformAdapter, SetupTools } from '../platforms/types';
import { SETUP_LINE_IDS, type SetupLine, type SetupReport } from '../schema/setup';
import { line, ok } from '../platforms/check-lines';

/**
 * Refuses every write the checklist did not declare as a probe. A probe is a write the helpdesk refuses
 * (invalid body) or that changes nothing (an empty update), so its status tells whether the permission
 * exists without touching a conversation. A check that tried anything else would fail loudly here rather
 * than post a note or change a ticket.
 */
function readOnlyClient(http: HttpClient, probes: WeakSet<HttpRequest>): HttpClient {
  const allowed = (req: HttpRequest) => req.method === 'GET' || probes.has(req);
  const refuse = (req: HttpRequest) => Promise.reject(new Error(`Check setup refused to send ${req.method} ${req.url}: it only reads.`));
  return {
    call: (req, opts) => (allowed(req) ? http.call(req, opts) : refuse(req)),
    paginate: (first, opts) => (allowed(first) ? http.paginate(first, opts) : refuse(first)),
  };
}

export interface SetupRun {
  /** Every probe the check sent, as "METHOD url", for the report's tests and the traffic log. */
  probes: string[];
}

/** The checklist for one helpdesk account: the platform's own checks, or the generic ones it supports. */
export async function runSetupCheck(
  adapter: PlatformAdapter,
  ctx: AdapterContext,
  account: string,
  run: SetupRun = { probes: [] },
): Promise<SetupReport> {
  const probes = new WeakSet<HttpRequest>();
  const http = readOnlyClient(ctx.http, probes);
  const tools: SetupTools = {
    probe(req: HttpRequest, action: string): Promise<HttpResponse> {
      probes.add(req);
      run.probes.push(`${req.method} ${req.url}`);
      // Every status is an answer here: 403 is the permission missing, 400/404/422 the write refused after it.
      return http.call(req, { action, idempotent: true, accept: [400, 401, 403, 404, 405, 409, 422] });
    },
  };
  const safe: AdapterContext = { ...ctx, http };
  const lines = adapter.checkSetup ? await adapter.checkSetup(safe, tools) : await genericLines(adapter, safe);
  const order = (l: SetupLine) => SETUP_LINE_IDS.indexOf(l.id);
  const sorted = [...lines].sort((a, b) => order(a) - order(b));
  return {
    platform: ctx.ref.platform,
    account,
    lines: sorted,
    ok: sorted.length > 0 && sorted.every((l) => l.state === 'ok'),
    checkedAt: new Date().toISOString(),
  };
}

/** For an adapter without its own checks: who it acts as and what it can list. */
async function genericLines(adapter: PlatformAdapter, ctx: AdapterContext): Promise<SetupLine[]> {
  const [who, targets] = await Promise.all([
    line('identity', async () => {
      const me = await adapter.whoAmI(ctx);
      return ok('identity', `Signed in as ${me.name}${me.email ? ` (${me.email})` : ''}.`);
    }),
    line('targets', async () => ok('targets', `${(await adapter.listTargets(ctx)).length} targets listed.`)),
  ]);
  return [...who, ...targets];
}
