import type { FrontState } from './state';

/**
 * The agent's Front tab: app shell (top bar, inbox navigation, conversation list, conversation pane with
 * the message timeline and a composer), a single-page app like the real one. Front's own markup is not
 * public; the shell follows what public extensions that run on app.frontapp.com rely on: `body > .layer`
 * and `#front-app-root` (Kenchi), `[data-testid="conversation"]` for the open conversation and
 * styled-components class names (i3devco/front-attachment-viewer), message viewers whose classes start
 * with `messageViewer…` (Kenchi). Per message: `data-testid="viewer-message-{id}"` / `viewer-comment-{id}`,
 * `viewer-author`, a `__StyledBody` part and a `__StyledInbound` part on customer messages (assumed, see
 * docs/notes/front.md). Customer text is only ever set with textContent.
 */
const PAGE_DATA_BASE = '/__admin/front/page-data/';

export interface PageData {
  id: string;
  numericId: number;
  subject: string;
  contact: { name: string; email: string };
  status: string;
  inbox: string | null;
  assignee: string | null;
  tags: string[];
  items: {
    id: string;
    kind: 'message' | 'comment';
    direction: 'inbound' | 'outbound';
    author: string;
    to: string | null;
    text: string;
    at: string;
  }[];
}

export function pageData(state: FrontState, ref: string): PageData | null {
  const id = state.apiId(ref);
  const c = state.conversation(state.merged.get(id) ?? id);
  if (!c) return null;
  const name = (tid: string | null) => {
    const t = state.teammate(tid);
    return t ? `${t.first} ${t.last}` : null;
  };
  return {
    id: c.id,
    numericId: c.num,
    subject: c.subject,
    contact: c.contact,
    status: c.status[0].toUpperCase() + c.status.slice(1),
    inbox: state.inboxes.find((i) => i.id === c.inboxId)?.name ?? null,
    assignee: name(c.assigneeId),
    tags: c.tagIds.map((t) => state.tagById(t)?.name ?? t),
    items: c.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      direction: i.inbound ? 'inbound' : 'outbound',
      author: i.inbound ? c.contact.name : (name(i.authorId) ?? 'Acme Support'),
      to: i.kind === 'comment' ? null : i.inbound ? 'Acme Support' : c.contact.name,
      text: i.kind === 'comment' ? renderedComment(i.text) : i.text,
      at: new Date(i.at * 1000).toISOString(),
    })),
  };
}

/**
 * What Front shows for a comment body, which is Markdown: the text with its escapes resolved. (Markup is
 * not rendered as markup here; the page sets it as text.)
 */
