import { join } from 'node:path';
import { startSandbox } from './server';
import { hostRules } from '../e2e/harness';

const sandbox = await startSandbox({
  httpsPort: Number(process.env.SANDBOX_HTTPS_PORT ?? 8443),
  httpPort: Number(process.env.SANDBOX_HTTP_PORT ?? 8080),
  trafficFile: join(import.meta.dirname, '../../test-results/sandbox-traffic.jsonl'),
});
console.log(`Sandbox helpdesk: ${sandbox.httpsUrl} (HTTPS), ${sandbox.httpUrl} (HTTP, admin at /__admin/state)`);
console.log(`Chromium flags: --ignore-certificate-errors --host-resolver-rules="${hostRules(sandbox.httpsPort)}"`);
const stop = () => void sandbox.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
