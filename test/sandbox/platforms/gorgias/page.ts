import type { GorgiasState } from './state';

/**
 * The agent's Gorgias tab at /app/ticket/{id} and /app/views/{view}/{id}: navigation with views, the ticket
 * list, and the ticket with its thread and reply box, as a single-page app. The thread follows Gorgias's own
 * published front-end code (see test/fixtures/dom/gorgias-thread-current.html for the sources): a list
 * labelled "Ticket thread", one row per item (class "MessageBubble--messageRow--…", data-variant = the item's
 * tag), inside it the MessageBubble (class "MessageBubble--messageBubble--…", data-variant = regular |
 * from-agent | ai-agent | internal-note), a header (class "Layout--header--…") with the avatar's initials,
 * MessageSender (container, name slot, "<e-mail>" slot) and channel + time, then MessageBody
 * (div.message-content). Customer text is only ever set with textContent.
 */
const PAGE_DATA_BASE = '/__admin/gorgias/page-data/';
const DEFAULT_VIEW = 20;

export interface PageData {
  id: number;
  subject: string;
  status: string;
  customer: { name: string; email: string };
  assignee: string | null;
  team: string | null;
  tags: string[];
  messages: {
    id: number;
    variant: 'regular' | 'from-agent' | 'ai-agent' | 'internal-note';
    sender: string;
    email: string | null;
    channel: string;
    text: string;
    at: string;
  }[];
  tickets: { id: number; subject: string; customer: string; excerpt: string; tags: string[] }[];
  views: { id: number; name: string }[];
}

/** Everything the page shows; null for a ticket that does not exist. */
export function pageData(s: GorgiasState, id: string): PageData | null {
  const t = s.ticket(id);
  if (!t) return null;
  const customer = s.customers.get(t.customerId)!;
  return {
    id: t.id,
    subject: t.subject,
    status: t.status,
    customer: { name: customer.name, email: customer.email },
    assignee: t.assigneeUserId === null ? null : (s.users.get(t.assigneeUserId)?.name ?? null),
    team: t.assigneeTeamId === null ? null : (s.teams.find((x) => x.id === t.assigneeTeamId)?.name ?? null),
    tags: s.tagNames(t),
    messages: t.messages.map((m) => ({
      id: m.id,
      variant: m.channel === 'internal-note' ? 'internal-note' : !m.fromAgent ? 'regular' : s.isBot(m) ? 'ai-agent' : 'from-agent',
      sender: s.senderName(m),
      email: m.channel === 'email' || !m.fromAgent ? s.senderEmail(m) : null,
      channel: m.channel === 'internal-note' ? 'Internal note' : m.channel === 'chat' ? 'Chat' : m.channel,
      // Gorgias's MessageBody shows body_html when there is one, body_text otherwise.
      text: m.bodyHtml.trim() ? htmlText(m.bodyHtml) : m.bodyText,
      at: new Date(Date.parse(m.createdAt)).toISOString(),
    })),
    tickets: [...s.tickets.values()].map((x) => ({
      id: x.id,
      subject: x.subject,
      customer: s.customers.get(x.customerId)!.name,
      excerpt: (x.messages.filter((m) => m.public).at(-1)?.bodyText ?? '').slice(0, 80),
      tags: s.tagNames(x),
    })),
    views: s.views.map((v) => ({ id: v.id, name: v.name })),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
/** What Gorgias shows of an HTML-only message, as plain text for the page's textContent. */
const htmlText = (html: string) =>
  html
    .replace(/<br\s*\/?>|<\/p>|<\/li>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e])
    .trim();

/** /app/ticket/{id} or /app/views/{view}/{id}: the ticket id, else null. */
export const ticketIdInPath = (path: string) => /^\/app\/(?:ticket|views\/\d+)\/(\d+)\/?$/.exec(path)?.[1] ?? null;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON inside a <script> element: nothing in it may close the element. */
const scriptJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export function renderAgentPage(initial: PageData | null): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(initial?.subject ?? 'Ticket not found')} · Gorgias</title>
<style>${CSS}</style></head>
<body>
<div id="root" class="App--app">
  <nav class="Navbar--navbar" aria-label="Main navigation">
    <div class="Navbar--brand"><span class="Navbar--logo" aria-hidden="true"></span>gorgias</div>
    <div class="Navbar--account">acme</div>
    <div class="Navbar--section">Tickets</div>
    <ul class="Navbar--views" id="views"></ul>
  </nav>
  <section class="TicketList--list" aria-label="Ticket list">
    <header class="TicketList--header" id="list-title">Inbox</header>
    <ul id="tickets"></ul>
  </section>
  <main class="TicketDetail--detail" aria-label="Ticket">
    <header class="TicketHeader--header">
      <h1 class="TicketHeader--subject" id="ticket-subject"></h1>
      <div class="TicketHeader--meta"><span id="ticket-customer"></span><span id="ticket-status" class="TicketHeader--status"></span><span id="ticket-assignee"></span><span id="ticket-team"></span></div>
      <ul class="TicketTags--tags" id="ticket-tags" aria-label="Tags"></ul>
    </header>
    <div class="TicketThreadContainer--threadItemsList">
      <div aria-label="Ticket thread" role="list" class="TicketThreadContainer--threadItems" data-testid="virtuoso-scroller" data-virtuoso-scroller="true">
        <div data-viewport-type="element"><div data-testid="virtuoso-item-list" id="thread-items"></div></div>
      </div>
    </div>
    <div class="TicketReply--reply">
      <div class="TicketReply--tabs" role="tablist"><span role="tab" aria-selected="true">Reply</span><span role="tab" aria-selected="false">Internal note</span></div>
      <textarea class="TicketReply--editor" aria-label="Reply" placeholder="Reply to the customer…"></textarea>
      <div class="TicketReply--actions"><button type="button" class="TicketReply--send">Send</button></div>
    </div>
  </main>
