/**
 * `npm run demo`: builds Baton, starts the sandbox helpdesk and opens Chromium with Baton loaded on a demo
 * conversation of each platform. Headed when a display exists; headless otherwise, saving a screenshot per
 * platform under demo-output/. Ctrl-C stops everything it started.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../test/sandbox/server';
import { configure, launchBrowser, ROOT, verdictStatus } from '../test/e2e/harness';
import { demoPolicy } from '../test/fixtures/demo-policy';
import { demoUrls } from '../test/fixtures/urls';

async function main() {
  const headed = !!process.env.DISPLAY && process.env.HEADLESS !== '1';
  console.log('Building the extension…');
  execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  const sandbox = await startSandbox({ trafficFile: join(ROOT, 'test-results/sandbox-traffic.jsonl') });
  console.log(`Sandbox helpdesk on ${sandbox.httpsUrl} (admin ${sandbox.httpUrl}/__admin/state)`);
  const launched = await launchBrowser(sandbox, { headless: !headed });
  const stop = async () => {
    await launched.close();
    await sandbox.stop();
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(0)));
  process.on('SIGTERM', () => void stop().then(() => process.exit(0)));

  await configure(launched.worker, { policy: await demoPolicy(Object.values(sandbox.platforms)) });
  const outDir = join(ROOT, 'demo-output');
  // Screenshots from an earlier run must not pass for this run's.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const missing: string[] = [];
  for (const [platform, url] of Object.entries(demoUrls())) {
    const page = await launched.context.newPage();
    await page.goto(url);
    const status = await verdictStatus(page, 30_000).catch(() => 'no verdict');
    console.log(`${platform}: ${url} → ${status}`);
    if (status === 'no verdict') missing.push(platform);
    if (!headed) {
      await page.waitForTimeout(400);
      const file = join(outDir, `${platform}.png`);
      await page.screenshot({ path: file });
      console.log(`  screenshot: ${file}`);
    }
  }
  if (headed) {
    console.log('Baton is running in the open Chromium window. Press Ctrl-C to stop.');
    await new Promise(() => {});
  }
  await stop();
  if (missing.length) {
    console.error(`No verdict was shown on ${missing.join(', ')}: the screenshots show why.`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
