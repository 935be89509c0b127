import { connectionsItem, policyStore } from '@/utils/storage';
import { clearDraft } from './draft';
import { hostPatternFor, requestHostPermission } from './permissions';
import { requestWebhookAccess } from './webhook-access';
import { saveSecrets, secretPresence } from './secrets';
import { secretPatch, useOptions } from './store';
import { validateForm } from './validate';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Saves policy, connections and secrets together, or nothing when any field is invalid. Must be called
 * straight from the click: a custom base URL's host permission can only be asked for during the gesture.
 */
export function save(): Promise<void> {
  const s = useOptions.getState();
  const v = validateForm(s.form);
  if (!v.policy || !v.connections || v.issues.length) {
    useOptions.setState({
      showAllErrors: true,
      saveStatus: {
        state: 'failed',
        message: `Not saved: ${plural(v.issues.length, 'field')} need${v.issues.length === 1 ? 's' : ''} attention.`,
      },
    });
    return Promise.resolve();
  }
  const { policy, connections, accounts } = v;
  const pattern = policy.engine.kind === 'openai' ? hostPatternFor(policy.engine.baseURL) : null;
  // Asked before any await, while the click still counts as a user gesture.
  const permitted = pattern ? requestHostPermission(pattern) : Promise.resolve(true);
  // Webhook hosts are asked for in the same click but never hold the save up: a refusal shows at the webhook.
  // The browser shows one prompt at a time, so with a custom model host pending the webhook's Allow asks next.
  if (!pattern) void requestWebhookAccess(policy.notify.webhooks.map((w) => w.url));
  const edits = s.secretEdits;
  const submitted = s.form;
  useOptions.setState({ saveStatus: { state: 'saving', message: 'Saving…' }, saveIssues: [] });

  return (async () => {
    if (!(await permitted)) {
      const host = new URL(policy.engine.baseURL).host;
      useOptions.setState({
        showAllErrors: true,
        saveIssues: [
          {
            path: 'policy.engine.baseURL',
            message: `Baton needs your permission to reach ${host}. Save again and choose Allow, or use the offline engine.`,
          },
        ],
        saveStatus: { state: 'failed', message: 'Not saved: Baton was not allowed to reach the custom base URL.' },
      });
      return;
    }
    try {
      await policyStore.write(policy);
      await connectionsItem.set(connections);
      const patch = secretPatch(edits);
      const secretsSet = Object.keys(patch).length ? await saveSecrets(patch) : await secretPresence();
      // Saving is the team lead's answer to "your settings were upgraded": the notice has done its job.
      await Promise.all([clearDraft(), policyStore.clearMigrated()]);
      const effective = await policyStore.read();
      useOptions.setState((now) => ({
        saved: { policy: effective.policy, connections, accounts },
        managed: effective.managed,
        // What was typed stays on screen exactly as typed; edits made while saving stay unsaved.
        baseline: submitted,
        secretsSet,
        secretEdits: Object.fromEntries(Object.entries(now.secretEdits).filter(([k, val]) => edits[k as keyof typeof edits] !== val)),
        touched: {},
        showAllErrors: false,
        notices: { ...now.notices, draftRestoredAt: undefined, changedElsewhere: undefined, migratedFrom: undefined, problem: undefined },
        saveStatus: { state: 'saved', message: `Saved at ${new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.` },
      }));
    } catch (e) {
      useOptions.setState({ saveStatus: { state: 'failed', message: `Not saved: ${(e as Error).message}` } });
    }
  })();
}
