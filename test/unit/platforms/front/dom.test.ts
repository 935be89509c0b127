// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frontAdapter } from '@/lib/platforms/front';
import { noteBody } from '@/lib/platforms/front/note';
import { apiIdToNumeric } from '@/test/fixtures/urls';
import { hasMarker } from '@/lib/platforms/marker';
import { createFrontSandbox, frontConversation, frontPageUrls, FRONT_SANDBOX } from '@/test/sandbox/platforms/front';
import type { SandboxRequest } from '@/test/sandbox/types';
import { SCENARIOS } from '@/test/sandbox/scenarios';

// jsdom ships no type declarations; this is the part of its API the tests use.
interface JSDOM {
  window: Window & typeof globalThis;
}
type JSDOMCtor = new (
  html: string,
  options?: { url?: string; runScripts?: 'dangerously'; beforeParse?: (window: Window) => void },
) => JSDOM;
const { JSDOM } = (await import('jsdom' as string)) as { JSDOM: JSDOMCtor };

const NO_IDENTITY = { ids: [], names: [], emails: [] };
const open: JSDOM[] = [];
afterEach(() => {
  for (const dom of open.splice(0)) dom.window.close();
});

/** The sandbox's agent page in jsdom with its own script running; its data requests go to the sandbox. */
async function loadPage(url: string) {
  const sb = createFrontSandbox();
  const res = (await sb.handle({
    method: 'GET',
    host: 'app.frontapp.com',
    path: new URL(url).pathname,
    query: {},
    headers: {},
    body: null,
    cookies: {},
  }))!;
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

const fixture = (name: string) => {
  const dom = new JSDOM(`<!doctype html><html><body>${readFileSync(join(process.cwd(), 'test/fixtures/dom', name), 'utf8')}</body></html>`);
  open.push(dom);
  return dom.window.document;
};

describe('Front DOM reader on page snippets rebuilt from public sources', () => {
  it('reads who said what from [data-testid="conversation"], without gluing attachment names into the text', () => {
    const doc = fixture('front-conversation-attachments.html');
    expect(frontAdapter.dom.threadRoot(doc)?.getAttribute('data-testid')).toBe('conversation');
    const read = frontAdapter.dom.readMessages(doc, NO_IDENTITY);
    expect(read.map((r) => [r.message.id, r.message.role, r.message.author?.name, r.message.text, r.message.internal])).toEqual([
      ['msg_1q15qmtq', 'customer', 'Maria Lopez', 'The blender arrived broken. Photo attached. Can I talk to a person?', false],
      ['msg_1q15qmtr', 'bot', 'Aissist Bot', "I'm sorry about that. I am handing you over to our returns team.", false],
      ['com_1ywg3f2', 'agent', 'Dana Agent', 'Taking this one.', true],
    ]);
    expect(read[0].message.createdAt).toBe('2026-11-20T10:01:00.000Z');
    expect(read[0].element.querySelector('[data-testid^="attachment-base-"]')).not.toBeNull();
  });

  it('reads the visible conversation when another is kept hidden, and sits beside body > .layer', () => {
    const doc = fixture('front-kenchi-layer.html');
    const read = frontAdapter.dom.readMessages(doc, { ...NO_IDENTITY, names: ['Support Assistant'] });
    expect(read.map((r) => [r.message.role, r.message.text])).toEqual([
      ['customer', 'Where is my order #A-77?'],
      ['bot', 'It ships tomorrow.'],
    ]);
    // The "Reply" button of the action zone is not part of the message.
    expect(read[0].message.text).not.toMatch(/Reply/);
    expect(frontAdapter.dom.layoutAnchor!(doc)?.className).toBe('layer');
  });

  it('has nothing to read on a page that is not a conversation', () => {
    const doc = new JSDOM('<main><p>Settings</p></main>').window.document;
    expect(frontAdapter.dom.threadRoot(doc)).toBeNull();
    expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY)).toEqual([]);
  });
});

