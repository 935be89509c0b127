import { policyStore } from '@/utils/storage';
import { clearDraft, saveDraft } from './draft';
import { policyToForm } from './form';
import { parseImport } from './import-export';
import { sameForm, useOptions } from './store';

/**
 * An import replaces the policy and saves it at once, or, when anything is wrong, changes nothing and
 * lists every problem with its field. Connections and secrets are never part of an import.
 */
export async function importPolicy(text: string): Promise<void> {
  const parsed = parseImport(text);
  if (!parsed.ok) {
    useOptions.setState({
      importStatus: {
        state: 'error',
        message: `Nothing was imported: the file has ${parsed.issues.length === 1 ? 'a problem' : `${parsed.issues.length} problems`}.`,
        issues: parsed.issues,
      },
    });
    return;
  }
  try {
    await policyStore.write(parsed.policy);
    await policyStore.clearMigrated();
    const { policy, managed } = await policyStore.read();
    const form = policyToForm(policy);
    useOptions.setState((s) => ({
      saved: { ...s.saved, policy },
      managed,
      baseline: { ...s.baseline, policy: form },
      form: { ...s.form, policy: form },
      touched: {},
      showAllErrors: false,
      saveIssues: [],
      notices: { ...s.notices, migratedFrom: undefined, problem: undefined, changedElsewhere: undefined },
      importStatus: {
        state: 'ok',
        message: [
          'Imported and saved.',
          parsed.migratedFrom !== undefined ? `It was upgraded from policy version ${parsed.migratedFrom}.` : '',
          managed.length ? 'Fields set by your administrator were kept.' : '',
        ]
          .filter(Boolean)
          .join(' '),
        issues: [],
      },
    }));
    const now = useOptions.getState();
    // Unsaved connection edits are not part of the import and stay as a draft.
    if (sameForm(now.form, now.baseline)) await clearDraft();
    else saveDraft(now.form);
  } catch (e) {
    useOptions.setState({ importStatus: { state: 'error', message: `Nothing was imported: ${(e as Error).message}`, issues: [] } });
  }
}
