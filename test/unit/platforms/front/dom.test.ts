// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frontAdapter } from '../../../../lib/platforms/front';
import { noteBody } from '../../../../lib/platforms/front/note';
import { hasMarker } from '../../../../lib/platforms/marker';
import { createFrontSandbox, frontConversation, frontPageUrls, FRONT_SANDBOX } from '../../../sandbox/platforms/front';
import type { SandboxRequest } from '../../../sandbox/types';
import { SCENARIOS } from '../../../sandbox/scenarios';

// jsdom ships no type declarations; this is the part of its API the tests use.
interface JSDOM {
  window: Window & typeof globalThis;
}
type JSDOMCtor = new (html: string, options?: { url?: string; runScripts?: 'dangerously'; beforeParse?: (window: Window) => void }) => JSDOM;
const { JSDOM } = (await import('jsdom' as string)) as { JSDOM: JSDOMCtor };

const NO_IDENTITY = { ids: [], names: [], emails: [] };
const open: JSDOM[] = [];
afterEach(() => {
  for (const dom of open.splice(0)) dom.window.close();
});

/** The sandbox's agent page in jsdom with its own script running; its data requests go to the sandbox. */
async function loadPage(url: string) {
  const sb = createFrontSandbox();
  const res = (await sb.handle({ method: 'GET', host: 'app.frontapp.com', path: new URL(url).pathname, query: {}, headers: {}, body: null, cookies: {} }))!;
  const dom = new JSDOM(res.body as string, {
    url,
    runScripts: 'dangerously',
    beforeParse(window) {
      (window as unknown as { fetch: unknown }).fetch = async (input: string) => {
        const u = new URL(input, url);
        const req: SandboxRequest = { method: 'GET', host: u.host, path: u.pathname, query: {}, headers: {}, body: null, cookies: {} };
        const out = sb.admin(req);
        return { ok: out?.status === 200, json: async () => out?.body };
      };
    },
  });
  open.push(dom);
  return { sb, dom, doc: dom.window.document };
}

const texts = (key: string) => SCENARIOS.find((s) => s.key === key)!.messages.map((m) => m.text);

describe('Front DOM reader on the sandbox page', () => {
  it('reads who said what from the conversation pane, in order', async () => {
    const { doc } = await loadPage(frontPageUrls('human_request').open);
    expect(frontAdapter.dom.threadRoot(doc)?.getAttribute('role')).toBe('log');
    expect(frontAdapter.dom.layoutAnchor!(doc)?.tagName).toBe('MAIN');
    const read = frontAdapter.dom.readMessages(doc, NO_IDENTITY);
    expect(read.map((r) => [r.message.role, r.message.author?.name, r.message.text, r.message.internal])).toEqual([
      ['customer', 'Maria Lopez', texts('human_request')[0], false],
      ['bot', 'Aissist Bot', texts('human_request')[1], false],
      ['customer', 'Maria Lopez', texts('human_request')[2], false],
    ]);
    expect(read[0].message.id).toMatch(/^msg_/);
    expect(read[0].message.createdAt).toMatch(/^2026-11-20T/);
    expect(read.every((r) => r.element.closest('main.conversation-pane'))).toBe(true);
  });

  it('keeps internal comments distinct, and honours the bot identity', async () => {
    const { doc } = await loadPage(frontPageUrls('agent_handling').inbox);
    const read = frontAdapter.dom.readMessages(doc, NO_IDENTITY);
    expect(read.map((r) => [r.message.role, r.message.internal])).toEqual([
      ['customer', false],
      ['bot', false],
      ['agent', true],
      ['agent', false],
      ['customer', false],
    ]);
    expect(read[2].element.matches('article.comment')).toBe(true);
    expect(read[2].message.id).toMatch(/^com_/);
    const asBot = frontAdapter.dom.readMessages(doc, { ...NO_IDENTITY, names: ['Dana Agent'] });
    expect(asBot[3].message.role).toBe('bot');
  });

  it('shows customer markup as text, never as elements', async () => {
    const { doc } = await loadPage(frontPageUrls('injection').open);
    expect(doc.querySelector('.conversation-timeline img, .conversation-timeline script')).toBeNull();
    expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY)[0].message.text).toBe(texts('injection')[0]);
  });

  it('follows single-page navigation and picks up new messages by polling', async () => {
    const { sb, dom, doc } = await loadPage(frontPageUrls('human_request').open);
    const other = frontConversation('tracking_resolved').id;
    (doc.querySelector(`a[href="/open/${other}"]`) as HTMLElement).click();
    expect(dom.window.location.pathname).toBe(`/open/${other}`);
    await vi.waitFor(() => expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY).map((r) => r.message.text)).toEqual(texts('tracking_resolved')), { timeout: 3000 });
    expect(doc.querySelector('.conversation-list-item.active')?.getAttribute('data-conversation-id')).toBe(other);

    sb.admin({ method: 'POST', host: 'app.frontapp.com', path: `/__admin/front/conversations/${other}/messages`, query: {}, headers: {}, body: { role: 'customer', text: 'One more thing.' }, cookies: {} });
    await vi.waitFor(() => expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY).at(-1)?.message.text).toBe('One more thing.'), { timeout: 3000 });

    // A folder address is not a conversation: the pane empties.
    (doc.querySelector(`a[href="/inboxes/teams/folders/${FRONT_SANDBOX.inboxes.returns.numericId}/unassigned"]`) as HTMLElement).click();
    await vi.waitFor(() => expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY)).toEqual([]), { timeout: 3000 });
    expect(frontAdapter.detect(dom.window.location.href)).toBeNull();
  });

  it("shows Baton's note as Front renders its Markdown: the agent's words, no escapes", async () => {
    const { sb, doc } = await loadPage(frontPageUrls('injection').open);
    const note = 'Customer wrote <img src=x onerror=alert(1)> [link](https://evil.example) #A-99887 I\'m "upset"\n- not a list';
    const id = frontConversation('injection').id;
    await sb.handle({ method: 'POST', host: 'api2.frontapp.com', path: `/conversations/${id}/comments`, query: {}, headers: { authorization: `Bearer ${FRONT_SANDBOX.token}` }, body: { body: noteBody(note, 'btmarker1') }, cookies: {} });
    await vi.waitFor(() => expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY).at(-1)?.message.internal).toBe(true), { timeout: 3000 });
    const comment = frontAdapter.dom.readMessages(doc, NO_IDENTITY).at(-1)!;
    expect(comment.message.text.replace(/[\u200b\u200c\u2060]/g, '')).toBe(note);
    expect(hasMarker(comment.message.text, 'btmarker1')).toBe(true);
    expect(comment.element.querySelector('img, a')).toBeNull();
  });

  it('has nothing to read on a page that is not a conversation', () => {
    const doc = new JSDOM('<main><p>Settings</p></main>').window.document;
    expect(frontAdapter.dom.threadRoot(doc)).toBeNull();
    expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY)).toEqual([]);
  });
});
