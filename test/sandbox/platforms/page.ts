/**
 * The agent page of a sandbox helpdesk: a single-page app shell (conversation list, thread, reply box)
 * whose thread markup follows each real app's structure. Message text is only ever set with textContent.
 */
export interface PageConfig {
  platform: 'zendesk' | 'gorgias' | 'front';
  brand: string;
  accent: string;
  /** Regex (source) whose first group is the conversation id in location.pathname. */
  idPattern: string;
  dataBase: string;
  list: { href: string; subject: string; id: string }[];
  /** Client-side JS: function renderThread(container, data) { … } building the platform's thread DOM. */
  threadScript: string;
  /** Markup of the thread's container element, with an element having id="thread". */
  threadContainer: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderPage(cfg: PageConfig): string {
  const links = cfg.list.map((c) => `<li><a data-spa href="${esc(c.href)}">${esc(c.subject)}</a></li>`).join('');
  const json = JSON.stringify({ idPattern: cfg.idPattern, dataBase: cfg.dataBase }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(cfg.brand)}</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #1f2328; background: #f3f4f6; }
  .topbar { background: ${cfg.accent}; color: #fff; padding: 10px 16px; font-weight: 600; }
  .app { display: flex; min-height: calc(100vh - 42px); }
  nav { width: 240px; flex: none; background: #fff; border-right: 1px solid #ddd; padding: 8px; }
  nav ul { list-style: none; margin: 0; padding: 0; }
  nav a { display: block; padding: 6px 8px; color: #1f2328; text-decoration: none; border-radius: 6px; }
  nav a:hover { background: #eef; }
  main { flex: 1; min-width: 0; display: flex; flex-direction: column; padding: 12px 16px; gap: 10px; }
  .subject { font-size: 18px; font-weight: 600; margin: 0; }
  .meta { color: #59636e; font-size: 12px; }
  .msg { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 8px 12px; margin-bottom: 8px; }
  .msg.internal, .msg.comment { background: #fff8db; border-color: #f0d46c; }
  .msg.team { background: #eef5ff; }
  .sender { font-weight: 600; }
  .reply textarea { width: 100%; min-height: 90px; padding: 8px; border-radius: 8px; border: 1px solid #bbb; font: inherit; }
</style></head>
<body data-platform="${cfg.platform}">
<div class="topbar">${esc(cfg.brand)}</div>
<div class="app">
  <nav aria-label="Conversations"><ul>${links}</ul></nav>
  <main>
    <h1 class="subject" id="subject"></h1>
    <div class="meta" id="requester"></div>
    ${cfg.threadContainer}
    <div class="reply"><label for="reply-box" class="meta">Reply</label><textarea id="reply-box" placeholder="Write a reply…"></textarea></div>
  </main>
</div>
<script type="application/json" id="cfg">${json}</script>
<script>
(function () {
  var cfg = JSON.parse(document.getElementById('cfg').textContent);
  var last = '';
  ${cfg.threadScript}
  function currentId() { var m = location.pathname.match(new RegExp(cfg.idPattern)); return m ? m[1] : null; }
  function load() {
    var id = currentId();
    if (!id) return;
    fetch(cfg.dataBase + encodeURIComponent(id)).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
      if (!data) return;
      var sig = JSON.stringify(data);
      if (sig === last) return;
      last = sig;
      document.getElementById('subject').textContent = data.subject;
      document.getElementById('requester').textContent = 'Requester: ' + data.requester;
      document.title = data.subject;
      renderThread(document.getElementById('thread'), data);
    }).catch(function () {});
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-spa]');
    if (!a) return;
    e.preventDefault();
    history.pushState({}, '', a.getAttribute('href'));
    last = '';
    load();
  });
  window.addEventListener('popstate', function () { last = ''; load(); });
  load();
  setInterval(load, 1000);
})();
</script>
</body></html>`;
}

/** A page that is not a conversation (dashboards, settings): no thread at all. */
export function renderOtherPage(brand: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(brand)}</title></head><body><h1>${esc(brand)}</h1><p>Dashboard</p></body></html>`;
}
