import { describe, expect, it } from 'vitest';
import { frontAdapter } from '@/lib/platforms/front';
import { gorgiasAdapter } from '@/lib/platforms/gorgias';
import { zendeskAdapter } from '@/lib/platforms/zendesk';
import type { PlatformAdapter } from '@/lib/platforms/types';
import type { SetupLine, SetupReport } from '@/lib/schema/setup';
import { runSetupCheck } from '@/lib/setup/run';
import type { SandboxRequest } from '@/test/sandbox/types';
import { frontHarness } from '../platforms/front/helpers';
import { gorgiasHarness } from '../platforms/gorgias/helpers';
import { zendeskHarness } from '../platforms/zendesk/helpers';

const adminCall = (path: string, body: unknown): SandboxRequest => ({
  method: 'POST',
  host: 'sandbox',
  path,
  query: {},
  headers: {},
  body,
  cookies: {},
});
const byId = (r: SetupReport) => Object.fromEntries(r.lines.map((l) => [l.id, l])) as Record<SetupLine['id'], SetupLine>;
/** What customers and colleagues see: conversations and tags, not the sandbox's request counters. */
const visible = (state: unknown) => {
  const { counters: _counters, ...rest } = state as Record<string, unknown>;
  return JSON.stringify(rest);
};
const red = (r: SetupReport) => r.lines.filter((l) => l.state !== 'ok').map((l) => `${l.id}: ${l.detail}`);

/** The checklist from Options: no conversation open, so it finds one itself. */
const fromOptions = <C extends { ref: { conversationId: string } }>(ctx: C): C => ({ ...ctx, ref: { ...ctx.ref, conversationId: '' } });

