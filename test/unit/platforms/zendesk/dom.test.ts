// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { zendeskAdapter } from '@/lib/platforms/zendesk';
import { SCENARIOS } from '@/test/sandbox/scenarios';
import { createZendeskSandbox } from '@/test/sandbox/platforms/zendesk';
import type { BotIdentity } from '@/lib/schema/policy';

// jsdom ships no type declarations; this is the part of its API the tests use.
interface JSDOM {
  window: Window & typeof globalThis;
}
type JSDOMCtor = new (
  html: string,
  options?: { url?: string; runScripts?: 'dangerously'; beforeParse?: (window: Window) => void },
) => JSDOM;
const { JSDOM } = (await import('jsdom' as string)) as { JSDOM: JSDOMCtor };

const NO_IDENTITY: BotIdentity = { ids: [], names: [], emails: [] };
const dom = zendeskAdapter.dom;
const open: JSDOM[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.window.close();
});

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'test/fixtures/dom', name), 'utf8');
function page(html: string, url: string) {
  const d = new JSDOM(`<!doctype html><html><body>${html}</body></html>`, { url });
  open.push(d);
  return d.window.document;
}
const summary = (doc: Document, identity = NO_IDENTITY) =>
  dom.readMessages(doc, identity).map(({ message: m }) => [m.role, m.author?.name, m.text, m.internal]);

describe('Zendesk DOM reader on public-source fixtures', () => {
  it('two open tabs: reads the ticket of the URL, not the hidden tab that comes first', () => {
    const doc = page(fixture('zendesk-workspace-two-tabs.html'), 'https://acme.zendesk.com/agent/tickets/42');
    expect(dom.threadRoot(doc)?.closest('[data-ticket-id]')?.getAttribute('data-ticket-id')).toBe('42');
    expect(dom.layoutAnchor!(doc)?.getAttribute('data-ticket-id')).toBe('42');
    expect(summary(doc)).toEqual([
      ['customer', 'Maria Lopez', 'My blender arrived damaged, order #A-10234.', false],
      ['bot', 'Aissist Bot', 'Sorry to hear that! You can start a return from your account page.', false],
      ['customer', 'Maria Lopez', 'That fails. Please let me talk to a real person.', false],
      ['agent', 'Dana Agent', 'VIP customer, handle today.', true],
    ]);
    const first = dom.readMessages(doc, NO_IDENTITY)[0].message;
    expect(first.author).toEqual({ id: '7002', name: 'Maria Lopez' });
    expect(first.createdAt).toBe('2026-11-20T10:01:00.000Z');
    expect(first.id).toBeUndefined(); // the workspace shows no comment id
  });

  it('reads the hidden tab only when the URL names that ticket, and the visible pane when it names none', () => {
    const hidden = page(fixture('zendesk-workspace-two-tabs.html'), 'https://acme.zendesk.com/agent/tickets/41');
    expect(summary(hidden)).toEqual([['customer', 'Oskar Hidden', 'Where is my invoice for October?', false]]);
    const unknown = page(fixture('zendesk-workspace-two-tabs.html'), 'https://acme.zendesk.com/agent/tickets/99');
    expect(summary(unknown)).toHaveLength(4);
  });

  it('team members by the avatar badge; a bot without one needs its identity (name) from the policy', () => {
    const doc = page(fixture('zendesk-messaging-log.html'), 'https://acme.zendesk.com/agent/tickets/7');
    expect(summary(doc).map((m) => m[0])).toEqual(['customer', 'customer', 'agent']);
    expect(summary(doc, { ids: [], names: ['HappyBot'], emails: [] }).map((m) => m[0])).toEqual(['customer', 'bot', 'agent']);
    expect(summary(doc)[1][1]).toBe('HappyBot');
  });
});

/** Loads the sandbox's agent page in jsdom and runs its script; its data fetches go to the sandbox's admin route. */
async function sandboxPage(url: string) {
  const sb = createZendeskSandbox();
  const u = new URL(url);
  const res = await sb.handle({ method: 'GET', host: u.host, path: u.pathname, query: {}, headers: {}, body: null, cookies: {} });
  expect(res!.headers?.['Set-Cookie']).toMatch(/^_zendesk_session=sandbox-zendesk-session;/);
  const d = new JSDOM(res!.body as string, {
    url,
    runScripts: 'dangerously',
    beforeParse(window) {
      (window as unknown as { fetch: unknown }).fetch = async (input: string) => {
        const path = new URL(input, window.location.href).pathname;
        const answer = sb.admin({ method: 'GET', host: u.host, path, query: {}, headers: {}, body: null, cookies: {} });
        const status = answer?.status ?? 404;
        return { ok: status < 300, status, json: async () => answer?.body };
      };
    },
  });
  open.push(d);
  return d.window;
}

async function until<T>(read: () => T, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  return read();
}

describe('Zendesk DOM reader on the sandbox agent page', () => {
  const texts = (key: string) => SCENARIOS.find((s) => s.key === key)!.messages.map((m) => m.text);

  it('the page opens with another ticket in a hidden tab; the reader reads the visible one', async () => {
    const win = await sandboxPage('https://acme.zendesk.com/agent/tickets/3');
    const doc = win.document;
    const logs = await until(
      () => [...doc.querySelectorAll('[data-test-id="omni-log-container"]')],
      (l) => l.length === 2 && l.every((x) => x.children.length > 0),
    );
    expect(logs.map((l) => l.closest('[data-ticket-id]')!.getAttribute('style') ?? '')).toEqual(['', 'display: none;']);
    const items = dom.readMessages(doc, NO_IDENTITY);
    expect(items.map((i) => i.message.text)).toEqual(texts(SCENARIOS[2].key));
    expect(items[0].message.role).toBe('customer');
    expect(items[1].message.role).toBe('bot');
    expect(items[1].message.author?.id).toBe('900');
  });

  it('after switching tabs in the page, the reader follows the newly visible ticket', async () => {
    const win = await sandboxPage('https://acme.zendesk.com/agent/tickets/3');
    const doc = win.document;
    await until(
      () => dom.readMessages(doc, NO_IDENTITY).length,
      (n) => n > 0,
    );
    (doc.querySelector('a[href="/agent/tickets/5"]') as HTMLAnchorElement).click();
    const read = await until(
      () => dom.readMessages(doc, NO_IDENTITY).map((i) => i.message.text),
      (t) => t[0] === texts(SCENARIOS[4].key)[0],
    );
    expect(read).toEqual(texts(SCENARIOS[4].key));
    const panes = [...doc.querySelectorAll('#main_panes > .workspace')];
    expect(panes.map((p) => [p.getAttribute('data-ticket-id'), (p as HTMLElement).style.display])).toEqual([
      ['3', 'none'],
      ['1', 'none'],
      ['5', ''],
    ]);
    expect(dom.layoutAnchor!(doc)?.getAttribute('data-ticket-id')).toBe('5');
  });
});
