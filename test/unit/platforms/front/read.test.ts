import { describe, expect, it } from 'vitest';
import { createHttpClient } from '@/lib/http/client';
import type { HttpRequest, HttpResponse } from '@/lib/http/types';
import { frontAdapter } from '@/lib/platforms/front';
import { markdownToText } from '@/lib/platforms/front/read';
import { noteBody } from '@/lib/platforms/front/note';
import { expireCaches } from '@/lib/platforms/cache';
import { encodeMarker } from '@/lib/platforms/marker';
import { renderNote } from '@/lib/note/render';
import { NO_IDENTITY } from './helpers';

/** A Front that answers from a table of paths, for shapes the sandbox does not produce. */
function fakeFront(routes: Record<string, HttpResponse['body'] | { status: number; body: unknown }>) {
  expireCaches();
  const seen: string[] = [];
  const http = createHttpClient({
    platformLabel: 'Front',
    sleep: async () => {},
    transport: async (req: HttpRequest): Promise<HttpResponse> => {
      const path = new URL(req.url).pathname;
      seen.push(`${req.method} ${path}`);
      const hit = routes[path];
      if (hit && typeof hit === 'object' && 'status' in (hit as object)) {
        const { status, body } = hit as { status: number; body: unknown };
        return { status, headers: {}, body };
      }
      return hit === undefined
        ? { status: 404, headers: {}, body: { _error: { status: 404, message: 'nope' } } }
        : { status: 200, headers: {}, body: hit };
    },
  });
  const ctx = {
    ref: { platform: 'front' as const, account: 'app', conversationId: 'cnv_1', idIsGuess: false },
    http,
    authMode: 'token' as const,
    botIdentity: NO_IDENTITY,
  };
  return { ctx, seen };
}

const teammate = (id: string, first: string, last: string, type = 'user') => ({
  id,
  first_name: first,
  last_name: last,
  email: `${first.toLowerCase()}@acme.example`,
  type,
});

describe('reading Front shapes', () => {
  it('skips drafts, uses the HTML body when there is no text, and knows an "ai" teammate is the bot', async () => {
    const { ctx } = fakeFront({
      '/conversations/cnv_1': { id: 'cnv_1', subject: 'Hi', tags: [], assignee: null, updated_at: 1700000100.5 },
      '/conversations/cnv_1/messages': {
        _pagination: { next: null },
        _results: [
          {
            id: 'msg_4',
            is_inbound: false,
            created_at: 1700000040,
            draft_mode: 'shared',
            body: '<p>draft reply</p>',
            author: teammate('tea_2', 'Dana', 'Agent'),
          },
          {
            id: 'msg_3',
            is_inbound: false,
            created_at: 1700000030,
            body: '<p>A human reply</p>',
            author: teammate('tea_2', 'Dana', 'Agent'),
          },
          {
            id: 'msg_2',
            is_inbound: false,
            created_at: 1700000020,
            body: '<p>I can help.<br>Order &amp; refund</p>',
            author: teammate('tea_9', 'Helper', '', 'ai'),
          },
          {
            id: 'msg_1',
            is_inbound: true,
            created_at: 1700000010,
            text: 'Hello there',
            body: '<div>Hello there</div>',
            recipients: [{ handle: 'pat@example.com', role: 'from', name: 'Pat' }],
          },
        ],
      },
      '/conversations/cnv_1/comments': {
        _results: [{ id: 'com_1', author: teammate('tea_2', 'Dana', 'Agent'), body: 'Looking \\*now\\*', posted_at: 1700000025 }],
      },
      '/conversations/cnv_1/inboxes': {
        status: 403,
        body: { _error: { status: 403, message: 'Token lacks the required inboxes:read scope' } },
      },
      '/tags': { _results: [] },
    });
    const c = await frontAdapter.read(ctx);
    expect(c.messages.map((m) => [m.id, m.role, m.text, m.internal])).toEqual([
      ['msg_1', 'customer', 'Hello there', false],
      ['msg_2', 'bot', 'I can help.\nOrder & refund', false],
      ['com_1', 'agent', 'Looking *now*', true],
      ['msg_3', 'agent', 'A human reply', false],
    ]);
    expect(c.messages[0].author).toEqual({ name: 'Pat', email: 'pat@example.com' });
    expect(c.messages[0].createdAt).toBe('2023-11-14T22:13:30.000Z');
    // Without inboxes:read the rest is still read; the inbox is unknown rather than "none".
    expect(c.inbox).toBeUndefined();
    expect(c.updatedStamp).toBe('1700000100.5');
  });

  it('a merge answer without a target is a plain sentence, not a loop', async () => {
    const { ctx, seen } = fakeFront({ '/conversations/cnv_1': { status: 301, body: null } });
    await expect(frontAdapter.read(ctx)).rejects.toThrow(/merged into another one but not which/);
    // Asked once, not followed again and again (the messages and comments go out with it on a first read).
    expect(seen.filter((r) => r === 'GET /conversations/cnv_1')).toHaveLength(1);
  });
});

describe('the note as a Front comment (Markdown built from the shared rendering)', () => {
  it('reads back as the plain-text twin the sidebar previews, marker included', () => {
    const note = 'Order #A-1 * 2 = $5.00 (paid) [sic] _x_ `y` ~z~ | a > b < c & d\n1. step\n- item\n# title\n\nNew paragraph! ![i](u)';
    const body = noteBody(note, 'bt1');
    expect(body.endsWith(encodeMarker('bt1'))).toBe(true);
    expect(markdownToText(body)).toBe(renderNote(note).text + encodeMarker('bt1'));
  });

  it("keeps the template's bold and list as Markdown, so Front shows them formatted, not as asterisks", () => {
    const body = noteBody('**Escalation**: customer wants a human\n- Order: #A-1\n- Said: <b>now</b>', 'bt1');
    expect(body).toMatch(/^\*\*Escalation\*\*: customer wants a human\n\n- Order: \\#A-1\n- Said: &lt;b&gt;now&lt;\/b&gt;/);
    expect(markdownToText(body)).toBe('Escalation: customer wants a human\n\n- Order: #A-1\n- Said: <b>now</b>' + encodeMarker('bt1'));
  });

  it('leaves no Markdown or HTML construct able to form from quoted text', () => {
    const body = noteBody('<b>x</b> [a](http://e) ![b](http://e) <http://e> `code` # h\n> quote\n---\n1) one', 'bt1');
    expect(body).not.toMatch(/[<>]/);
    expect(body).not.toMatch(/(^|[^\\])[[\]()`*_#]/m);
    // An escaped first dash is enough: the line can no longer be a rule or a heading underline.
    expect(body).toMatch(/\n\\---/);
  });
});
