import { useEffect, type CSSProperties } from 'react';
import { metaFor } from '@/lib/platforms/metas';
import { useSidebar } from './store';
import { VerdictCard } from './VerdictCard';
import { SummaryCard } from './SummaryCard';
import { NoteEditor } from './NoteEditor';
import { RouteCard } from './RouteCard';
import { TagsEditor } from './TagsEditor';
import { HandoffMessage } from './HandoffMessage';
import { EscalatePanel } from './EscalatePanel';
import { send } from '@/utils/messaging';
import { FollowThrough } from './FollowThrough';
import { useVerdictLog } from './useVerdictLog';
import { MarkBotButton, refusedForAccess, SetupCheck } from './SetupCheck';
import { PartBoundary } from './PartBoundary';

export function App({ onQuote }: { onQuote: (index: number, quote: string) => void }) {
  const s = useSidebar();
  const { ref, result, draft, policy } = s;

  // The targets belong to the account, not the conversation: switching tickets keeps the list.
  const platform = ref?.platform;
  const account = ref?.account;
  const loadTargets = s.loadTargets;
  useEffect(() => {
    if (platform) void loadTargets();
  }, [platform, account, loadTargets]);
  useVerdictLog(result);

  if (!ref) return null;
  if (!s.open) {
    return (
      <button type="button" className="launcher" data-testid="open-sidebar" aria-label="Open Baton sidebar" onClick={() => s.setOpen(true)}>
        Baton
      </button>
    );
  }
  const verdict = result?.verdict;
  const locked = !!s.journal && !s.journal.resumedAt;
  const meta = metaFor(ref.platform);
  const accent = { '--platform-accent': meta.accent.light, '--platform-accent-dark': meta.accent.dark } as CSSProperties;
  return (
    <aside
      className="sidebar"
      data-platform={ref.platform}
      style={accent}
      aria-label="Baton escalation sidebar"
      data-testid="baton-sidebar"
    >
      <header className="header">
        <div>
          <h1>Baton</h1>
          <p className="muted small" data-testid="conversation-label">
            {meta.label} · {result?.conversation.subject ?? ref.conversationId}
          </p>
          {result && (
            <p className="muted small" data-testid="engine">
              {verdict?.engine === 'openai' ? 'OpenAI' : 'Offline'} engine · checked {new Date(result.checkedAt).toLocaleTimeString()}
              {s.checking ? ' · checking…' : ''}
            </p>
          )}
        </div>
        <div className="header-actions">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void s.check({ force: true })}
            disabled={s.checking}
            aria-label="Check again"
          >
            ↻
          </button>
          <button type="button" className="btn btn-small" onClick={() => void send('openOptions')} aria-label="Open Baton options">
            ⚙
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="collapse"
            onClick={() => s.setOpen(false)}
            aria-label="Collapse the sidebar"
          >
            ›
          </button>
        </div>
      </header>
      <div className="body">
        {ref.idIsGuess && (
          <p className="warn small">
            This conversation id was worked out from the page address (an unofficial conversion); if it looks wrong, open the conversation
            from its /open/cnv_ link.
          </p>
        )}
        {result?.apiProblem && (
          <p className="warn" role="status" data-testid="api-problem">
            {result.apiProblem}
          </p>
        )}
        {s.error && (
          <div className="error" role="alert" data-testid="check-error">
            <p>{s.error}</p>
            <button type="button" className="btn btn-small" onClick={() => void s.check({ force: true })}>
              Try again
            </button>
          </div>
        )}
        {refusedForAccess(s.journal) && (
          <PartBoundary name="the setup check" resetKey={s.key}>
            <SetupCheck conversation={ref} />
          </PartBoundary>
        )}
        {!result && !s.error && (
          <p className="muted" role="status">
            Reading the conversation…
          </p>
        )}
        {result && (
          <PartBoundary name="the messages" resetKey={s.key}>
            <details className="card transcript" data-testid="transcript">
              <summary>
                {result.conversation.messages.length} messages{' '}
                <span className="muted small" data-testid="read-from">
                  (read from {readFromOf(result.conversation)})
                </span>
              </summary>
              <ol>
                {result.conversation.messages.map((m, i) => (
                  <li key={i} data-role={m.role} className={m.internal ? 'internal' : undefined}>
                    <strong>{m.internal ? 'note' : m.role}:</strong> {m.text}
                    {m.role === 'agent' && !m.internal && m.author && (
                      <MarkBotButton conversation={ref} author={m.author} onMarked={() => void s.check({ force: true })} />
                    )}
                  </li>
                ))}
              </ol>
            </details>
          </PartBoundary>
        )}
        {result && policy && (
          <PartBoundary name="the follow-through checks" resetKey={s.key}>
            <FollowThrough result={result} journal={s.journal} policy={policy} acting={s.acting} onEscalate={() => void s.escalate()} />
          </PartBoundary>
        )}
        {verdict && (
          <PartBoundary name="the verdict" resetKey={s.key}>
            <VerdictCard verdict={verdict} onQuote={onQuote} />
          </PartBoundary>
        )}
        {verdict && draft && (
          <>
            <PartBoundary name="the escalation steps" resetKey={s.key}>
              <EscalatePanel
                platform={ref.platform}
                status={verdict.status}
                journal={s.journal}
                acting={s.acting}
                error={s.actionError}
                suspend={draft.suspend}
                canSuspend={!locked}
                onSuspend={(v) => s.editDraft({ suspend: v })}
                onEscalate={() => void s.escalate()}
                onRetry={() => void s.retry()}
                onProvide={(key, value) => void s.provideSetting(key, value)}
                onResume={() => void s.resume()}
              />
            </PartBoundary>
            <PartBoundary name="the route" resetKey={s.key}>
              <RouteCard
                target={draft.target}
                reason={result!.route.reason}
                edited={draft.targetEdited}
                targets={s.targets}
                targetsError={s.targetsError}
                disabled={locked}
                onChange={(t) => s.editDraft({ target: t })}
                onRefresh={() => void s.loadTargets(true)}
              />
            </PartBoundary>
            <PartBoundary name="the tags" resetKey={s.key}>
              <TagsEditor tags={draft.tags} disabled={locked} onChange={(t) => s.editDraft({ tags: t })} />
            </PartBoundary>
            <PartBoundary name="the note" resetKey={s.key}>
              <NoteEditor note={draft.note} edited={draft.noteEdited} disabled={locked} onChange={(n) => s.editDraft({ note: n })} />
            </PartBoundary>
            <PartBoundary name="the summary" resetKey={s.key}>
              <SummaryCard summary={verdict.summary} />
            </PartBoundary>
            {verdict.status === 'escalate' && policy && (
              <PartBoundary name="the customer message" resetKey={s.key}>
                <HandoffMessage policy={policy} language={result!.customerLanguage} />
              </PartBoundary>
            )}
          </>
        )}
      </div>
    </aside>
  );
}

/** Which source the messages came from, as the adapter named it, else from how they were read. */
function readFromOf(c: { source: string; readFrom?: string }): string {
  if (c.source === 'dom') return 'the page';
  if (c.source === 'file') return 'a file';
  return c.readFrom ?? 'the API';
}
