import { useEffect, type CSSProperties } from 'react';
import { metaFor } from '@/lib/platforms/metas';
import { useShallow } from 'zustand/react/shallow';
import { useSidebar } from './store';
import { selectActions, selectCheck, selectConversation, selectEscalation, selectLocked, selectTargets } from './selectors';
import { VerdictCard } from './VerdictCard';
import { SummaryCard } from './SummaryCard';
import { NoteEditor } from './NoteEditor';
import { RouteCard } from './RouteCard';
import { TagsEditor } from './TagsEditor';
import { HandoffMessage } from './HandoffMessage';
import { EscalatePanel } from './EscalatePanel';
import { send } from '@/utils/messaging';
import { FollowThrough } from './FollowThrough';
import { WaitClock } from './WaitClock';
import { useVerdictLog } from './useVerdictLog';
import { MarkBotButton, refusedForAccess, SetupCheck } from './SetupCheck';
import { PartBoundary } from './PartBoundary';
import { QueuePanel } from './QueuePanel';

export function App({ onQuote }: { onQuote: (index: number, quote: string) => void }) {
  const { ref, key, policy, open } = useSidebar(useShallow(selectConversation));
  const { result, checking, error } = useSidebar(useShallow(selectCheck));
  const { journal, acting, actionError } = useSidebar(useShallow(selectEscalation));
  const { targets, targetsError } = useSidebar(useShallow(selectTargets));
  const draft = useSidebar((st) => st.draft);
  const locked = useSidebar(selectLocked);
  const act = useSidebar(useShallow(selectActions));

  // The targets belong to the account, not the conversation: switching tickets keeps the list.
  const platform = ref?.platform;
  const account = ref?.account;
  const loadTargets = act.loadTargets;
  useEffect(() => {
    if (platform) void loadTargets();
  }, [platform, account, loadTargets]);
  useVerdictLog(result);

  if (!ref) return null;
  if (!open) {
    return (
      <button
        type="button"
        className="launcher"
        data-testid="open-sidebar"
        aria-label="Open Baton sidebar"
        onClick={() => act.setOpen(true)}
      >
        Baton
      </button>
    );
  }
  const verdict = result?.verdict;
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
              {checking ? ' · checking…' : ''}
            </p>
          )}
        </div>
        <div className="header-actions">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void act.check({ force: true })}
            disabled={checking}
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
            onClick={() => act.setOpen(false)}
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
        {error && (
          <div className="error" role="alert" data-testid="check-error">
            <p>{error}</p>
            <button type="button" className="btn btn-small" onClick={() => void act.check({ force: true })}>
              Try again
            </button>
          </div>
        )}
        {refusedForAccess(journal) && (
          <PartBoundary name="the setup check" resetKey={key}>
            <SetupCheck conversation={ref} />
          </PartBoundary>
        )}
        {!result && !error && (
          <p className="muted" role="status">
            Reading the conversation…
          </p>
        )}
        {result && (
          <PartBoundary name="the messages" resetKey={key}>
            <details className="card transcript" data-testid="transcript">
              <summary>
                {result.conversation.messages.length} messages{' '}
                <span className="muted small" data-testid="read-from">
                  (read from {readFromOf(result.conversation)})
                </span>
              </summary>
              {result.conversation.botState && (
                <p className="muted small" data-testid="bot-state">
                  {result.conversation.botState}.
                </p>
              )}
              <ol>
                {result.conversation.messages.map((m, i) => (
                  <li key={i} data-role={m.role} className={m.internal ? 'internal' : undefined}>
                    <strong>{m.internal ? 'note' : m.role}:</strong> {m.text}
                    {m.role === 'agent' && !m.internal && m.author && (
                      <MarkBotButton conversation={ref} author={m.author} onMarked={() => void act.check({ force: true })} />
                    )}
                  </li>
                ))}
              </ol>
            </details>
          </PartBoundary>
        )}
        {result && policy && (
          <PartBoundary name="the follow-through checks" resetKey={key}>
            <FollowThrough result={result} journal={journal} policy={policy} acting={acting} onEscalate={() => void act.escalate()} />
          </PartBoundary>
        )}
        {result && policy && (
          <PartBoundary name="the wait clock" resetKey={key}>
            <WaitClock />
          </PartBoundary>
        )}
        {verdict && (
          <PartBoundary name="the verdict" resetKey={key}>
            <VerdictCard verdict={verdict} onQuote={onQuote} />
          </PartBoundary>
        )}
        {verdict && draft && (
          <>
            <PartBoundary name="the escalation steps" resetKey={key}>
              <EscalatePanel
                platform={ref.platform}
                status={verdict.status}
                journal={journal}
                acting={acting}
                error={actionError}
                suspend={draft.suspend}
                canSuspend={!locked}
                onSuspend={(v) => act.editDraft({ suspend: v })}
                onEscalate={() => void act.escalate()}
                onRetry={() => void act.retry()}
                onProvide={(key, value) => void act.provideSetting(key, value)}
                onResume={() => void act.resume()}
              />
            </PartBoundary>
            <PartBoundary name="the route" resetKey={key}>
              <RouteCard
                target={draft.target}
                reason={result!.route.reason}
                edited={draft.targetEdited}
                targets={targets}
                targetsError={targetsError}
                disabled={locked}
                onChange={(t) => act.editDraft({ target: t })}
                onRefresh={() => void act.loadTargets(true)}
                loop={result!.route.loop}
                onShowNote={onQuote}
              />
            </PartBoundary>
            <PartBoundary name="the tags" resetKey={key}>
              <TagsEditor tags={draft.tags} disabled={locked} onChange={(t) => act.editDraft({ tags: t })} />
            </PartBoundary>
            <PartBoundary name="the note" resetKey={key}>
              <NoteEditor note={draft.note} edited={draft.noteEdited} disabled={locked} onChange={(n) => act.editDraft({ note: n })} />
            </PartBoundary>
            <PartBoundary name="the summary" resetKey={key}>
              <SummaryCard summary={verdict.summary} />
            </PartBoundary>
            {verdict.status === 'escalate' && policy && (
              <PartBoundary name="the customer message" resetKey={key}>
                <HandoffMessage policy={policy} language={result!.customerLanguage} conversation={ref} target={draft.target?.name ?? ''} />
              </PartBoundary>
            )}
          </>
        )}
        {policy?.watch.enabled && (
          <PartBoundary name="the queue watch" resetKey={key}>
            <QueuePanel platform={ref.platform} account={ref.account} current={ref.conversationId} />
          </PartBoundary>
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
