import { ZodError } from 'zod';
import type { FaultSpec, FaultTable } from './faults';
import type { RateLimits, RateLimitSpec } from './ratelimit';
import type { TrafficLog } from './traffic';
import type { SandboxPlatform, SandboxRequest, SandboxResponse } from './types';

export const ADMIN_PREFIX = '/__admin/';

/** Platform modules may add their own admin routes (append a customer message, page data for the agent page). */
export type SandboxModule = SandboxPlatform & {
  admin?(req: SandboxRequest): SandboxResponse | null | Promise<SandboxResponse | null>;
};

export interface AdminContext {
  modules: SandboxModule[];
  faults: FaultTable;
  traffic: TrafficLog;
  rateLimits: RateLimits;
  reset(): void;
}

const json = (status: number, body?: unknown): SandboxResponse => ({ status, body });
const notFound = (what: string) => json(404, { error: `unknown admin route: ${what}` });

/**
 * The test-facing API under /__admin/ on any host. Requests reach a platform module's own admin() with
 * their full path (/__admin/front/page-data/12), so modules match the same strings their pages fetch.
 */
export async function handleAdmin(ctx: AdminContext, req: SandboxRequest): Promise<SandboxResponse> {
  const rest = req.path.slice(ADMIN_PREFIX.length).replace(/\/+$/, '');
  const [head, ...tail] = rest.split('/');
  const route = `${req.method} ${rest}`;
  const byName = (name: string) => ctx.modules.find((m) => m.name === name);

  switch (head) {
    case 'state': {
      if (req.method !== 'GET') break;
      if (tail.length === 0) return json(200, Object.fromEntries(ctx.modules.map((m) => [m.name, m.state()])));
      const mod = tail.length === 1 ? byName(tail[0]) : undefined;
      return mod ? json(200, mod.state()) : json(404, { error: `no sandbox platform named ${tail.join('/')}` });
    }
    case 'reset':
      if (req.method !== 'POST' || tail.length) break;
      ctx.reset();
      return json(200, { ok: true });
    case 'traffic':
      if (req.method === 'GET' && tail.length === 0) return json(200, ctx.traffic.list());
      if (req.method === 'POST' && tail.join('/') === 'clear') {
        ctx.traffic.clear();
        return json(200, { ok: true });
      }
      break;
    case 'faults':
      return faultRoute(ctx, req, tail);
    case 'rate-limits':
      // {platform, limit?, windowMs?, used?}: the account's budget until the next reset; GET: 429s answered.
      if (req.method === 'GET' && tail.length === 0) return json(200, { rejected: ctx.rateLimits.rejected });
      if (req.method === 'POST' && tail.length === 0) {
        try {
          return json(200, ctx.rateLimits.set(req.body as RateLimitSpec));
        } catch (e) {
          if (e instanceof ZodError) return json(400, { error: 'invalid rate limit', issues: e.issues.map((i) => i.message) });
          throw e;
        }
      }
      break;
    default: {
      const mod = head ? byName(head) : undefined;
      if (!mod?.admin) break;
      return (await mod.admin(req)) ?? notFound(route);
    }
  }
  return notFound(route);
}

function faultRoute(ctx: AdminContext, req: SandboxRequest, tail: string[]): SandboxResponse {
  if (tail.length === 0) {
    if (req.method === 'GET') return json(200, ctx.faults.list());
    if (req.method === 'DELETE') {
      ctx.faults.clear();
      return json(204);
    }
    if (req.method === 'POST') {
      try {
        return json(201, ctx.faults.add(req.body as FaultSpec));
      } catch (e) {
        if (e instanceof ZodError)
          return json(400, { error: 'invalid fault', issues: e.issues.map((i) => `${i.path.join('.') || 'fault'}: ${i.message}`) });
        throw e;
      }
    }
  }
  if (tail.length === 1 && req.method === 'DELETE') {
    return ctx.faults.remove(tail[0]) ? json(204) : json(404, { error: `no fault ${tail[0]}` });
  }
  return notFound(`${req.method} faults/${tail.join('/')}`);
}