</div>
<script type="application/json" id="gorgias-bootstrap">${scriptJson({ dataBase: PAGE_DATA_BASE, defaultView: DEFAULT_VIEW, initial })}</script>
<script>${CLIENT}</script>
</body></html>`;
}

/** Other app pages (settings, a view without a ticket, customers): navigation only, nothing to read. */
export function renderOtherPage(path: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gorgias</title><style>${CSS}</style></head>
<body><div class="App--app"><nav class="Navbar--navbar" aria-label="Main navigation"><div class="Navbar--brand"><span class="Navbar--logo" aria-hidden="true"></span>gorgias</div></nav>
<main class="Settings--page"><h1>Gorgias</h1><p>${esc(path)}</p></main></div></body></html>`;
}

const CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 Inter, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #161616; background: #f7f7f8; }
.App--app { display: flex; min-height: 100vh; }
.Navbar--navbar { width: 208px; flex: none; background: #161616; color: #d6d6da; padding: 14px 10px; }
.Navbar--brand { display: flex; align-items: center; gap: 8px; color: #fff; font-weight: 700; font-size: 18px; letter-spacing: -0.3px; padding: 0 8px; }
.Navbar--logo { width: 18px; height: 18px; border-radius: 50%; background: conic-gradient(#f5a623, #e5484d, #6e56cf, #3e63dd, #f5a623); }
.Navbar--account { padding: 2px 8px 14px 34px; color: #8b8d98; font-size: 12px; }
.Navbar--section { text-transform: uppercase; font-size: 11px; letter-spacing: 0.6px; color: #8b8d98; padding: 6px 8px; }
.Navbar--views { list-style: none; margin: 0; padding: 0; }
.Navbar--views a { display: flex; justify-content: space-between; padding: 6px 8px; border-radius: 6px; color: #d6d6da; text-decoration: none; }
.Navbar--views a:hover, .Navbar--views a[aria-current="page"] { background: #2b2b30; color: #fff; }
.TicketList--list { width: 272px; flex: none; background: #fff; border-right: 1px solid #e4e4e9; }
.TicketList--header { padding: 14px 16px; font-weight: 600; font-size: 16px; border-bottom: 1px solid #e4e4e9; }
.TicketList--list ul { list-style: none; margin: 0; padding: 0; }
.TicketList--list li a { display: block; padding: 10px 16px; border-bottom: 1px solid #f0f0f3; color: inherit; text-decoration: none; }
.TicketList--list li a:hover { background: #f7f7fb; }
.TicketList--list li a[aria-current="page"] { background: #eef0ff; box-shadow: inset 3px 0 0 #4c5ee9; }
.TicketList--customer { font-weight: 600; display: block; }
.TicketList--subject { display: block; font-size: 13px; }
.TicketList--excerpt { display: block; font-size: 12px; color: #6f6e77; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.TicketDetail--detail { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.TicketHeader--header { background: #fff; border-bottom: 1px solid #e4e4e9; padding: 14px 20px 10px; }
.TicketHeader--subject { margin: 0 0 4px; font-size: 20px; font-weight: 600; }
.TicketHeader--meta { display: flex; flex-wrap: wrap; gap: 12px; color: #6f6e77; font-size: 13px; }
.TicketHeader--status { text-transform: capitalize; color: #18794e; font-weight: 600; }
.TicketTags--tags { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 0; padding: 0; }
.TicketTags--tags li { background: #eef0ff; color: #3a45b0; border-radius: 999px; padding: 1px 10px; font-size: 12px; }
.TicketThreadContainer--threadItemsList { flex: 1; padding: 12px 20px; }
.thread-item { padding: 4px 0; display: flex; }
.thread-item[data-align="right"] { justify-content: flex-end; }
[class*="MessageBubble--messageBubble"] { width: 100%; max-width: 720px; background: #fff; border: 1px solid #e4e4e9; border-radius: 10px; padding: 10px 14px; display: flex; flex-direction: column; gap: 6px; }
[class*="MessageBubble--messageBubble"][data-variant="from-agent"] { background: #eef0ff; border-color: #d5daff; }
[class*="MessageBubble--messageBubble"][data-variant="ai-agent"] { background: #f1ecff; border-color: #dcd0ff; }
[class*="MessageBubble--messageBubble"][data-variant="internal-note"] { background: #fff6d9; border-color: #f2d27a; }
[class*="Layout--header"] { display: flex; justify-content: space-between; align-items: center; gap: 8px; font-size: 13px; }
.MessageHeader--who, .MessageHeader--meta { display: flex; align-items: center; gap: 8px; }
[class*="MessageAvatar--avatar"] { width: 24px; height: 24px; border-radius: 50%; background: #d9dbe9; color: #3a3f5c; font-size: 11px; font-weight: 700; display: inline-flex; align-items: center; justify-content: center; }
[data-variant="internal-note"] [class*="MessageAvatar--avatar"] { background: #f2d27a; }
[class*="MessageSender--container"] { display: flex; gap: 4px; } [class*="MessageSender--nameSlot"] { font-weight: 600; } [class*="MessageSender--emailSlot"] { color: #6f6e77; }
[class*="MessageChannel--channel"], [class*="MessageTimestamp--timestamp"] { color: #6f6e77; font-size: 12px; }
.message-content { white-space: pre-wrap; overflow-wrap: anywhere; }
.TicketThread--empty { color: #6f6e77; padding: 24px 0; }
.TicketReply--reply { margin: 0 20px 20px; background: #fff; border: 1px solid #d9d9e0; border-radius: 10px; overflow: hidden; }
.TicketReply--tabs { display: flex; gap: 16px; padding: 8px 14px 0; font-size: 13px; }
.TicketReply--tabs [aria-selected="true"] { font-weight: 600; border-bottom: 2px solid #4c5ee9; padding-bottom: 6px; }
.TicketReply--editor { display: block; width: 100%; min-height: 96px; border: 0; border-top: 1px solid #ececf0; padding: 10px 14px; font: inherit; resize: vertical; }
.TicketReply--actions { display: flex; justify-content: flex-end; padding: 8px 10px; }
.TicketReply--send { background: #4c5ee9; color: #fff; border: 0; border-radius: 6px; padding: 6px 16px; font-weight: 600; }
.Settings--page { padding: 24px; }
`;

/**
 * The page's script. Renders from the bootstrap data at once, then polls the ticket's data every second and
 * re-renders only what changed. Ticket and view links navigate with history.pushState, like the real SPA.
 */
const CLIENT = `
(function () {
  var boot = JSON.parse(document.getElementById('gorgias-bootstrap').textContent);
  var last = '';
  var current = boot.initial;
  var MONTHS = ['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'];
  var CLASSES = {
    row: 'MessageBubble--messageRow--r7u2k',
    bubble: 'MessageBubble--messageBubble--x3k1a',
    header: 'Layout--header--h8d2c',
    avatar: 'MessageAvatar--avatar--p0q7e',
    sender: 'MessageSender--container--s4n9d',
    nameSlot: 'MessageSender--nameSlot--n2m8q',
    nameSlotWithEmail: 'MessageSender--nameSlotWithEmail--n5k1w',
    emailSlot: 'MessageSender--emailSlot--e3j6y',
    channel: 'MessageChannel--channel--c2m5f',
    time: 'MessageTimestamp--timestamp--t6r3b',
    body: 'message-content MessageBody--content--b1v8g'
  };
  var ROW_TAGS = { 'regular': 'message', 'from-agent': 'message', 'ai-agent': 'ai-agent-message', 'internal-note': 'internal-note' };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function route() {
    var m = location.pathname.match(/^\\/app\\/(?:ticket|views\\/(\\d+))\\/(\\d+)\\/?$/);
    return m ? { view: m[1] ? Number(m[1]) : null, id: m[2] } : null;
  }
  function hrefFor(view, id) { return view === null ? '/app/ticket/' + id : '/app/views/' + view + '/' + id; }
  function when(iso) {
    var d = new Date(iso);
    var mm = String(d.getUTCMinutes()); if (mm.length < 2) mm = '0' + mm;
    return MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate() + ', ' + d.getUTCHours() + ':' + mm;
  }
  function initials(name) {
    return name.split(/\\s+/).filter(Boolean).slice(0, 2).map(function (p) { return p[0].toUpperCase(); }).join('');
  }

  function renderNav(data, r) {
    var views = document.getElementById('views');
    views.textContent = '';
    var shown = r.view === null ? boot.defaultView : r.view;
    (data ? data.views : []).forEach(function (v) {
      var li = el('li');
      var a = el('a', null, v.name);
      a.setAttribute('data-spa', '');
      a.href = hrefFor(v.id, r.id);
      if (v.id === shown) { a.setAttribute('aria-current', 'page'); document.getElementById('list-title').textContent = v.name; }
      li.appendChild(a);
      views.appendChild(li);
    });
    var list = document.getElementById('tickets');
    list.textContent = '';
    (data ? data.tickets : []).forEach(function (t) {
      var li = el('li');
      var a = el('a');
      a.setAttribute('data-spa', '');
      a.href = hrefFor(r.view, t.id);
      if (String(t.id) === r.id) a.setAttribute('aria-current', 'page');
      a.appendChild(el('span', 'TicketList--customer', t.customer));
      a.appendChild(el('span', 'TicketList--subject', t.subject));
      a.appendChild(el('span', 'TicketList--excerpt', t.excerpt));
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function renderTicket(data) {
    document.title = (data ? data.subject : 'Ticket not found') + ' · Gorgias';
    document.getElementById('ticket-subject').textContent = data ? data.subject : 'Ticket not found';
    document.getElementById('ticket-customer').textContent = data ? data.customer.name + ' <' + data.customer.email + '>' : '';
    document.getElementById('ticket-status').textContent = data ? data.status : '';
    document.getElementById('ticket-assignee').textContent = data && data.assignee ? 'Assignee: ' + data.assignee : (data ? 'Unassigned' : '');
    document.getElementById('ticket-team').textContent = data && data.team ? 'Team: ' + data.team : '';
    var tags = document.getElementById('ticket-tags');
    tags.textContent = '';
    (data ? data.tags : []).forEach(function (t) { tags.appendChild(el('li', null, t)); });

    var items = document.getElementById('thread-items');
    items.textContent = '';
    if (!data) { items.appendChild(el('div', 'TicketThread--empty', 'This ticket does not exist or was deleted.')); return; }
    data.messages.forEach(function (m, i) {
      var item = el('div', 'thread-item');
      item.setAttribute('data-index', String(i));
      item.setAttribute('data-item-index', String(i));
      item.setAttribute('data-known-size', '0');
      item.setAttribute('data-align', m.variant === 'regular' ? 'left' : 'right');
      var row = el('div', CLASSES.row);
      row.setAttribute('data-variant', ROW_TAGS[m.variant] || 'message');
      var bubble = el('div', CLASSES.bubble);
      bubble.setAttribute('data-variant', m.variant);
      bubble.setAttribute('data-hover-state', 'true');
      var header = el('div', CLASSES.header);
      var who = el('div', 'MessageHeader--who');
      var avatar = el('span', CLASSES.avatar, initials(m.sender));
      avatar.setAttribute('aria-hidden', 'true');
      who.appendChild(avatar);
      var sender = el('div', CLASSES.sender);
      sender.appendChild(el('div', m.email ? CLASSES.nameSlotWithEmail : CLASSES.nameSlot, m.sender));
      if (m.email) sender.appendChild(el('div', CLASSES.emailSlot, '<' + m.email + '>'));
      who.appendChild(sender);
      var meta = el('div', 'MessageHeader--meta');
      var channel = el('span', CLASSES.channel, m.channel);
      channel.setAttribute('role', 'img');
      channel.setAttribute('aria-label', m.channel);
      meta.appendChild(channel);
      var time = el('time', CLASSES.time, when(m.at));
      time.setAttribute('datetime', m.at);
      meta.appendChild(time);
      header.appendChild(who);
      header.appendChild(meta);
      bubble.appendChild(header);
      bubble.appendChild(el('div', CLASSES.body, m.text));
      row.appendChild(bubble);
      item.appendChild(row);
      items.appendChild(item);
    });
  }

  function show(data) {
    var r = route();
    if (!r) return;
    var sig = JSON.stringify([location.pathname, data]);
    if (sig === last) return;
    last = sig;
    current = data;
    renderNav(data, r);
    renderTicket(data);
  }

  function load() {
    var r = route();
    if (!r) return;
    var asked = r.id;
    fetch(boot.dataBase + encodeURIComponent(asked), { credentials: 'same-origin' })
      .then(function (res) { return res.status === 404 ? null : res.ok ? res.json() : undefined; })
      .then(function (data) {
        if (data === undefined) return;
        var now = route();
        if (!now || now.id !== asked) return;
        show(data);
      })
      .catch(function () {});
  }

  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[data-spa]') : null;
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    if (a.getAttribute('href') === location.pathname) return;
    history.pushState({}, '', a.getAttribute('href'));
    var r = route();
    if (current && r && String(current.id) === r.id) show(current); else load();
  });
  window.addEventListener('popstate', load);
  show(current);
  setInterval(load, 1000);
})();
`;
