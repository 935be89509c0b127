import { useEffect, useState } from 'react';
import { labelOf } from '@/lib/platforms/metas';
import type { EscalationDraft, ResponseOf } from '@/lib/schema/messages';
import type { ListEscalationResult, NeedsHumanItem, ScanReport } from '@/lib/schema/watch';
import { send } from '@/utils/messaging';
import { waitedText } from './wait';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: ResponseOf<'watchList'> };
type Preview = { key: string; draft: EscalationDraft | null; message?: string }[];

const REFRESH_MS = 30_000;

/** One helpdesk's last scan in a sentence; a problem is said as the helpdesk's own sentence. */
function ScanLine({ r }: { r: ScanReport }) {
  const when = new Date(r.at).toLocaleTimeString();
  return (
    <li data-testid={`scan-${r.platform}`} data-problem={r.problem ? 'yes' : 'no'} data-at={r.at}>
      <strong>{labelOf(r.platform)}</strong> ({r.account}), {when}:{' '}
      {r.problem ? (
        <span className="nh-problem">{r.problem}</span>
      ) : (
        <>
          {r.listed} changed, {r.read} read, {r.requests} requests
          {r.waitedMs > 0 ? `, paced ${Math.round(r.waitedMs / 1000)} s` : ''}
        </>
      )}
    </li>
  );
}

function Row({
  item,
  now,
  selected,
  onSelect,
  result,
}: {
  item: NeedsHumanItem;
  now: number;
  selected: boolean;
  onSelect: (on: boolean) => void;
  result?: ListEscalationResult;
}) {
  return (
    <tr data-testid="needs-row" data-key={item.key} data-platform={item.ref.platform}>
      <td>
        <input
          type="checkbox"
          aria-label={`Select ${item.subject ?? item.ref.conversationId}`}
          checked={selected}
          disabled={result?.outcome === 'escalated'}
          onChange={(e) => onSelect(e.target.checked)}
        />
      </td>
      <td data-testid="waited">{waitedText(item.waitingSince, now)}</td>
      <td>
        <a href={item.url} target="_blank" rel="noopener noreferrer" data-testid="open-conversation">
          {item.subject ?? `#${item.ref.conversationId}`}
        </a>
        <div className="muted">
          {labelOf(item.ref.platform)} · {item.ref.account}
        </div>
      </td>
      <td data-testid="reasons">
        {item.needs.map((n) => (
          <span key={n.kind + (n.signal ?? '')} className="nh-reason" data-kind={n.kind} data-signal={n.signal ?? ''}>
            {n.label}
          </span>
        ))}
      </td>
      <td>{item.evidence ? <q data-testid="evidence">{item.evidence}</q> : <span className="muted">none</span>}</td>
      <td>{item.subAgent ?? <span className="muted">none</span>}</td>
      <td data-outcome={result?.outcome ?? ''}>{result?.message ?? ''}</td>
    </tr>
  );
}

