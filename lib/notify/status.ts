import { hostOf, type Delivery } from './outbox';

/** One line per webhook of one escalation, as the sidebar shows it under "Escalated …". */
export interface NotifyLine {
  state: 'sending' | 'delivered' | 'retrying' | 'failed';
  text: string;
}

const nameOf = (d: Delivery) => (d.webhook.kind === 'slack' ? 'Slack' : `Webhook ${hostOf(d.webhook.url)}`);
const clause = (s: string) => s.replace(/\.$/, '');

/** What the team lead's webhooks were told about this escalation (nothing when none is configured). */
export function notifyLines(outbox: Delivery[], journalKey: string, startedAt: string): NotifyLine[] {
  return outbox
    .filter((d) => d.journalKey === journalKey && d.startedAt === startedAt)
    .map((d): NotifyLine => {
      switch (d.status) {
        case 'delivered':
          return { state: 'delivered', text: `${nameOf(d)} notified` };
        case 'failed':
          return { state: 'failed', text: `${nameOf(d)} not notified: ${clause(d.lastError ?? 'it kept failing')}` };
        default:
          return d.lastError
            ? { state: 'retrying', text: `${nameOf(d)} failed: ${clause(d.lastError)}, retrying` }
            : { state: 'sending', text: `Notifying ${d.webhook.kind === 'slack' ? 'Slack' : hostOf(d.webhook.url)}…` };
      }
    });
}
