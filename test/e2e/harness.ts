import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startSandbox } from '../sandbox/server';
import { AGENT } from '../sandbox/scenarios';
import { SECRETS_DB } from '@/utils/storage/secrets-db';
import { revealClosedRoots } from './closed-roots';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const OUTPUT_DIR = process.env.BATON_OUT_DIR ? resolve(process.env.BATON_OUT_DIR) : join(ROOT, '.output');
const EXTENSION_DIR = join(OUTPUT_DIR, 'chrome-mv3');

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error("Chromium is missing: run 'sudo apt-get install -y chromium' or set CHROMIUM_PATH.");
  return found;
}

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Starts Chromium with the built extension loaded, as a user would have it. */
export async function launchBrowser(
  sandbox: Sandbox,
  opts: { headless?: boolean; userDataDir?: string; revealSidebar?: boolean } = {},
): Promise<Launched> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The extension is not built: run `npx wxt build` first (npm test does it).');
  }
  const dir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'baton-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    // Extensions need Chromium's new headless mode, passed by hand; Playwright's own flag would drop them.
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1400, height: 900 },
    ignoreHTTPSErrors: true,
    args: [
      ...((opts.headless ?? true) ? ['--headless=new'] : []),
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${sandbox.hostResolverRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Tests find the sidebar's elements through its closed shadow root; `revealSidebar: false` is the page as shipped.
  if (opts.revealSidebar ?? true) await revealClosedRoots(context);
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close().catch(() => {});
      if (!opts.userDataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Sandbox credentials, saved the way the options page saves them. The Front connection names the sandbox
 * agent as the note author (what the agent sets once), unless the test passes its own Front connection.
 */
export async function configure(
  worker: Worker,
  extra: { policy?: unknown; connections?: Record<string, unknown>; secrets?: Record<string, string> } = {},
) {
  const connections = {
    front: { authMode: 'token', apiBase: 'https://api2.frontapp.com', authorEmail: AGENT.email },
    ...(extra.connections ?? {}),
  };
  await worker.evaluate(
    async (cfg) => {
      const c = (globalThis as any).chrome;
      if (cfg.connections) await c.storage.sync.set({ 'baton:connections': cfg.connections });
      if (cfg.policy) await c.storage.sync.set({ 'baton:policy': cfg.policy });
    },
    { ...extra, connections },
  );
  await saveSecrets(worker, { frontToken: 'sandbox-front-token', openaiApiKey: 'sk-sandbox', ...(extra.secrets ?? {}) });
}

/** Replaces the saved secrets where the worker keeps them: the extension's IndexedDB (utils/storage/secrets.ts). */
export async function saveSecrets(worker: Worker, secrets: Record<string, string>): Promise<void> {
  await worker.evaluate(
    async ({ db: { name, version, store, key }, secrets }) => {
      const open = indexedDB.open(name, version);
      open.onupgradeneeded = () => {
        if (!open.result.objectStoreNames.contains(store)) open.result.createObjectStore(store);
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        tx.objectStore(store).put(secrets, key);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { db: SECRETS_DB, secrets },
  );
}

export const sidebar = (page: Page) => page.locator('[data-testid="baton-sidebar"]');

/** Waits until the sidebar shows a verdict and returns its status. */
export async function verdictStatus(page: Page, timeout = 20_000): Promise<string | null> {
  const title = page.locator('.verdict-title');
  await title.waitFor({ timeout });
  return title.getAttribute('data-status');
}

export async function admin(sandbox: Sandbox, path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${sandbox.httpUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

/** Forgets every escalation journal and note draft, so each test starts from an untouched conversation. */
export async function clearEscalations(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const c = (globalThis as any).chrome;
    const all = await c.storage.local.get(null);
    await c.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('baton:journal:') || k.startsWith('baton:draft:')));
  });
}

/** What Baton changed on one platform since a point in the sandbox's traffic (every request but reads). */
export function writesSince(sandbox: Sandbox, platform: string, since: number) {
  return sandbox
    .traffic()
    .slice(since)
    .filter((t) => t.platform === platform && t.method !== 'GET');
}
