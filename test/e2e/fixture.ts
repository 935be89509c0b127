import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox } from '../sandbox/server';
import { clearEscalations, configure, launchBrowser, ROOT, type Launched, type Sandbox } from './harness';

/** What the team lead saved before the first test (see `configure`). */
type Settings = Parameters<typeof configure>[1];

export interface E2EOptions {
  /** The sandbox's traffic log, from the repo root (default: the one `npm test` starts empty); null keeps none. */
  trafficFile?: string | null;
  /** Saved in the extension once the browser is up; gets the running sandbox. Omitted: nothing is saved. */
  settings?: (sandbox: Sandbox) => Settings | Promise<Settings>;
  /** Before each test, the sandbox's helpdesks go back to their seed and Baton forgets its escalations and drafts. */
  fresh?: boolean;
  /** False: the page as shipped, the sidebar's closed shadow root not revealed to locators (see closed-roots.ts). */
  revealSidebar?: boolean;
}

export interface E2E {
  readonly sandbox: Sandbox;
  readonly browser: Launched;
  /**
   * Another browser profile on the same sandbox (another agent's browser), with its own saved settings; closed
   * with the others after the last test, or earlier by the test.
   */
  profile(settings?: Settings): Promise<Launched>;
}

/**
 * The one setup of an end-to-end file: the sandbox helpdesks, Chromium with the built extension, the saved
 * settings, and clean-up after the last test. Call it once at the top of the file; the file's own hooks run
 * after this one's set-up and before its clean-up, so they can use `e2e.sandbox` and `e2e.browser`.
 */
export function e2eFixture(opts: E2EOptions = {}): E2E {
  let sandbox: Sandbox | undefined;
  let browser: Launched | undefined;
  const trafficFile = opts.trafficFile === undefined ? 'test-results/sandbox-traffic.jsonl' : opts.trafficFile;

  beforeAll(async () => {
    sandbox = await startSandbox(trafficFile ? { trafficFile: join(ROOT, trafficFile) } : {});
    browser = await launchBrowser(sandbox, { revealSidebar: opts.revealSidebar });
    if (opts.settings) await configure(browser.worker, await opts.settings(sandbox));
  });
  const profiles: Launched[] = [];
  afterAll(async () => {
    for (const p of profiles) await p.close();
    await browser?.close();
    await sandbox?.stop();
  });
  if (opts.fresh) {
    beforeEach(async () => {
      sandbox!.reset();
      await clearEscalations(browser!.worker);
    });
  }

  const started = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`The e2e ${what} is not started yet: use it inside a test or hook.`);
    return value;
  };
  return {
    get sandbox() {
      return started('sandbox', sandbox);
    },
    get browser() {
      return started('browser', browser);
    },
    async profile(settings) {
      const launched = await launchBrowser(started('sandbox', sandbox), { revealSidebar: opts.revealSidebar });
      profiles.push(launched);
      if (settings) await configure(launched.worker, settings);
      return launched;
    },
  };
}