/** The plan the escalation would send, per conversation, as the sidebar previews it; nothing is sent yet. */
function PreviewPanel({
  preview,
  items,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: Preview;
  items: NeedsHumanItem[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const title = (key: string) => items.find((i) => i.key === key)?.subject ?? key;
  const ready = preview.filter((p) => p.draft).length;
  return (
    <section className="nh-preview" data-testid="preview" aria-label="What the escalation sends">
      <h2>Escalate {ready === 1 ? 'one conversation' : `${ready} conversations`}</h2>
      <ol>
        {preview.map((p) => (
          <li key={p.key} data-testid="preview-item" data-key={p.key}>
            <strong>{title(p.key)}</strong>
            {p.draft ? (
              <ul>
                <li>Tags: {p.draft.tags.join(', ') || 'none'}</li>
                <li>
                  Route to: {p.draft.target ? p.draft.target.name : 'nobody (no default target)'}
                  {p.draft.routeReason ? ` (${p.draft.routeReason})` : ''}
                </li>
                <li>{p.draft.suspend ? 'Pause the bot' : 'Leave the bot running'}</li>
                <li>
                  Internal note:
                  <pre className="nh-note">{p.draft.note}</pre>
                </li>
              </ul>
            ) : (
              <p className="muted">{p.message}</p>
            )}
          </li>
        ))}
      </ol>
      <div className="ins-actions">
        <button type="button" className="btn btn-primary" data-testid="confirm-escalate" disabled={busy || !ready} onClick={onConfirm}>
          {busy ? 'Escalating…' : 'Escalate'}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** "Needs a human": the bot's watched conversations that need a person now, the longest-waiting customer first. */
export function NeedsHumanApp() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [now, setNow] = useState(() => Date.now());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [preview, setPreview] = useState<Preview | null>(null);
  const [results, setResults] = useState<Record<string, ListEscalationResult>>({});
  const [busy, setBusy] = useState<'scan' | 'preview' | 'escalate' | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Titles of the conversations escalated from this page, kept for the results after they leave the list. */
  const [subjects, setSubjects] = useState<Record<string, string>>({});

  const reload = () =>
    send('watchList')
      .then((data) => {
        setLoad({ state: 'ready', data });
        setNow(Date.now());
      })
      .catch((e: unknown) => setLoad({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
  useEffect(() => {
    void reload();
    const t = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(t);
  }, []);

  const run = async (kind: 'scan' | 'preview' | 'escalate', job: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await job();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const scan = () =>
    run('scan', async () => {
      await send('watchScan');
      await reload();
    });
  const askPreview = () => run('preview', async () => setPreview(await send('watchPreview', { keys: [...selected] })));
  const escalate = () =>
    run('escalate', async () => {
      const keys = (preview ?? []).filter((p) => p.draft).map((p) => p.key);
      const shown = load.state === 'ready' ? load.data.items : [];
      setSubjects((s) => ({ ...s, ...Object.fromEntries(shown.map((i) => [i.key, i.subject ?? `#${i.ref.conversationId}`])) }));
      const done = await send('watchEscalate', { keys });
      setResults((r) => ({ ...r, ...Object.fromEntries(done.map((d) => [d.key, d])) }));
      setPreview(null);
      setSelected(new Set());
      await reload();
    });

  const items = load.state === 'ready' ? load.data.items : [];
  return (
    <div className="ins-page">
      <header className="ins-header">
        <div>
          <h1>Needs a human</h1>
          <p className="muted">
            The bot’s watched conversations that need a person now: the customer asked for one, the bot promised a handoff nobody did, or an
            escalation is still unclaimed. The customer who has waited longest comes first.
          </p>
        </div>
        <div className="ins-actions">
          <button type="button" className="btn" data-testid="scan-now" onClick={() => void scan()} disabled={!!busy}>
            {busy === 'scan' ? 'Scanning…' : 'Scan now'}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="escalate-selected"
            disabled={!selected.size || !!busy}
            onClick={() => void askPreview()}
          >
            Escalate selected ({selected.size})
          </button>
        </div>
      </header>
      {error && (
        <p role="alert" className="nh-problem" data-testid="page-error">
          {error}
        </p>
      )}
      {load.state === 'loading' && <p role="status">Loading…</p>}
      {load.state === 'error' && <p role="alert">{load.message}</p>}
      {load.state === 'ready' && !load.data.enabled && (
        <p data-testid="watch-off">
          The queue watch is off. Switch it on and pick the watched inbox or view in{' '}
          <button type="button" className="btn" onClick={() => void send('openOptions', { section: 'queue-watch' })}>
            Options → Queue watch
          </button>
          .
        </p>
      )}
      {load.state === 'ready' && load.data.reports.length > 0 && (
        <ul className="nh-scans" data-testid="scans">
          {load.data.reports.map((r) => (
            <ScanLine key={r.platform} r={r} />
          ))}
        </ul>
      )}
      {Object.keys(results).length > 0 && (
        <section aria-label="Escalation results">
          <h2>Results</h2>
          <ul data-testid="results" aria-live="polite">
            {Object.values(results).map((r) => (
              <li key={r.key} data-testid="result" data-key={r.key} data-outcome={r.outcome}>
                <strong>{subjects[r.key] ?? r.key}</strong>: {r.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview && (
        <PreviewPanel
          preview={preview}
          items={items}
          busy={busy === 'escalate'}
          onConfirm={() => void escalate()}
          onCancel={() => setPreview(null)}
        />
      )}
      {load.state === 'ready' && load.data.enabled && items.length === 0 && (
        <p data-testid="needs-empty">Nothing needs a human right now.</p>
      )}
      {items.length > 0 && (
        <table className="nh-table" data-testid="needs-table" data-count={items.length}>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
              <th scope="col">Waiting</th>
              <th scope="col">Conversation</th>
              <th scope="col">Why</th>
              <th scope="col">Evidence</th>
              <th scope="col">Sub agent</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <Row
                key={i.key}
                item={i}
                now={now}
                selected={selected.has(i.key)}
                result={results[i.key]}
                onSelect={(on) =>
                  setSelected((s) => {
                    const next = new Set(s);
                    if (on) next.add(i.key);
                    else next.delete(i.key);
                    return next;
                  })
                }
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
