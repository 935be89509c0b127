import { useState } from 'react';
import type { Author, ConversationRef } from '@/lib/schema/conversation';
import type { Journal } from '@/lib/schema/plan';
import type { SetupReport } from '@/lib/schema/setup';
import { send } from '@/utils/messaging';
import { trusted } from './trusted';

const MARK = { ok: '✓', problem: '✗', unknown: '?' } as const;

/** A step the helpdesk refused for sign-in or permission reasons: Check setup can say which permission. */
export const refusedForAccess = (journal: Journal | null) =>
  !!journal?.steps.some((s) => s.status === 'failed' && (s.httpStatus === 401 || s.httpStatus === 403));

/**
 * Offered from the gear when an action failed with 401/403: the same checklist as in Options, on the open
 * conversation, so the agent can tell their admin exactly what is missing. It changes nothing.
 */
export function SetupCheck({ conversation }: { conversation: ConversationRef }) {
  const [state, setState] = useState<{ busy: boolean; report?: SetupReport; error?: string }>({ busy: false });
  const run = async () => {
    setState({ busy: true });
    try {
      const report = await send('checkSetup', {
        platform: conversation.platform,
        account: conversation.account,
        conversationId: conversation.conversationId,
      });
      setState({ busy: false, report });
    } catch (e) {
      setState({ busy: false, error: (e as Error).message });
    }
  };
  return (
    <div className="card setup-check" data-testid="sidebar-setup-check">
      <p className="small">The helpdesk refused Baton. Check setup shows which permission is missing.</p>
      <button type="button" className="btn btn-small" data-testid="sidebar-check-setup" disabled={state.busy} onClick={() => void run()}>
        {state.busy ? 'Checking…' : '⚙ Check setup'}
      </button>
      {state.error && (
        <p className="error small" role="alert">
          {state.error}
        </p>
      )}
      {state.report && (
        <ul className="small" data-testid="sidebar-setup-lines" data-ok={state.report.ok}>
          {state.report.lines.map((l) => (
            <li key={l.id} data-testid={`sidebar-setup-${l.id}`} data-state={l.state} data-permission={l.permission}>
              <span aria-hidden="true">{MARK[l.state]}</span> <strong>{l.label}</strong>: {l.detail}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "This author is the bot": adds a message's author to the bot identity, then the conversation is read again. */
export function MarkBotButton({ conversation, author, onMarked }: { conversation: ConversationRef; author: Author; onMarked: () => void }) {
  const [said, setSaid] = useState<string | null>(null);
  if (!author.id && !author.name && !author.email) return null;
  const mark = async () => {
    try {
      await send('markBot', { platform: conversation.platform, author });
      setSaid(`${author.name ?? author.email ?? author.id} is now recognised as the bot.`);
      onMarked();
    } catch (e) {
      setSaid((e as Error).message);
    }
  };
  return said ? (
    <span className="muted small" role="status">
      {' '}
      {said}
    </span>
  ) : (
    <button type="button" className="btn btn-link btn-small" data-testid="mark-bot" onClick={trusted(() => void mark())}>
      This author is the bot
    </button>
  );
}
