import type { SandboxStore } from '../common';
import type { TicketSide } from './bots';

/**
 * The Agent Workspace page at /agent/tickets/{id}, rebuilt from what public userscripts that run on the
 * real workspace rely on (sources: docs/notes/zendesk.md, test/fixtures/dom/zendesk-*.html):
 * - main#main_panes holds one div.workspace[data-ticket-id] per open ticket tab; switching tabs hides the
 *   others with display:none but keeps their DOM. The page opens with one other ticket already open in a
 *   background tab; after a switch to another ticket the first pane in the document is a hidden one, so a
 *   reader that takes the first log reads the wrong ticket (the visible pane comes first on load only so that
 *   page-wide queries such as "the first textarea" still find the visible composer);
 * - the conversation div carries data-side-conversations-anchor-id; its log is omni-log-container;
 * - each comment is article[data-test-id="omni-log-comment-item"] with the avatar (figure omni-log-base-avatar,
 *   team members' with svg omni-log-avatar-badge-AgentBadge), the sender (omni-log-item-sender holding the
 *   omni-log-comment-user-link to /agent/users/{id}), omni-log-internal-note-tag on internal notes,
 *   time[data-test-id="timestamp-relative"][datetime], and the body in omni-log-message-content > .zd-comment.
 * No comment id and no sender type appear in the markup. Customer text is only ever set with textContent.
 */
const PAGE_DATA_BASE = '/__admin/zendesk/page-data/';