describe('Front DOM reader on the sandbox page', () => {
  it('reads who said what from the conversation, in order', async () => {
    const { doc } = await loadPage(frontPageUrls('human_request').open);
    expect(frontAdapter.dom.threadRoot(doc)?.getAttribute('data-testid')).toBe('conversation');
    expect(frontAdapter.dom.layoutAnchor!(doc)?.matches('body > .layer')).toBe(true);
    const read = frontAdapter.dom.readMessages(doc, NO_IDENTITY);
    expect(read.map((r) => [r.message.role, r.message.author?.name, r.message.text, r.message.internal])).toEqual([
      ['customer', 'Maria Lopez', texts('human_request')[0], false],
      ['bot', 'Aissist Bot', texts('human_request')[1], false],
      ['customer', 'Maria Lopez', texts('human_request')[2], false],
    ]);
    expect(read[0].message.id).toMatch(/^msg_/);
    expect(read[0].message.createdAt).toMatch(/^2026-11-20T/);
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
    expect(read[2].element.getAttribute('data-testid')).toMatch(/^viewer-comment-com_/);
    expect(read[2].message.id).toMatch(/^com_/);
    const asBot = frontAdapter.dom.readMessages(doc, { ...NO_IDENTITY, names: ['Dana Agent'] });
    expect(asBot[3].message.role).toBe('bot');
  });

  it('shows customer markup as text, never as elements', async () => {
    const { doc } = await loadPage(frontPageUrls('injection').open);
    expect(doc.querySelector('[data-testid="conversation"] img, [data-testid="conversation"] script')).toBeNull();
    expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY)[0].message.text).toBe(texts('injection')[0]);
  });

  it('a new message in the thread wakes an observer on threadRoot (the re-check), after SPA navigation too', async () => {
    const { sb, dom, doc } = await loadPage(frontPageUrls('human_request').open);
    const other = frontConversation('tracking_resolved').id;
    (doc.querySelector(`a[href="/open/${other}"]`) as HTMLElement).click();
    expect(dom.window.location.pathname).toBe(`/open/${other}`);
    await vi.waitFor(
      () => expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY).map((r) => r.message.text)).toEqual(texts('tracking_resolved')),
      { timeout: 3000 },
    );

    // What the content script does: observe the thread root and count messages on each mutation.
    const root = frontAdapter.dom.threadRoot(doc)!;
    const counts: number[] = [];
    const observer = new dom.window.MutationObserver(() => counts.push(frontAdapter.dom.readMessages(doc, NO_IDENTITY).length));
    observer.observe(root, { childList: true, subtree: true });
    sb.admin({
      method: 'POST',
      host: 'app.frontapp.com',
      path: `/__admin/front/conversations/${other}/messages`,
      query: {},
      headers: {},
      body: { role: 'customer', text: 'One more thing.' },
      cookies: {},
    });
    await vi.waitFor(() => expect(counts).toContain(texts('tracking_resolved').length + 1), { timeout: 3000 });
    observer.disconnect();
    expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY).at(-1)?.message.text).toBe('One more thing.');

    // A folder address is not a conversation: the thread empties.
    (doc.querySelector(`a[href="/inboxes/teams/folders/${FRONT_SANDBOX.inboxes.returns.numericId}/unassigned"]`) as HTMLElement).click();
    await vi.waitFor(() => expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY)).toEqual([]), { timeout: 3000 });
    expect(frontAdapter.detect(dom.window.location.href)).toBeNull();
  });

  it('a personal-inbox address opens the conversation; a multi-selection shows none', async () => {
    const { numericId } = frontConversation('bot_handoff');
    const dana = FRONT_SANDBOX.teammates.dana.id;
    const personal = `https://app.frontapp.com/inboxes/teammates/${apiIdToNumeric(dana)}/inbox/all/${numericId}`;
    const { doc, dom } = await loadPage(personal);
    await vi.waitFor(
      () => expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY).map((r) => r.message.text)).toEqual(texts('bot_handoff')),
      { timeout: 3000 },
    );
    expect(frontAdapter.detect(personal)?.conversationId).toBe(frontConversation('bot_handoff').id);

    dom.window.history.pushState({}, '', `/inboxes/teammates/${apiIdToNumeric(dana)}/inbox/all/${numericId},${numericId + 1}`);
    dom.window.dispatchEvent(new dom.window.PopStateEvent('popstate'));
    await vi.waitFor(() => expect(doc.querySelector('[data-testid="bulk-actions"]')?.textContent).toBe('2 conversations selected'), {
      timeout: 3000,
    });
    expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY)).toEqual([]);
    expect(frontAdapter.detect(dom.window.location.href)).toBeNull();
  });

  it("shows Baton's note as Front renders its Markdown: the agent's words, bold without asterisks", async () => {
    const { sb, doc } = await loadPage(frontPageUrls('injection').open);
    const note = '**Escalation** Customer wrote <img src=x onerror=alert(1)> [link](https://evil.example) #A-99887 I\'m "upset"';
    const id = frontConversation('injection').id;
    await sb.handle({
      method: 'POST',
      host: 'api2.frontapp.com',
      path: `/conversations/${id}/comments`,
      query: {},
      headers: { authorization: `Bearer ${FRONT_SANDBOX.token}` },
      body: { body: noteBody(note, 'btmarker1') },
      cookies: {},
    });
    await vi.waitFor(() => expect(frontAdapter.dom.readMessages(doc, NO_IDENTITY).at(-1)?.message.internal).toBe(true), { timeout: 3000 });
    const comment = frontAdapter.dom.readMessages(doc, NO_IDENTITY).at(-1)!;
    expect(comment.message.text.replace(/[\u200b\u200c\u2060]/g, '')).toBe(
      'Escalation Customer wrote <img src=x onerror=alert(1)> [link](https://evil.example) #A-99887 I\'m "upset"',
    );
    expect(hasMarker(comment.message.text, 'btmarker1')).toBe(true);
    expect(comment.element.querySelector('img, a')).toBeNull();
  });
});