function renderedComment(body: string): string {
  return body
    .replace(/(?<!\\)\*\*(?=\S)(.+?)(?<=[^\s\\])\*\*/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/ {2,}\n/g, '\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON inside a <script> element: nothing in it may close the element. */
const scriptJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export function isAppPath(path: string): boolean {
  return path === '/' || /^\/(open|inboxes)(\/|$)/.test(path);
}

/**
 * styled-components class names as Front's build emits them: `component__StyledPart-sc-hash`. The reader
 * keys on the stable `component__StyledPart` part (i3devco/front-attachment-viewer matches
 * `attachmentBase__StyledNameDiv` the same way); the hashes here are made up.
 */
const SC = {
  pane: 'conversationView__StyledPane-sc-1f4a2b',
  header: 'conversationHeader__StyledHeader-sc-6d0e1c',
  subject: 'conversationHeader__StyledSubject-sc-6d0e1c',
  timeline: 'conversationViewer__StyledTimeline-sc-8c1d0a',
  message: 'messageViewer__StyledRoot-sc-3kq9x1',
  inbound: 'messageViewer__StyledInbound-sc-3kq9x1',
  comment: 'commentViewer__StyledRoot-sc-5t6y7u',
  author: 'messageViewerHeader__StyledAuthor-sc-77x1zz',
  body: 'messageViewerBody__StyledBody-sc-2m4d9e',
  actionZone: 'messageViewerActionZone__StyledZone-sc-9p0q1r',
  composer: 'composer__StyledComposer-sc-4h5j6k',
  empty: 'conversationView__StyledEmpty-sc-1f4a2b',
  selection: 'bulkActions__StyledPanel-sc-0b9c8d',
} as const;

export function renderAppPage(state: FrontState, initial: PageData | null): string {
  const folders = state.inboxes
    .filter((i) => !i.privateOf)
    .map(
      (i) =>
        `<li><a data-spa class="nav-item" href="/inboxes/teams/folders/${i.num}/unassigned"><span class="nav-icon" aria-hidden="true">#</span>${esc(i.name)}</a></li>`,
    )
    .join('');
  const me = state.teammates.find((t) => t.username === 'dana')!;
  const list = [...state.conversations.values()]
    .map((c) => {
      const last = c.items.filter((i) => i.kind === 'message').at(-1);
      return `<li class="conversation-list-item" data-conversation-id="${c.id}"><a data-spa href="/open/${c.id}">
        <span class="item-sender">${esc(c.contact.name)}</span><span class="item-subject">${esc(c.subject)}</span>
        <span class="item-blurb">${esc((last?.text ?? '').slice(0, 70))}</span></a></li>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(initial?.subject ?? 'Front')} · Front</title>
<style>${CSS}</style></head>
<body>
<div class="layer">
<div id="front-app-root" class="front-app">
  <header class="app-topbar">
    <span class="app-logo">front</span>
    <input class="app-search" type="search" placeholder="Search Acme Support" aria-label="Search conversations">
    <span class="app-me" title="${esc(`${me.first} ${me.last}`)}" aria-label="Signed in as ${esc(`${me.first} ${me.last}`)}">DA</span>
  </header>
  <div class="app-body">
    <nav class="nav-sidebar" aria-label="Inboxes">
      <div class="nav-heading">Acme Support</div>
      <ul>${folders}<li><a data-spa class="nav-item" href="/inboxes/teammates/${me.num}/inbox/all"><span class="nav-icon" aria-hidden="true">@</span>My inbox</a></li></ul>
    </nav>
    <section class="conversation-list" aria-label="Conversation list">
      <div class="list-header">Open conversations</div>
      <ul>${list}</ul>
    </section>
    <main class="${SC.pane}" aria-label="Conversation">
      <header class="${SC.header}">
        <h1 class="${SC.subject}"></h1>
        <div class="conversation-meta">
          <span class="conversation-inbox"></span><span class="conversation-status"></span><span class="conversation-assignee"></span>
        </div>
        <ul class="conversation-tags" aria-label="Tags"></ul>
      </header>
      <div data-testid="conversation" class="${SC.timeline}" aria-label="Conversation messages"></div>
      <p class="${SC.empty}" hidden>No conversation selected</p>
      <p class="${SC.selection}" data-testid="bulk-actions" hidden></p>
      <footer class="${SC.composer}">
        <div class="composer-tabs" role="tablist"><span role="tab" aria-selected="true">Reply</span><span role="tab" aria-selected="false">Comment</span></div>
        <textarea class="composer-input" aria-label="Reply" placeholder="Reply…"></textarea>
      </footer>
    </main>
  </div>
</div>
</div>
<script type="application/json" id="front-bootstrap">${scriptJson({ dataBase: PAGE_DATA_BASE, initial, sc: SC })}</script>
<script>${CLIENT}</script>
</body></html>`;
}

/** Pages of the app that are not a conversation (settings, analytics): the top bar and nothing to read. */
export function renderOtherPage(path: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Settings · Front</title><style>${CSS}</style></head>
<body><div class="front-app"><header class="app-topbar"><span class="app-logo">front</span></header>
<main class="settings"><h1>Settings</h1><p>${esc(path)}</p></main></div></body></html>`;
}

const CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1c2134; background: #f4f5f8; }
.front-app { display: flex; flex-direction: column; min-height: 100vh; }
.app-topbar { display: flex; align-items: center; gap: 16px; height: 48px; padding: 0 16px; background: #1c2134; color: #fff; }
.app-logo { font-weight: 700; font-size: 20px; letter-spacing: -0.5px; color: #fff; }
.app-logo::before { content: ""; display: inline-block; width: 12px; height: 12px; margin-right: 6px; border-radius: 3px; background: #ff4f5e; vertical-align: 1px; }
.app-search { flex: 1; max-width: 420px; height: 30px; border: 0; border-radius: 6px; padding: 0 10px; background: #343a52; color: #fff; }
.app-search::placeholder { color: #aab0c6; }
.app-me { margin-left: auto; width: 30px; height: 30px; border-radius: 50%; background: #5a6cf0; display: grid; place-items: center; font-size: 12px; font-weight: 600; }
.app-body { display: flex; flex: 1; min-height: 0; }
.nav-sidebar { width: 200px; flex: none; background: #272d45; color: #d7dbea; padding: 12px 8px; }
.nav-heading { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #8e95b0; padding: 4px 8px 8px; }
.nav-sidebar ul, .conversation-list ul, .conversation-tags { list-style: none; margin: 0; padding: 0; }
.nav-item { display: flex; gap: 8px; padding: 6px 8px; border-radius: 6px; color: inherit; text-decoration: none; }
.nav-item:hover { background: #343a52; }
.nav-icon { color: #8e95b0; }
.conversation-list { width: 280px; flex: none; background: #fff; border-right: 1px solid #e3e5ec; }
.list-header { padding: 12px 14px; font-weight: 600; border-bottom: 1px solid #e3e5ec; }
.conversation-list-item a { display: grid; gap: 2px; padding: 10px 14px; border-bottom: 1px solid #eef0f4; color: inherit; text-decoration: none; }
.conversation-list-item a:hover { background: #f6f7fb; }
.conversation-list-item.active a { background: #eceffe; box-shadow: inset 3px 0 0 #5a6cf0; }
.item-sender { font-weight: 600; }
.item-subject { font-size: 13px; }
.item-blurb { font-size: 12px; color: #6b7189; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.conversationView__StyledPane-sc-1f4a2b { flex: 1; min-width: 0; display: flex; flex-direction: column; background: #f4f5f8; }
.conversationHeader__StyledHeader-sc-6d0e1c { padding: 14px 20px 10px; background: #fff; border-bottom: 1px solid #e3e5ec; }
.conversationHeader__StyledSubject-sc-6d0e1c { margin: 0 0 4px; font-size: 18px; }
.conversation-meta { display: flex; gap: 10px; font-size: 12px; color: #6b7189; }
.conversation-status { background: #eef0f4; border-radius: 10px; padding: 0 8px; }
.conversation-tags { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.conversation-tags li { font-size: 12px; padding: 1px 8px; border-radius: 10px; background: #e6e9fd; color: #3d4bb8; }
[data-testid="conversation"] { flex: 1; padding: 16px 20px; display: flex; flex-direction: column; gap: 10px; }
.messageViewer__StyledRoot-sc-3kq9x1 { background: #fff; border: 1px solid #e3e5ec; border-radius: 8px; padding: 10px 14px; }
.messageViewer__StyledRoot-sc-3kq9x1:not(.messageViewer__StyledInbound-sc-3kq9x1) { border-left: 3px solid #5a6cf0; }
.message-header, .comment-header { display: flex; flex-wrap: wrap; gap: 2px 8px; align-items: baseline; margin-bottom: 4px; }
[data-testid="viewer-author"] { font-weight: 600; }
.message-recipients, .message-header time, .comment-header time { font-size: 12px; color: #6b7189; }
[class*="__StyledBody"] { white-space: pre-wrap; overflow-wrap: anywhere; }
.commentViewer__StyledRoot-sc-5t6y7u { align-self: flex-end; max-width: 80%; background: #fff6d8; border: 1px solid #f3dc8c; border-radius: 12px 12px 2px 12px; padding: 8px 12px; }
.comment-badge { white-space: nowrap; font-size: 11px; color: #8a6d00; text-transform: uppercase; letter-spacing: .04em; }
.conversationView__StyledEmpty-sc-1f4a2b, .bulkActions__StyledPanel-sc-0b9c8d { padding: 40px; text-align: center; color: #6b7189; }
.composer__StyledComposer-sc-4h5j6k { padding: 10px 20px 16px; background: #fff; border-top: 1px solid #e3e5ec; }
.composer-tabs { display: flex; gap: 14px; font-size: 12px; font-weight: 600; color: #6b7189; margin-bottom: 6px; }
.composer-tabs [aria-selected="true"] { color: #1c2134; }
.composer-input { width: 100%; min-height: 84px; padding: 8px 10px; border: 1px solid #cfd3df; border-radius: 8px; font: inherit; resize: vertical; }
.settings { padding: 24px; }
@media (max-width: 1100px) { .nav-sidebar { width: 160px; } .conversation-list { width: 220px; } }
`;

/** Runs in the page: renders the conversation from page data, follows SPA navigation, polls for changes. */
const CLIENT = `
(function () {
  var boot = JSON.parse(document.getElementById('front-bootstrap').textContent);
  var SC = boot.sc;
  var pane = document.querySelector('main[aria-label="Conversation"]');
  var timeline = pane.querySelector('[data-testid="conversation"]');
  var last = '';
  // Without the assumed per-message hooks (POST /__admin/front/page-hooks): items carry neither the
  // viewer-… test ids nor messageViewer class names, as the real app may not.
  var bare = false;

  // The app's own URL grammar: /open/cnv_…, or an in-app list ending in the conversation's number
  // (0 = none open, "a,b" = several selected).
  function current() {
    var p = location.pathname.split('/').filter(Boolean);
    if (p[0] === 'open' && p.length === 2 && /^cnv_[0-9a-z]+$/.test(p[1])) return { id: p[1] };
    if (p[0] === 'inboxes' && p.length >= 4) {
      var t = p[p.length - 1], list = p[p.length - 2];
      if (/^\\d+(,\\d+)+$/.test(t)) return { selection: t.split(',') };
      if (/^\\d+$/.test(t) && !/^0+$/.test(t) && /^[a-z][a-z_-]*$/.test(list) && !/^(folders|views|teammates|teams|shared|assigned|me)$/.test(list)) return { id: t };
    }
    return null;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function time(iso) {
    var t = el('time', null, new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }));
    t.setAttribute('datetime', iso);
    return t;
  }
  function item(m) {
    var comment = m.kind === 'comment';
    var a = el('div', bare ? 'timelineItem__StyledRow-sc-7b2f0e' : comment ? SC.comment : SC.message + (m.direction === 'inbound' ? ' ' + SC.inbound : ''));
    if (!bare) a.setAttribute('data-testid', (comment ? 'viewer-comment-' : 'viewer-message-') + m.id);
    a.setAttribute('aria-label', (comment ? 'Comment from ' : 'Message from ') + m.author);
    var h = el('div', comment ? 'comment-header' : 'message-header');
    var who = el('span', SC.author, m.author);
    who.setAttribute('data-testid', 'viewer-author');
    h.appendChild(who);
    if (comment) h.appendChild(el('span', 'comment-badge', 'Internal comment'));
    else h.appendChild(el('span', 'message-recipients', 'to ' + m.to));
    h.appendChild(time(m.at));
    a.appendChild(h);
    a.appendChild(el('div', SC.body, m.text));
    if (!comment) {
      var zone = el('div', SC.actionZone);
      var reply = el('div', null, 'Reply');
      reply.setAttribute('role', 'button');
      zone.appendChild(reply);
      a.appendChild(zone);
    }
    return a;
  }
  function render(data, selection) {
    var sig = JSON.stringify([data, selection]);
    if (sig === last) return;
    last = sig;
    var empty = !data;
    pane.querySelector('.' + SC.empty).hidden = !empty || !!selection;
    var bulk = pane.querySelector('[data-testid="bulk-actions"]');
    bulk.hidden = !selection;
    bulk.textContent = selection ? selection.length + ' conversations selected' : '';
    pane.querySelector('.' + SC.header).hidden = empty;
    pane.querySelector('.' + SC.composer).hidden = empty;
    timeline.hidden = empty;
    pane.setAttribute('data-conversation-id', empty ? '' : data.id);
    timeline.textContent = '';
    var tags = pane.querySelector('.conversation-tags');
    tags.textContent = '';
    document.querySelectorAll('.conversation-list-item').forEach(function (li) {
      li.classList.toggle('active', !empty && li.getAttribute('data-conversation-id') === data.id);
    });
    if (empty) { document.title = 'Front'; return; }
    bare = !!data.bare;
    document.title = data.subject + ' · Front';
    pane.querySelector('.' + SC.subject).textContent = data.subject;
    pane.querySelector('.conversation-inbox').textContent = data.inbox || '';
    pane.querySelector('.conversation-status').textContent = data.status;
    pane.querySelector('.conversation-assignee').textContent = data.assignee ? 'Assigned to ' + data.assignee : 'Unassigned';
    data.tags.forEach(function (t) { tags.appendChild(el('li', null, t)); });
    data.items.forEach(function (m) { timeline.appendChild(item(m)); });
    pane.querySelector('.composer-input').setAttribute('placeholder', 'Reply to ' + data.contact.name + '…');
  }
  function load() {
    var at = current();
    if (!at || at.selection) { render(null, at && at.selection); return; }
    var id = at.id;
    fetch(boot.dataBase + encodeURIComponent(id)).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { var now = current(); if (now && now.id === id) render(data, null); })
      .catch(function () {});
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-spa]');
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    history.pushState({}, '', a.getAttribute('href'));
    load();
  });
  window.addEventListener('popstate', load);
  render(boot.initial && boot.initial.id && current() ? boot.initial : null, null);
  load();
  setInterval(load, 1000);
})();
`;
