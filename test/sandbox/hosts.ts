/** The real hostnames Baton talks to; Chromium maps them all to the sandbox so manifest match patterns stay real. */
export const SANDBOX_HOSTS = [
  '*.zendesk.com',
  '*.gorgias.com',
  'app.frontapp.com',
  'api2.frontapp.com',
  'api.openai.com',
  'hooks.slack.com',
  'hooks.example.test',
] as const;

/** Value for Chromium's --host-resolver-rules: every real host on 443 goes to the sandbox's HTTPS port. */
export function hostResolverRules(httpsPort: number): string {
  return SANDBOX_HOSTS.map((h) => `MAP ${h}:443 127.0.0.1:${httpsPort}`).join(', ');
}
