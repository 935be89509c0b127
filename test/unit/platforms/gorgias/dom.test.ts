// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gorgiasAdapter } from '@/lib/platforms/gorgias';
import type { BotIdentity } from '@/lib/schema/policy';
import { createGorgiasSandbox, gorgiasPageUrl, gorgiasTicketId, type GorgiasSandbox } from '@/test/sandbox/platforms/gorgias';
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

const NO_IDENTITY: BotIdentity = { ids: [], names: [], emails: [] };
const dom = gorgiasAdapter.dom;
const open: JSDOM[] = [];

afterEach(() => {
  for (const d of open.splice(0)) d.window.close();
});

/**
 * Loads the sandbox's agent page in jsdom and runs its own script; the page's fetch of its data goes to
 * the sandbox's admin route, like the browser's would.
 */
async function loadPage(sb: GorgiasSandbox, url: string) {
  const u = new URL(url);
  const res = await sb.handle({ method: 'GET', host: u.host, path: u.pathname, query: {}, headers: {}, body: null, cookies: {} });
  const page = new JSDOM(res!.body as string, {
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
  open.push(page);
  return page;
}

const seed = (key: string) => SCENARIOS.find((s) => s.key === key)!;

describe('Gorgias DOM reader on the agent page', () => {
  it('finds the thread and reads who said what, in order', async () => {
    const sb = createGorgiasSandbox();
    const page = await loadPage(sb, gorgiasPageUrl('human_request'));
    const doc = page.window.document;
    expect(dom.threadRoot(doc)?.getAttribute('role')).toBe('list');
    expect(dom.layoutAnchor!(doc)?.getAttribute('aria-label')).toBe('Ticket');
    const items = dom.readMessages(doc, NO_IDENTITY);
    expect(items.map((i) => [i.message.role, i.message.author?.name, i.message.text, i.message.internal])).toEqual([
      ['customer', 'Maria Lopez', seed('human_request').messages[0].text, false],
      ['bot', 'Aissist Bot', seed('human_request').messages[1].text, false],
      ['customer', 'Maria Lopez', seed('human_request').messages[2].text, false],
    ]);
    expect(items.every((i) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/.test(i.message.createdAt!))).toBe(true);
    expect(items[1].element.getAttribute('data-variant')).toBe('ai-agent');
    expect(items[0].element.className).toMatch(/^MessageBubble--messageBubble--/);
    // Like the real app: a row around each bubble with its own data-variant, the sender's e-mail in its own
    // slot, the body under .message-content. Sender and body are read apart.
    expect(items[0].element.parentElement!.className).toMatch(/^MessageBubble--messageRow--/);
    expect(items[0].message.author).toEqual({ name: 'Maria Lopez', email: expect.stringMatching(/@/) });
    expect(items[0].element.querySelector('[class*="MessageSender--emailSlot"]')!.textContent).toMatch(/^<.+@.+>$/);
    for (const i of items) expect(i.message.text).not.toMatch(/Maria Lopez|Aissist Bot|<.+@|Chat/);
  });

  it('reads the same roles as the API for every seeded ticket', async () => {
    const sb = createGorgiasSandbox();
    for (const s of SCENARIOS) {
      const page = await loadPage(sb, gorgiasPageUrl(s.key, 20));
      expect(dom.readMessages(page.window.document, NO_IDENTITY).map((i) => [i.message.role, i.message.text])).toEqual(
        s.messages.map((m) => [m.role, m.text]),
      );
    }
  });

  it('shows internal notes distinctly and reads them as internal', async () => {
    const sb = createGorgiasSandbox();
    const t = sb.raw.ticket(gorgiasTicketId('bot_handoff'))!;
    sb.raw.addMessage(t, {
      channel: 'internal-note',
      via: 'api',
      fromAgent: true,
      sender: { kind: 'user', id: 101 },
      bodyText: 'Escalated to billing.',
      bodyHtml: '<p>Escalated to billing.</p>',
      public: false,
    });
    const page = await loadPage(sb, gorgiasPageUrl('bot_handoff'));
    const last = dom.readMessages(page.window.document, NO_IDENTITY).at(-1)!;
    expect(last.message).toMatchObject({ role: 'agent', internal: true, text: 'Escalated to billing.', author: { name: 'Dana Agent' } });
    expect(last.element.getAttribute('data-variant')).toBe('internal-note');
    expect(last.element.textContent).toContain('Internal note');
  });

  it('renders customer text as text: no element comes from it', async () => {
    const sb = createGorgiasSandbox();
    const page = await loadPage(sb, gorgiasPageUrl('injection'));
    const doc = page.window.document;
    expect(doc.querySelector('[aria-label="Ticket thread"] img')).toBeNull();
    expect(dom.readMessages(doc, NO_IDENTITY)[0].message.text).toContain('<img src=x onerror="alert(1)">');
  });

  it('navigates between tickets without a reload, and shows new messages by polling', async () => {
    const sb = createGorgiasSandbox();
    const page = await loadPage(sb, gorgiasPageUrl('human_request', 21));
    const { window } = page;
    (window as any).__sameDocument = true;
    const link = [...window.document.querySelectorAll<HTMLAnchorElement>('#tickets a')].find((a) =>
      a.textContent!.includes('Where is my order?'),
    )!;
    expect(link.getAttribute('href')).toBe(`/app/views/21/${gorgiasTicketId('tracking_resolved')}`);
    link.dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    expect(window.location.pathname).toBe(`/app/views/21/${gorgiasTicketId('tracking_resolved')}`);
    await vi.waitFor(() => expect(window.document.getElementById('ticket-subject')!.textContent).toBe('Where is my order?'));
    expect((window as any).__sameDocument).toBe(true);
    expect(dom.readMessages(window.document, NO_IDENTITY).map((i) => i.message.text)).toEqual(
      seed('tracking_resolved').messages.map((m) => m.text),
    );

    sb.addMessage(gorgiasTicketId('tracking_resolved'), 'customer', 'It still has not arrived. Can a human help?');
    await vi.waitFor(() => expect(dom.readMessages(window.document, NO_IDENTITY)).toHaveLength(4), { timeout: 3000 });
    expect(dom.readMessages(window.document, NO_IDENTITY).at(-1)!.message).toMatchObject({
      role: 'customer',
      text: 'It still has not arrived. Can a human help?',
    });
  });

  it('has no thread on pages that are not a ticket, and keeps the reply box outside the thread', async () => {
    const sb = createGorgiasSandbox();
    const other = await loadPage(sb, 'https://acme.gorgias.com/app/settings');
    expect(dom.threadRoot(other.window.document)).toBeNull();
    expect(dom.readMessages(other.window.document, NO_IDENTITY)).toEqual([]);
    const page = await loadPage(sb, gorgiasPageUrl('human_request'));
    const reply = page.window.document.querySelector('textarea')!;
    expect(reply).not.toBeNull();
    expect(dom.threadRoot(page.window.document)!.contains(reply)).toBe(false);
    // Normal flow: nothing fixed across the page, so a sidebar can take room on the right.
    expect(page.window.document.querySelector('style')!.textContent).not.toMatch(/position:\s*fixed/);
  });
});

describe('Gorgias DOM reader on older guessed markup (no MessageSender/MessageBody classes it knows)', () => {
  it('reads bubbles by their CSS-module class and data-variant, including Gorgias AI Agent', () => {
    const page = new JSDOM(`<!doctype html><body>
      <div aria-label="Ticket thread" role="list" data-testid="virtuoso-scroller"><div data-viewport-type="element"><div data-testid="virtuoso-item-list">
        <div data-index="0" data-item-index="0"><div class="MessageBubble--messageBubble--a1B2c Box--box" data-variant="regular">
          <div class="MessageHeader--container--z9"><span class="MessageSender--sender--q1">Ann Buyer</span><time datetime="2026-01-02T03:04:05Z">3:04</time></div>
          <div class="MessageBody--body--x1">Where is my parcel?</div></div></div>
        <div data-index="1" data-item-index="1"><div class="MessageBubble--messageBubble--a1B2c" data-variant="ai-agent">
          <div class="MessageHeader--container--z9"><span class="MessageSender--sender--q1">AI Agent</span></div>
          <div class="MessageBody--body--x1">It ships today.</div></div></div>
        <div data-index="2" data-item-index="2"><div class="MessageBubble--messageBubble--a1B2c" data-variant="from-agent">
          <div class="MessageHeader--container--z9"><span class="MessageSender--sender--q1">Lee Human</span></div>
          <div class="MessageBody--body--x1">Checking with the warehouse.</div></div></div>
        <div data-index="3" data-item-index="3"><div class="MessageBubble--messageBubble--a1B2c" data-variant="internal-note">
          <header><span class="MessageSender--sender--q1">Lee Human</span></header>
          <div>Carrier lost it.</div></div></div>
      </div></div></div></body>`);
    const items = dom.readMessages(page.window.document, NO_IDENTITY);
    expect(items.map((i) => [i.message.role, i.message.author?.name, i.message.text, i.message.internal])).toEqual([
      ['customer', 'Ann Buyer', 'Where is my parcel?', false],
      ['bot', 'AI Agent', 'It ships today.', false],
      ['agent', 'Lee Human', 'Checking with the warehouse.', false],
      ['agent', 'Lee Human', 'Carrier lost it.', true],
    ]);
    expect(items[0].message.createdAt).toBe('2026-01-02T03:04:05.000Z');
    // The policy's bot identity applies to the page too.
    expect(dom.readMessages(page.window.document, { ids: [], names: ['Lee Human'], emails: [] })[2].message.role).toBe('bot');
  });
});