export function pageData(store: SandboxStore, id: string | number, side?: TicketSide) {
  const c = store.get(id);
  if (!c) return null;
  return {
    id: c.id,
    subject: c.subject,
    requester: store.users.get(c.customerId)?.name ?? 'Unknown',
    tags: c.tags,
    messages: c.messages.map((m) => {
      const u = store.users.get(m.authorId);
      // The bot posts through the API as an agent-role user, so it wears the agent badge too; a messaging
      // bot's turns do not (public userscripts tell it by name: LauraSWP/ZD-Messaging-Themes).
      const chatBot = m.role === 'bot' && !!side?.chat.has(m.id);
      return {
        author: u?.name ?? 'Unknown',
        authorId: m.authorId,
        team: u?.role !== 'customer' && !chatBot,
        internal: m.internal,
        via: m.role === 'bot' ? 'ApiInteraction' : 'WebInteraction',
        text: m.text,
        at: m.createdAt,
      };
    }),
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderTicketPage(store: SandboxStore, ticketId: string, backgroundTabs: string[]): string {
  const links = [...store.conversations.values()]
    .map((c) => `<li><a data-spa href="/agent/tickets/${c.id}">#${c.id} ${esc(c.subject)}</a></li>`)
    .join('');
  const cfg = JSON.stringify({ ticketId, backgroundTabs, dataBase: PAGE_DATA_BASE }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Zendesk Agent Workspace — acme</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #1f2328; background: #f3f4f6; }
  .topbar { background: #03363d; color: #fff; padding: 10px 16px; font-weight: 600; }
  .app { display: flex; min-height: calc(100vh - 42px); }
  nav { width: 240px; flex: none; background: #fff; border-right: 1px solid #ddd; padding: 8px; }
  nav ul { list-style: none; margin: 0; padding: 0; }
  nav a { display: block; padding: 6px 8px; color: #1f2328; text-decoration: none; border-radius: 6px; }
  #main_panes { flex: 1; min-width: 0; }
  .workspace { padding: 12px 16px; }
  .conversation { display: flex; flex-direction: column; gap: 10px; }
  .subject { font-size: 18px; font-weight: 600; margin: 0; }
  .meta { color: #59636e; font-size: 12px; }
  article { display: flex; gap: 10px; background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 8px 12px; margin-bottom: 8px; }
  article.internal { background: #fff8db; border-color: #f0d46c; }
  figure { margin: 0; width: 28px; height: 28px; border-radius: 50%; background: #c5d0d8; position: relative; flex: none; }
  figure svg { position: absolute; right: -4px; bottom: -4px; width: 14px; height: 14px; color: #03363d; }
  [data-test-id="omni-log-item-sender"] { font-weight: 600; display: inline; }
  [data-test-id="omni-log-internal-note-tag"] { display: inline; margin-left: 6px; color: #8a6d00; }
  .reply textarea { width: 100%; min-height: 90px; padding: 8px; border-radius: 8px; border: 1px solid #bbb; font: inherit; }
</style></head>
<body data-platform="zendesk">
<div class="topbar">Zendesk Agent Workspace — acme</div>
<div class="app">
  <nav aria-label="Tickets"><ul>${links}</ul></nav>
  <main id="main_panes" class="main_panes"></main>
</div>
<script type="application/json" id="cfg">${cfg}</script>
<script>
(function () {
  var cfg = JSON.parse(document.getElementById('cfg').textContent);
  var seen = {};
  var current = cfg.ticketId;
  var SVG = 'http://www.w3.org/2000/svg';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function paneFor(id) {
    var pane = document.querySelector('#main_panes > .workspace[data-ticket-id="' + id + '"]');
    if (pane) return pane;
    pane = el('div', { 'class': 'workspace', 'data-ticket-id': id });
    var conv = el('div', { 'class': 'conversation', 'data-side-conversations-anchor-id': id });
    conv.appendChild(el('h1', { 'class': 'subject', 'data-test-id': 'ticket-pane-subject' }));
    conv.appendChild(el('div', { 'class': 'meta requester' }));
    conv.appendChild(el('div', { 'data-test-id': 'omni-log-container', role: 'log', 'aria-label': 'Conversation' }));
    var reply = el('div', { 'class': 'reply' });
    reply.appendChild(el('textarea', { 'aria-label': 'Reply', placeholder: 'Write a reply…' }));
    conv.appendChild(reply);
    pane.appendChild(conv);
    document.getElementById('main_panes').appendChild(pane);
    return pane;
  }
  function show(id) {
    document.querySelectorAll('#main_panes > .workspace').forEach(function (p) {
      p.style.display = p.getAttribute('data-ticket-id') === id ? '' : 'none';
    });
  }
  function comment(m) {
    var art = el('article', { 'data-test-id': 'omni-log-comment-item', 'aria-label': 'Message from ' + m.author, 'class': m.internal ? 'internal' : '' });
    var fig = el('figure', { 'data-test-id': 'omni-log-base-avatar' });
    if (m.team) {
      var badge = document.createElementNS(SVG, 'svg');
      badge.setAttribute('data-test-id', 'omni-log-avatar-badge-AgentBadge');
      badge.setAttribute('aria-hidden', 'true');
      badge.setAttribute('viewBox', '0 0 26 26');
      var dot = document.createElementNS(SVG, 'circle');
      dot.setAttribute('cx', '13'); dot.setAttribute('cy', '13'); dot.setAttribute('r', '12'); dot.setAttribute('fill', 'currentColor');
      badge.appendChild(dot);
      fig.appendChild(badge);
    }
    art.appendChild(fig);
    var main = el('div', {});
    var head = el('div', { 'data-test-id': 'omni-log-item-header' });
    var sender = el('div', { 'data-test-id': 'omni-log-item-sender' });
    var link = el('a', { 'data-test-id': 'omni-log-comment-user-link', href: '/agent/users/' + m.authorId });
    link.appendChild(el('span', {}, m.author));
    sender.appendChild(link);
    head.appendChild(sender);
    if (m.internal) head.appendChild(el('div', { 'data-test-id': 'omni-log-internal-note-tag' }, 'Internal note'));
    head.appendChild(el('time', { 'data-test-id': 'timestamp-relative', datetime: m.at, 'class': 'meta' }, ' ' + new Date(m.at).toLocaleString()));
    var msg = el('div', { 'data-test-id': 'omni-log-item-message' });
    var content = el('div', { 'data-test-id': 'omni-log-message-content', 'data-originated-from': m.via });
    content.appendChild(el('div', { 'class': 'zd-comment' }, m.text));
    msg.appendChild(content);
    main.appendChild(head);
    main.appendChild(msg);
    art.appendChild(main);
    return art;
  }
  function load(id) {
    return fetch(cfg.dataBase + encodeURIComponent(id)).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
      if (!data) return;
      var sig = JSON.stringify(data);
      if (seen[id] === sig) return;
      seen[id] = sig;
      var pane = paneFor(id);
      pane.querySelector('[data-test-id="ticket-pane-subject"]').textContent = data.subject;
      pane.querySelector('.requester').textContent = 'Requester: ' + data.requester;
      if (id === current) document.title = data.subject;
      var log = pane.querySelector('[data-test-id="omni-log-container"]');
      log.textContent = '';
      data.messages.forEach(function (m) { log.appendChild(comment(m)); });
    }).catch(function () {});
  }
  function open(id) {
    current = id;
    paneFor(id);
    show(id);
    return load(id);
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-spa]');
    if (!a) return;
    e.preventDefault();
    history.pushState({}, '', a.getAttribute('href'));
    open(a.getAttribute('href').split('/').pop());
  });
  window.addEventListener('popstate', function () {
    var m = location.pathname.match(/^\\/agent\\/tickets\\/(\\d+)/);
    if (m) open(m[1]);
  });
  open(current);
  // Other tabs the agent has open keep their (hidden) panes; switching tabs later leaves this one's pane
  // hidden ahead of the newly visible one.
  cfg.backgroundTabs.forEach(function (id) { paneFor(id); show(current); load(id); });
  setInterval(function () { load(current); }, 1000);
})();
</script>
</body></html>`;
}
