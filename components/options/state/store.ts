import { create } from 'zustand';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';
import { ConnectionsSchema, type Connections } from '@/lib/schema/connections';
import { defaultPolicy, type Policy } from '@/lib/schema/policy';
import type { Target } from '@/lib/schema/target';
import { clearDraft, saveDraft } from './draft';
import { connectionsToForm, policyToForm, SECRET_KEYS, type Accounts, type FormState, type SecretKey } from './form';
import type { LastConversation } from './last-conversation';
import { DEFAULT_PREVIEW, type PreviewSettings } from './preview';
import type { SecretPresence } from './secrets';
import type { Issue } from './validate';

interface Saved {
  policy: Policy;
  connections: Connections;
  accounts: Accounts;
}

export interface Outcome {
  state: 'idle' | 'busy' | 'ok' | 'error';
  message: string;
}

interface TargetList {
  state: 'idle' | 'loading' | 'ready' | 'error';
  items: Target[];
  error: string;
}

export interface OptionsState {
  phase: 'loading' | 'ready' | 'failed';
  loadError: string;
  saved: Saved;
  /** The form as last loaded or saved; the page is dirty when `form` differs from it. */
  baseline: FormState;
  form: FormState;
  secretsSet: SecretPresence;
  /** New secret values typed (string; empty while replacing) or marked for removal (null); memory only. */
  secretEdits: Partial<Record<SecretKey, string | null>>;
  /** Top-level policy fields set by the administrator (storage.managed). */
  managed: string[];
  notices: { migratedFrom?: number; problem?: string; draftRestoredAt?: number; changedElsewhere?: boolean };
  /** Fields the team lead has edited; their errors show as they type. All show after a Save attempt. */
  touched: Record<string, true>;
  showAllErrors: boolean;
  saveStatus: { state: 'idle' | 'saving' | 'saved' | 'failed'; message: string };
  /** Issues only known at save time (a permission refused), shown at their field like any other. */
  saveIssues: Issue[];
  targets: Record<Platform, TargetList>;
  connectionTests: Record<Platform, Outcome>;
  engineTest: Outcome;
  importStatus: { state: 'idle' | 'ok' | 'error'; message: string; issues: Issue[] };
  preview: PreviewSettings;
  lastConversation: LastConversation | null;
}

const idleTargets = (): TargetList => ({ state: 'idle', items: [], error: '' });
const idle = (): Outcome => ({ state: 'idle', message: '' });

export function initialState(): OptionsState {
  const policy = defaultPolicy();
  const connections = ConnectionsSchema.parse({});
  const accounts = {};
  const form = { policy: policyToForm(policy), connections: connectionsToForm(connections, accounts) };
  return {
    phase: 'loading',
    loadError: '',
    saved: { policy, connections, accounts },
    baseline: form,
    form,
    secretsSet: Object.fromEntries(SECRET_KEYS.map((k) => [k, false])) as SecretPresence,
    secretEdits: {},
    managed: [],
    notices: {},
    touched: {},
    showAllErrors: false,
    saveStatus: { state: 'idle', message: '' },
    saveIssues: [],
    targets: Object.fromEntries(PLATFORMS.map((p) => [p, idleTargets()])) as Record<Platform, TargetList>,
    connectionTests: Object.fromEntries(PLATFORMS.map((p) => [p, idle()])) as Record<Platform, Outcome>,
    engineTest: idle(),
    importStatus: { state: 'idle', message: '', issues: [] },
    preview: DEFAULT_PREVIEW,
    lastConversation: null,
  };
}

export const useOptions = create<OptionsState>()(() => initialState());

/** Compared without list-row keys, which are regenerated on load and mean nothing to the team lead. */
export function sameForm(a: unknown, b: unknown): boolean {
  const strip = (_k: string, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && 'key' in v ? { ...(v as object), key: undefined } : v;
  return JSON.stringify(a, strip) === JSON.stringify(b, strip);
}

/** Secret edits that change something when saved: a new value, or null to remove the saved one. */
export function secretPatch(edits: OptionsState['secretEdits']): Partial<Record<SecretKey, string>> {
  // undefined (untouched) and '' (Replace pressed, nothing typed yet) must never clear a saved secret.
  return Object.fromEntries(Object.entries(edits).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, v ?? '']])));
}

export function isDirty(s: Pick<OptionsState, 'form' | 'baseline' | 'secretEdits'>): boolean {
  return Object.keys(secretPatch(s.secretEdits)).length > 0 || !sameForm(s.form, s.baseline);
}

export function isManagedPath(path: string, managed: string[]): boolean {
  const [area, top] = path.split('.');
  return area === 'policy' && top !== undefined && managed.includes(top);
}

function setIn<T>(obj: T, parts: string[], value: unknown): T {
  if (!parts.length) return value as T;
  const [head, ...rest] = parts as [string, ...string[]];
  if (Array.isArray(obj)) {
    const copy = [...obj];
    copy[Number(head)] = setIn(copy[Number(head)], rest, value);
    return copy as T;
  }
  const o = (obj ?? {}) as Record<string, unknown>;
  return { ...o, [head]: setIn(o[head], rest, value) } as T;
}

/** Drafts follow every edit, and are dropped once the form is back to what is saved. */
function persistDraft(s: OptionsState): void {
  if (sameForm(s.form, s.baseline)) void clearDraft();
  else saveDraft(s.form);
}

/**
 * The one way the form changes. A path is a form path ("policy.subAgents.0.name"); replacing a list
 * forgets which of its rows were touched, because their indexes moved.
 */
export function setField(path: string, value: unknown): void {
  const s = useOptions.getState();
  if (isManagedPath(path, s.managed)) return;
  const form = setIn(s.form, path.split('.'), value);
  const touched = Array.isArray(value)
    ? Object.fromEntries(Object.entries(s.touched).filter(([k]) => !k.startsWith(`${path}.`)))
    : { ...s.touched };
  touched[path] = true;
  useOptions.setState({
    form,
    touched,
    saveStatus: s.saveStatus.state === 'saved' ? { state: 'idle', message: '' } : s.saveStatus,
    saveIssues: s.saveIssues.filter((i) => !i.path.startsWith(path)),
  });
  persistDraft(useOptions.getState());
}

export function setSecret(key: SecretKey, value: string | null | undefined): void {
  const { [key]: _drop, ...rest } = useOptions.getState().secretEdits;
  useOptions.setState({ secretEdits: value === undefined ? rest : { ...rest, [key]: value } });
}

export function setPreview(patch: Partial<PreviewSettings>): void {
  useOptions.setState((s) => ({ preview: { ...s.preview, ...patch } }));
}
