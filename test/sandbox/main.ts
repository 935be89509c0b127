/**
 * `npm run sandbox`: the sandbox helpdesk on fixed ports, for poking at it by hand or pointing a browser at it.
 */
import { startSandbox } from './server';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`${name} must be a port number, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

const httpsPort = port('SANDBOX_HTTPS_PORT', 8443);
const httpPort = port('SANDBOX_HTTP_PORT', 8080);

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
try {
  sandbox = await startSandbox({ httpsPort, httpPort });
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port in use: set SANDBOX_HTTPS_PORT / SANDBOX_HTTP_PORT to free ports (${String(e)})` : e);
  process.exit(1);
}

console.log(`Sandbox helpdesk
  HTTPS (browser, real hostnames): ${sandbox.httpsUrl}
  HTTP  (Node, X-Sandbox-Host):    ${sandbox.httpUrl}
  Admin:                           ${sandbox.httpUrl}/__admin/state
  Platforms:                       ${Object.keys(sandbox.platforms).join(', ')}
Chromium flags:
  --ignore-certificate-errors --host-resolver-rules="${sandbox.hostResolverRules}"
Ctrl-C stops it.`);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  // A second Ctrl-C means "now", even if a delayed answer is still draining.
  if (stopping) process.exit(130);
  stopping = true;
  console.log(`\n${signal}: stopping the sandbox`);
  void sandbox.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
