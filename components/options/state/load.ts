import { PLATFORM_METAS } from '@/lib/platforms/metas';
import { connectionsItem, migrateStorage, policyStore } from '@/utils/storage';
import { accountsOf } from './accounts';
import { clearDraft, loadDraft } from './draft';
import { connectionsToForm, policyToForm, type FormState, type PolicyForm } from './form';
import { readLastConversation } from './last-conversation';
import { loadTargets } from './remote';
import { secretPresence } from './secrets';
import { storedPolicyVersion } from './stored-version';
import { sameForm, useOptions } from './store';

/** Fields the administrator set always show their managed value, even over a restored draft. */
function withManaged(form: PolicyForm, effective: PolicyForm, managed: string[]): PolicyForm {
  const out = { ...form } as Record<string, unknown>;
  for (const k of managed) if (k in effective) out[k] = (effective as Record<string, unknown>)[k];
  return out as PolicyForm;
}

export async function loadOptions(): Promise<void> {
  try {
    // The page can open before the background has upgraded older stored values (right after an update).
    await migrateStorage();
    const [{ policy, problem, managed }, connections, secretsSet, lastConversation, draft] = await Promise.all([
      policyStore.read(),
      connectionsItem.get(),
      secretPresence(),
      readLastConversation(),
      loadDraft(),
    ]);
    // Asked after read(), which waits for the upgrade that records the version it started from.
    const version = await storedPolicyVersion();
    const accounts = accountsOf(connections);
    const baseline: FormState = { policy: policyToForm(policy), connections: connectionsToForm(connections, accounts) };
    const restore = draft && !sameForm(draft.form, baseline) ? draft : null;
    const form = restore ? { ...restore.form, policy: withManaged(restore.form.policy, baseline.policy, managed) } : baseline;
    useOptions.setState((s) => ({
      phase: 'ready',
      saved: { policy, connections, accounts },
      baseline,
      form,
      secretsSet,
      managed,
      lastConversation,
      // Real data makes the better preview, but only by default: a reload keeps the team lead's choice.
      preview: lastConversation && s.phase === 'loading' ? { ...s.preview, sample: 'last' } : s.preview,
      notices: {
        migratedFrom: version !== null && !problem ? version : undefined,
        problem,
        draftRestoredAt: restore?.savedAt,
      },
    }));
  } catch (e) {
    useOptions.setState({ phase: 'failed', loadError: (e as Error).message });
    return;
  }
  const { form, secretsSet } = useOptions.getState();
  // Lists load only for helpdesks that are set up, so an unused one never shows an error.
  for (const m of PLATFORM_METAS) {
    const setUp = m.account
      ? !!form.connections[m.platform].account.trim()
      : m.secrets.some((x) => secretsSet[x.key as keyof typeof secretsSet]);
    if (setUp) void loadTargets(m.platform);
  }
}

/**
 * Another tab (or the administrator) can change the policy while this page is open. A clean page simply
 * follows; a page with edits keeps them and says so, rather than silently dropping either side.
 */
export function watchPolicy(): () => void {
  return policyStore.watch(async () => {
    const { policy, managed } = await policyStore.read();
    const s = useOptions.getState();
    if (JSON.stringify(policy) === JSON.stringify(s.saved.policy) && managed.join() === s.managed.join()) return;
    const effective = policyToForm(policy);
    if (sameForm(s.form.policy, s.baseline.policy)) {
      useOptions.setState({
        saved: { ...s.saved, policy },
        managed,
        baseline: { ...s.baseline, policy: effective },
        form: { ...s.form, policy: effective },
      });
    } else {
      useOptions.setState({ notices: { ...s.notices, changedElsewhere: true } });
    }
  });
}

/** Back to what is stored now (which may have changed in another window), dropping the draft. */
export async function discardChanges(): Promise<void> {
  await clearDraft();
  useOptions.setState({
    secretEdits: {},
    touched: {},
    showAllErrors: false,
    saveIssues: [],
    saveStatus: { state: 'idle', message: 'Changes discarded.' },
  });
  await loadOptions();
}
