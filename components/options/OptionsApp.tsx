import { useEffect } from 'react';
import { listLabels } from '@/lib/platforms/metas';
import { loadOptions, watchPolicy } from './state/load';
import { useOptions } from './state/store';
import { BotIdentitySection } from './BotIdentitySection';
import { CheckSetupSection } from './CheckSetupSection';
import { FirstRun, useWelcomeRoute } from './FirstRun';
import { ConnectionsSection } from './ConnectionsSection';
import { EngineSection } from './EngineSection';
import { CustomerMessageSection } from './CustomerMessageSection';
import { EscalationSection } from './EscalationSection';
import { FollowThroughSection } from './FollowThroughSection';
import { RecordSection } from './RecordSection';
import { HandoffLogSection } from './HandoffLogSection';
import { ImportExportSection } from './ImportExportSection';
import { ManagedSection } from './ManagedSection';
import { NotificationsSection } from './NotificationsSection';
import { QueueWatchSection } from './QueueWatchSection';
import { Notices } from './Notices';
import { RoutingSection } from './RoutingSection';
import { SaveBar } from './SaveBar';
import { SubAgentsSection } from './SubAgentsSection';
import { SummarySection } from './SummarySection';
import { SuspendSection } from './SuspendSection';
import { useLeaveGuard } from './useLeaveGuard';

const SECTIONS = [
  ['connections', 'Connections'],
  ['check-setup', 'Check setup'],
  ['bot-identity', 'Bot identity'],
  ['sub-agents', 'Sub agents'],
  ['escalation', 'Escalation'],
  ['summary', 'Summary schema'],
  ['routing', 'Routing'],
  ['suspend', 'Suspend afterwards'],
  ['customer-message', 'Message to the customer'],
  ['follow-through', 'Follow-through'],
  ['queue-watch', 'Queue watch'],
  ['notifications', 'Notifications'],
  ['handoff-log', 'Handoff log'],
  ['handoff-record', 'Handoff record'],
  ['engine', 'AI engine'],
  ['import-export', 'Export and import'],
  ['managed', 'Managed policy'],
] as const;

export function OptionsApp() {
  const phase = useOptions((s) => s.phase);
  const loadError = useOptions((s) => s.loadError);
  useLeaveGuard();
  const [welcome, leaveWelcome] = useWelcomeRoute();
  useEffect(() => {
    void loadOptions();
    return watchPolicy();
  }, []);

  return (
    <div className="page">
      <header className="page-header">
        <h1>Baton options</h1>
        <p>How your team escalates bot conversations in {listLabels()}. Agents just click.</p>
      </header>
      <nav className="page-nav" aria-label="Sections">
        <ul>
          {SECTIONS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="page-main" data-testid="options" data-phase={phase} aria-busy={phase === 'loading' || undefined}>
        {phase === 'loading' && <p role="status">Loading your settings…</p>}
        {phase === 'failed' && (
          <p role="alert" className="notice notice-warn">
            Baton could not load its settings: {loadError}
          </p>
        )}
        {phase === 'ready' && welcome && <FirstRun onDone={leaveWelcome} />}
        {phase === 'ready' && !welcome && (
          <>
            <Notices />
            <ConnectionsSection />
            <CheckSetupSection />
            <BotIdentitySection />
            <SubAgentsSection />
            <EscalationSection />
            <SummarySection />
            <RoutingSection />
            <SuspendSection />
            <CustomerMessageSection />
            <FollowThroughSection />
            <QueueWatchSection />
            <NotificationsSection />
            <HandoffLogSection />
            <RecordSection />
            <EngineSection />
            <ImportExportSection />
            <ManagedSection />
          </>
        )}
      </main>
      {phase === 'ready' && <SaveBar />}
    </div>
  );
}