describe('Check setup on Zendesk', () => {
  it.each(['token', 'session'] as const)('is all green for a full agent (%s) and sends no write at all', async (authMode) => {
    const h = zendeskHarness({ authMode });
    const before = visible(h.sandbox.state());
    const report = await runSetupCheck(zendeskAdapter, fromOptions(h.ctx('1')), 'acme');
    expect(red(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.lines.map((l) => l.id)).toEqual(['identity', 'read', 'bot', 'targets', 'tags', 'writeNote', 'writeTags', 'writeAssign']);
    expect(byId(report).targets.detail).toMatch(/\d+ groups, \d+ agents and \d+ views/);
    // An agent cannot read triggers, so the line says which condition the admin's trigger needs.
    expect(byId(report).bot.detail).toMatch(/only if the trigger that hands it tickets checks that tag: add the condition/);
    expect(h.writes()).toEqual([]);
    expect(visible(h.sandbox.state())).toBe(before);
  });

  it('a light agent may note but not tag or assign, and the line says which permission to ask for', async () => {
    const h = zendeskHarness();
    h.sandbox.admin(adminCall('/__admin/zendesk/role', { roleType: 1 }));
    const lines = byId(await runSetupCheck(zendeskAdapter, h.ctx('1'), 'acme'));
    expect(lines.writeNote.state).toBe('ok');
    expect(lines.writeTags).toMatchObject({ state: 'problem', permission: 'ticket_tag_editing' });
    expect(lines.writeAssign).toMatchObject({ state: 'problem', permission: 'ticket_editing' });
    expect(lines.writeAssign.detail).toMatch(/Ask a Zendesk admin/);
  });

  it('a custom role without tag editing: only the tags line fails, naming ticket_tag_editing; the sandbox refuses that write too', async () => {
    const h = zendeskHarness();
    h.sandbox.admin(adminCall('/__admin/zendesk/role', { configuration: { ticket_tag_editing: false } }));
    const lines = byId(await runSetupCheck(zendeskAdapter, h.ctx('1'), 'acme'));
    expect(lines.writeTags).toMatchObject({ state: 'problem', permission: 'ticket_tag_editing' });
    expect(lines.writeTags.detail).toMatch(/"Support agent" may not edit ticket tags/);
    expect(lines.writeAssign.state).toBe('ok');
    const refused = await h
      .ctx('1')
      .http.call(
        { method: 'PUT', url: 'https://acme.zendesk.com/api/v2/tickets/1.json', body: { ticket: { additional_tags: ['x'] } } },
        { action: 'tag', accept: [403] },
      );
    expect(refused.status).toBe(403);
  });

  it('a wrong API token is one red identity line saying what to check, not a crash', async () => {
    const h = zendeskHarness();
    const ctx = h.ctx('1');
    const report = await runSetupCheck(
      zendeskAdapter,
      { ...ctx, http: zendeskHarness({ authMode: 'session', cookies: {} }).ctx('1').http },
      'acme',
    );
    expect(byId(report).identity.state).toBe('problem');
    expect(report.ok).toBe(false);
  });
});

describe('Check setup on Front', () => {
  it('is all green with a full token, and its only writes are probes that change nothing', async () => {
    const h = frontHarness({ privateAccess: true });
    const before = visible(h.sandbox.state());
    const run = { probes: [] as string[] };
    const report = await runSetupCheck(frontAdapter, fromOptions(h.ctx()), 'app', run);
    expect(red(report)).toEqual([]);
    expect(report.lines.map((l) => l.id)).toEqual([
      'identity',
      'read',
      'bot',
      'targets',
      'tags',
      'privateInboxes',
      'writeNote',
      'writeTags',
      'writeAssign',
    ]);
    const writes = h.exchanges.filter((e) => e.req.method !== 'GET');
    expect(writes.map((e) => `${e.req.method} ${e.req.path} ${JSON.stringify(e.req.body)} → ${e.res?.status}`)).toEqual([
      expect.stringMatching(/^POST \/conversations\/cnv_\w+\/comments \{\} → 400$/),
      expect.stringMatching(/^PATCH \/conversations\/cnv_\w+ \{\} → 204$/),
      'POST /company/tags {} → 400',
    ]);
    expect(run.probes).toHaveLength(3);
    expect(visible(h.sandbox.state())).toBe(before);
  });

  it('a token without private resources: the private-inbox line says so and what to ask for', async () => {
    const h = frontHarness({ privateAccess: false });
    const lines = byId(await runSetupCheck(frontAdapter, h.ctx(), 'app'));
    expect(lines.privateInboxes).toMatchObject({ state: 'problem', permission: 'Private resources' });
    expect(lines.privateInboxes.detail).toMatch(/the token lacks access to private inboxes/i);
    expect(lines.read.state).toBe('ok');
  });

  it('opened on a conversation in a private inbox, the read line names the missing private access', async () => {
    const h = frontHarness({ privateConversations: ['human_request'], privateAccess: false });
    const lines = byId(await runSetupCheck(frontAdapter, h.ctx('human_request'), 'app'));
    expect(lines.read).toMatchObject({ state: 'problem', permission: 'Private resources' });
    expect(lines.read.detail).toMatch(/lacks access to private inboxes/);
  });

  it.each([
    ['comments:write', 'writeNote'],
    ['conversations:write', 'writeAssign'],
    ['tags:write', 'writeTags'],
  ] as const)('a token without %s: the %s line names that scope', async (scope, id) => {
    const all = [
      'conversations:read',
      'conversations:write',
      'messages:read',
      'comments:read',
      'comments:write',
      'tags:read',
      'tags:write',
      'teammates:read',
      'inboxes:read',
      'views:read',
    ];
    const h = frontHarness({ privateAccess: true });
    h.sandbox.admin(adminCall('/__admin/front/token', { scopes: all.filter((s) => s !== scope) }));
    const report = await runSetupCheck(frontAdapter, h.ctx(), 'app');
    const lines = byId(report);
    expect(lines[id]).toMatchObject({ state: 'problem', permission: scope });
    expect(lines[id].detail).toContain(`lacks the ${scope} scope`);
    expect(report.ok).toBe(false);
  });

  it('without "your Front teammate", the note line says to set it', async () => {
    const h = frontHarness({ privateAccess: true, connection: {} });
    const lines = byId(await runSetupCheck(frontAdapter, h.ctx(), 'app'));
    expect(lines.writeNote.state).toBe('problem');
    expect(lines.privateInboxes.state).toBe('unknown');
  });
});

describe('Check setup on Gorgias', () => {
  it.each(['token', 'session'] as const)('is all green for an agent (%s) and writes nothing', async (authMode) => {
    const h = gorgiasHarness({ authMode });
    const before = visible(h.sandbox.state());
    const report = await runSetupCheck(gorgiasAdapter, fromOptions(h.ctx()), 'acme');
    expect(red(report)).toEqual([]);
    expect(h.seen.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(visible(h.sandbox.state())).toBe(before);
  });

  it('an observer agent: tags and assignment fail with the role named; notes stay green', async () => {
    const h = gorgiasHarness();
    h.sandbox.admin(adminCall('/__admin/gorgias/role', { role: 'observer-agent' }));
    const lines = byId(await runSetupCheck(gorgiasAdapter, h.ctx(), 'acme'));
    expect(lines.identity.detail).toMatch(/Observer agent/);
    expect(lines.writeNote.state).toBe('ok');
    expect(lines.writeTags.state).toBe('problem');
    expect(lines.writeAssign.detail).toMatch(/Observer agent role may not edit tickets.*Ask a Gorgias admin/);
  });

  it('a role Baton does not know is reported as unknown, never as green', async () => {
    const h = gorgiasHarness();
    h.sandbox.admin(adminCall('/__admin/gorgias/role', { role: 'custom-role' }));
    const report = await runSetupCheck(gorgiasAdapter, h.ctx(), 'acme');
    expect(byId(report).writeTags.state).toBe('unknown');
    expect(report.ok).toBe(false);
  });
});

describe('the checklist only reads', () => {
  it('a check that tries to write outside a probe is refused before anything is sent', async () => {
    const h = zendeskHarness();
    const sneaky: PlatformAdapter = {
      ...zendeskAdapter,
      async checkSetup(ctx) {
        await ctx.http.call(
          { method: 'PUT', url: 'https://acme.zendesk.com/api/v2/tickets/1.json', body: { ticket: { tags: [] } } },
          { action: 'x' },
        );
        return [];
      },
    };
    await expect(runSetupCheck(sneaky, h.ctx('1'), 'acme')).rejects.toThrow(/only reads/);
    expect(h.writes()).toEqual([]);
  });
});
