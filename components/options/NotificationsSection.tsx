import { useEffect } from 'react';
import type { WebhookKind } from '@/lib/schema/notify';
import { boundsOf, emptyRow, policyNodeAt } from './state/schema-form';
import { setField, useOptions } from './state/store';
import { requestWebhookAccess, refreshWebhookAccess, sendTestWebhook, useWebhookAccess, webhookPattern } from './state/webhook-access';
import { fieldId, LockGroup } from './Field';
import { SchemaField } from './SchemaField';
import { focusSoon } from './focus';
import { OutcomeText } from './OutcomeText';
import { Section } from './Section';

const URL_HELP: Record<WebhookKind, string> = {
  slack: 'From your Slack app’s Incoming Webhooks page: https://hooks.slack.com/services/…',
  json: 'Baton POSTs its escalation event as JSON, with an X-Baton-Delivery header your service can use to drop repeats.',
};

type Row = { key: string; kind: WebhookKind; url: string };
const MAX_WEBHOOKS = boundsOf(policyNodeAt('notify.webhooks')!).maxItems ?? Infinity;

/** Webhooks told about each escalation (Slack or generic JSON). */
export function NotificationsSection() {
  const webhooks = useOptions((s) => s.form.policy.notify.webhooks);
  const urls = webhooks.map((w) => w.url).join('\n');
  useEffect(() => {
    void refreshWebhookAccess(urls.split('\n'));
  }, [urls]);

  const add = () => {
    setField('policy.notify.webhooks', [...webhooks, emptyRow('policy.notify.webhooks')]);
    focusSoon(fieldId(`policy.notify.webhooks.${webhooks.length}.url`));
  };
  const remove = (i: number) => {
    setField(
      'policy.notify.webhooks',
      webhooks.filter((_, j) => j !== i),
    );
    focusSoon(webhooks.length > 1 ? fieldId(`policy.notify.webhooks.${Math.max(0, i - 1)}.url`) : 'add-webhook');
  };
  return (
    <Section
      id="notifications"
      title="Notifications"
      intro="Tell a Slack channel or another service about each escalation once it is done: the reason, the summary, where it was routed and a link to the conversation. A webhook that is down never holds up an escalation; Baton retries it for a while."
    >
      <LockGroup field="notify" legend="Webhooks">
        {webhooks.length === 0 && <p className="empty">No webhooks yet.</p>}
        <ol className="cards">
          {webhooks.map((w, i) => (
            <WebhookCard key={w.key} index={i} hook={w} onRemove={() => remove(i)} />
          ))}
        </ol>
        <button
          type="button"
          id="add-webhook"
          className="btn"
          data-testid="add-webhook"
          onClick={add}
          disabled={webhooks.length >= MAX_WEBHOOKS}
        >
          Add webhook
        </button>
      </LockGroup>
    </Section>
  );
}

function WebhookCard({ index, hook, onRemove }: { index: number; hook: Row; onRemove: () => void }) {
  const base = `policy.notify.webhooks.${index}` as const;
  const title = `Webhook ${index + 1}`;
  const test = useWebhookAccess((s) => s.tests[hook.key]);
  const pattern = webhookPattern(hook.url);
  return (
    <li className="card" data-testid={`webhook-${index}`}>
      <div className="card-head">
        <h3>{title}</h3>
        <button type="button" className="btn btn-quiet" aria-label={`Remove ${title.toLowerCase()}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      <SchemaField path={`${base}.kind`} context={<span className="sr-only"> of {title.toLowerCase()}</span>} />
      <SchemaField path={`${base}.url`} context={<span className="sr-only"> of {title.toLowerCase()}</span>} help={URL_HELP[hook.kind]} />
      {pattern && <AccessLine index={index} url={hook.url} pattern={pattern} />}
      <div className="row">
        <button
          type="button"
          className="btn"
          data-testid={`webhook-test-${index}`}
          disabled={!pattern || test?.state === 'busy'}
          onClick={() => void sendTestWebhook(hook.key, { kind: hook.kind, url: hook.url.trim() })}
        >
          Send test
        </button>
      </div>
      <OutcomeText testId={`webhook-test-result-${index}`} outcome={test ?? { state: 'idle', message: '' }} />
    </li>
  );
}

/** Whether the browser lets Baton reach this host, and the button that asks (a click: the prompt needs one). */
function AccessLine({ index, url, pattern }: { index: number; url: string; pattern: string }) {
  const access = useWebhookAccess((s) => s.access[pattern]);
  const host = new URL(url.trim()).host;
  const ask = (
    <button type="button" className="btn btn-quiet" data-testid={`webhook-allow-${index}`} onClick={() => void requestWebhookAccess([url])}>
      Allow
    </button>
  );
  switch (access) {
    case 'allowed':
      return (
        <p className="help" data-testid={`webhook-access-${index}`} data-access="allowed">
          Baton may send to {host}.
        </p>
      );
    case 'asking':
      return (
        <p className="help" role="status" data-testid={`webhook-access-${index}`} data-access="asking">
          Waiting for your answer in the browser’s prompt to let Baton reach {host}…
        </p>
      );
    case 'refused':
      return (
        <p className="field-error" role="alert" data-testid={`webhook-access-${index}`} data-access="refused">
          Refused: Baton cannot send notifications to {host} until you allow it. {ask}
        </p>
      );
    default:
      return (
        <p className="help" data-testid={`webhook-access-${index}`} data-access="missing">
          Baton is not allowed to reach {host} yet; saving asks your browser. {ask}
        </p>
      );
  }
}
