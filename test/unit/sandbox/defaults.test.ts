import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hostResolverRules } from '@/test/sandbox/hosts';
import { startSandbox } from '@/test/sandbox/server';
import { call } from './helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('sandbox with its real platforms', () => {
  it('serves Zendesk, Gorgias, Front, OpenAI and the webhook receiver by default', async () => {
    const sb = await startSandbox({ trafficFile: false });
    try {
      expect(Object.keys(sb.platforms).sort()).toEqual(['front', 'gorgias', 'openai', 'webhooks', 'zendesk']);
      expect(Object.keys((await call({ port: sb.httpPort, path: '/__admin/state' })).json).sort()).toEqual([
        'front',
        'gorgias',
        'openai',
        'webhooks',
        'zendesk',
      ]);
      expect(sb.hostResolverRules).toBe(hostResolverRules(sb.httpsPort));
      expect(sb.hostResolverRules).toContain(`MAP *.zendesk.com:443 127.0.0.1:${sb.httpsPort}`);
    } finally {
      await sb.stop();
    }
  });
});

describe('npm run sandbox', () => {
  it('prints its URLs and the Chromium flags, answers, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/sandbox/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, SANDBOX_HTTPS_PORT: '0', SANDBOX_HTTP_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    let exitCode: number | null | undefined;
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r((exitCode = code))));
    try {
      // Stop waiting as soon as it has either started or died; its output says why.
      await expect
        .poll(() => (exitCode !== undefined ? `exited early (${exitCode}):\n${out}` : out), { timeout: 15_000, interval: 100 })
        .toMatch(/Ctrl-C stops it|exited early/);
      expect(out).toContain('Ctrl-C stops it');
      expect(out).toMatch(/--host-resolver-rules="MAP \*\.zendesk\.com:443 127\.0\.0\.1:\d+/);
      const httpPort = Number(/http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
      expect((await call({ port: httpPort, path: '/__admin/state' })).status).toBe(200);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toContain('SIGINT: stopping the sandbox');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
