import { send } from '@/utils/messaging';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';
import { engineNeedsKey } from '@/lib/schema/policy';
import { authModeOf, metaFor } from '@/lib/platforms/metas';
import { ACCOUNT_NAME_MESSAGE, ACCOUNT_NAME_RE, ConnectionsSchema, type Connections } from '@/lib/schema/connections';
import { connectionsItem } from '@/utils/storage';
import { accountsOf } from './accounts';
import { accountOf, PLATFORM_LABELS, type SecretKey } from './form';
import { saveSecrets, secretPresence } from './secrets';
import { sameForm, secretPatch, useOptions, type OptionsState } from './store';
import { connectionSlice, parseConnectionsForm } from './validate';

/** The secrets each helpdesk's token sign-in uses, from the registry. */
const PLATFORM_SECRETS = Object.fromEntries(PLATFORMS.map((p) => [p, metaFor(p).secrets.map((s) => s.key as SecretKey)])) as Record<
  Platform,
  SecretKey[]
>;

/**
 * The account Options may ask the background about. Never one the field flags (a pasted address could name
 * another host), and in token mode only the saved one: the background answers with the saved token, which
 * it uses for the saved account alone. In session mode a typed account is fine before saving: the request
 * goes through the agent's own tab of that account.
 */
export function requestAccount(s: Pick<OptionsState, 'form' | 'saved'>, platform: Platform): { account: string } | { error: string } {
  const meta = metaFor(platform);
  const typed = accountOf(s.form.connections, platform);
  if (!meta.account) return { account: typed };
  const label = PLATFORM_LABELS[platform];
  if (!typed) return { error: `Enter the ${label} account under Connections first.` };
  if (!ACCOUNT_NAME_RE.test(typed)) return { error: `Fix the ${label} account under Connections first: ${ACCOUNT_NAME_MESSAGE}.` };
  const saved = s.saved.accounts[platform] ?? '';
  const savedMode = authModeOf(meta, connectionOf(s.saved.connections, platform));
  if (savedMode === 'token' && typed !== saved) {
    return { error: `Save the ${label} account under Connections first: Baton uses the API token for the saved account only.` };
  }
  return { account: typed };
}

const connectionOf = (c: Connections, platform: Platform) => c[platform] as Record<string, unknown> | undefined;

const seq = Object.fromEntries(PLATFORMS.map((p) => [p, 0])) as Record<Platform, number>;

/** The live list of inboxes/teams/groups, users and views, as the background's adapter fetches it. */
export async function loadTargets(platform: Platform, refresh = false): Promise<void> {
  const asked = requestAccount(useOptions.getState(), platform);
  const setList = (list: Partial<ReturnType<typeof useOptions.getState>['targets'][Platform]>) =>
    useOptions.setState((s) => ({ targets: { ...s.targets, [platform]: { ...s.targets[platform], ...list } } }));
  if ('error' in asked) {
    setList({ state: 'error', error: asked.error });
    return;
  }
  const { account } = asked;
  const mine = ++seq[platform];
  setList({ state: 'loading', error: '' });
  try {
    const items = await send('targets', { platform, account, refresh });
    if (mine !== seq[platform]) return;
    setList({ state: 'ready', items, error: '' });
  } catch (e) {
    if (mine !== seq[platform]) return;
    setList({ state: 'error', error: (e as Error).message });
  }
}

function setTest(platform: Platform, state: 'busy' | 'ok' | 'error', message: string) {
  useOptions.setState((s) => ({ connectionTests: { ...s.connectionTests, [platform]: { state, message } } }));
}

/**
 * Saves this helpdesk's connection settings (not the policy) first, because the background worker tests
 * what is stored: the team lead expects the token they just typed to be the one tested.
 */
export async function testConnection(platform: Platform): Promise<void> {
  const s = useOptions.getState();
  const own = parseConnectionsForm(s.form.connections).issues.filter((i) => i.path.startsWith(`connections.${platform}.`));
  if (own.length) {
    useOptions.setState({ touched: { ...s.touched, ...Object.fromEntries(own.map((i) => [i.path, true as const])) } });
    setTest(platform, 'error', 'Fix the highlighted fields first.');
    return;
  }
  const account = accountOf(s.form.connections, platform);
  if (!account) {
    setTest(platform, 'error', `Enter the ${PLATFORM_LABELS[platform]} account first.`);
    return;
  }
  setTest(platform, 'busy', 'Testing…');
  try {
    await saveConnectionOf(platform);
  } catch (e) {
    setTest(platform, 'error', `Could not save the connection settings: ${(e as Error).message}`);
    return;
  }
  try {
    const who = await send('testConnection', { platform, account });
    setTest(platform, 'ok', `Connected. Baton acts as ${who.name}${who.email ? ` (${who.email})` : ''}.`);
    void loadTargets(platform, true);
  } catch (e) {
    setTest(platform, 'error', (e as Error).message);
  }
}

async function saveConnectionOf(platform: Platform): Promise<void> {
  const s = useOptions.getState();
  const f = s.form.connections;
  const connections = ConnectionsSchema.parse({ ...s.saved.connections, [platform]: connectionSlice(f, platform) });
  await connectionsItem.set(connections);
  const accounts = accountsOf(connections);
  const keys = PLATFORM_SECRETS[platform];
  const patch = secretPatch(Object.fromEntries(keys.map((k) => [k, s.secretEdits[k]])));
  const secretsSet = Object.keys(patch).length ? await saveSecrets(patch) : await secretPresence();
  useOptions.setState((now) => {
    const secretEdits = Object.fromEntries(Object.entries(now.secretEdits).filter(([k]) => !keys.includes(k as SecretKey)));
    const baseline = { ...now.baseline, connections: { ...now.baseline.connections, [platform]: now.form.connections[platform] } };
    return {
      saved: { ...now.saved, connections, accounts },
      baseline,
      secretsSet,
      secretEdits: Object.keys(patch).length ? secretEdits : now.secretEdits,
    };
  });
}

/** Why the engine test cannot run right now, or null; it tests the saved settings only. */
export function engineTestBlocker(s: ReturnType<typeof useOptions.getState>): string | null {
  if (!sameForm(s.form.policy.engine, s.baseline.policy.engine) || 'openaiApiKey' in secretPatch(s.secretEdits)) {
    return 'Save your changes first: the test uses the saved engine settings.';
  }
  if (!s.secretsSet.openaiApiKey && engineNeedsKey(s.baseline.policy.engine.baseURL)) return 'Add an API key and save first.';
  return null;
}

export async function testEngine(): Promise<void> {
  const blocker = engineTestBlocker(useOptions.getState());
  const set = (state: 'busy' | 'ok' | 'error', message: string) => useOptions.setState({ engineTest: { state, message } });
  if (blocker) return set('error', blocker);
  set('busy', 'Testing…');
  try {
    const r = await send('testEngine');
    set('ok', `Works: the model answered a test request and its verdict (${r.status}) passed Baton's checks.`);
  } catch (e) {
    set('error', (e as Error).message);
  }
}
