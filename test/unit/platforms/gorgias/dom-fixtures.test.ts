// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gorgiasAdapter } from '@/lib/platforms/gorgias';
import type { BotIdentity } from '@/lib/schema/policy';

const NO_IDENTITY: BotIdentity = { ids: [], names: [], emails: [] };
const fixture = (name: string) => {
  const html = readFileSync(resolve(process.cwd(), 'test/fixtures/dom', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
};
const read = (doc: Document, identity = NO_IDENTITY) =>
  gorgiasAdapter.dom
    .readMessages(doc, identity)
    .map(({ message: m }) => ({ role: m.role, author: m.author, text: m.text, internal: m.internal }));

/** The reader on page snippets rebuilt from Gorgias's own published front-end code (sources in each file). */
describe('Gorgias DOM reader on public-source snippets', () => {
  it('current build: sender, e-mail and body come from their own elements, variants give the roles', () => {
    const doc = fixture('gorgias-thread-current.html');
    expect(gorgiasAdapter.dom.threadRoot(doc)?.getAttribute('role')).toBe('list');
    expect(gorgiasAdapter.dom.layoutAnchor!(doc)?.tagName).toBe('MAIN');
    expect(read(doc)).toEqual([
      {
        role: 'customer',
        author: { name: 'Maria Lopez', email: 'maria@example.com' },
        text: 'Hi, my order #A-10234 arrived broken.\nI want to talk to a real person, please.',
        internal: false,
      },
      { role: 'bot', author: { name: 'Aissist' }, text: 'I can help with returns. Could you share a photo?', internal: false },
      {
        role: 'agent',
        author: { name: 'Dana Agent', email: 'dana@acme.example' },
        text: 'Sorry about that, Maria.\nI am looking into it now.',
        internal: false,
      },
      { role: 'bot', author: { name: 'AI Agent' }, text: 'Handed over: customer asked for a human.', internal: true },
    ]);
  });

  it("the AI Agent's Handover Summary reads as its handoff, not as its summary's words", () => {
    const doc = fixture('gorgias-thread-current.html');
    const ai = doc.querySelector('[data-variant="ai-agent"]')!;
    const summary = ai.cloneNode(true) as Element;
    summary.setAttribute('data-variant', 'ai-agent-handover');
    summary.querySelector('.message-content')!.textContent = 'Summary: the customer asked for a human twice; wants a refund.';
    ai.parentElement!.appendChild(summary);
    const messages = read(doc);
    expect(messages[2]).toEqual({
      role: 'bot',
      author: { name: 'Aissist' },
      text: 'I have handed this ticket over to your team (Gorgias Handover Summary).',
      internal: false,
    });
    expect(messages.map((m) => m.text).join(' ')).not.toContain('asked for a human twice');
  });

  it('the row around each bubble also has a data-variant, yet each message is read once', () => {
    const doc = fixture('gorgias-thread-current.html');
    expect(doc.querySelectorAll('[data-variant]').length).toBe(8);
    expect(gorgiasAdapter.dom.readMessages(doc, NO_IDENTITY)).toHaveLength(4);
  });

  it('a from-agent bubble written by the configured bot identity is the bot', () => {
    const doc = fixture('gorgias-thread-current.html');
    const roles = read(doc, { ids: [], names: [], emails: ['dana@acme.example'] }).map((m) => m.role);
    expect(roles[2]).toBe('bot');
  });

  it('older build: no MessageSender or header classes, body only under .message-content, a note with bare text', () => {
    const doc = fixture('gorgias-thread-legacy.html');
    expect(read(doc)).toEqual([
      { role: 'customer', author: { name: 'Jonas Berg' }, text: 'Where is my refund? This is the third time I ask.', internal: false },
      { role: 'agent', author: { name: 'Sam Lead' }, text: 'Checking with billing.', internal: false },
      { role: 'agent', text: 'Refund was sent on the 14th, ask finance.', internal: true },
    ]);
  });

  it('never glues the header (initials, name, channel, time) into the message text', () => {
    for (const name of ['gorgias-thread-current.html', 'gorgias-thread-legacy.html']) {
      for (const m of read(fixture(name))) {
        expect(m.text).not.toMatch(/Nov 20|Maria Lopez|Jonas Berg|Dana Agent|Sam Lead|<.+@/);
      }
    }
  });
});
