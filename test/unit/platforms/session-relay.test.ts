import { describe, expect, it } from 'vitest';
import { inMatchPattern, sessionRequestProblem } from '@/lib/platforms/metas';

const ZENDESK_PAGE = 'https://acme.zendesk.com/agent/tickets/1';
const GORGIAS_PAGE = 'https://acme.gorgias.com/app/ticket/5001';

describe("the agent's tab relays only Baton's own API requests (review #13)", () => {
  it.each([
    [ZENDESK_PAGE, 'GET', 'https://acme.zendesk.com/api/v2/tickets/1.json'],
    [ZENDESK_PAGE, 'PUT', 'https://acme.zendesk.com/api/v2/tickets/1.json'],
    [GORGIAS_PAGE, 'POST', 'https://acme.gorgias.com/api/tickets/5001/messages'],
    [GORGIAS_PAGE, 'GET', 'https://acme.gorgias.com/api/users?limit=100'],
  ] as const)('%s may relay %s %s', (page, method, url) => {
    expect(sessionRequestProblem(page, { method, url })).toBeNull();
  });

  it.each([
    [ZENDESK_PAGE, 'GET', 'https://acme.zendesk.com/access/logout', /under \/api\/v2\//],
    [ZENDESK_PAGE, 'PUT', 'https://acme.zendesk.com/api/v2/../../admin/settings', /under \/api\/v2\//],
    [ZENDESK_PAGE, 'GET', 'https://acme.zendesk.com/api/lotus/x', /under \/api\/v2\//],
    [ZENDESK_PAGE, 'DELETE', 'https://acme.zendesk.com/api/v2/tickets/1.json', /cannot use DELETE/],
    [ZENDESK_PAGE, 'GET', 'https://other.zendesk.com/api/v2/tickets/1.json', /Cross-origin/],
    [GORGIAS_PAGE, 'GET', 'https://acme.gorgias.com/app/settings', /under \/api\//],
    [GORGIAS_PAGE, 'PATCH', 'https://acme.gorgias.com/api/tickets/5001', /cannot use PATCH/],
    ['https://app.frontapp.com/open/cnv_1', 'GET', 'https://app.frontapp.com/api/x', /does not relay/],
  ] as const)('%s refuses %s %s', (page, method, url, why) => {
    expect(sessionRequestProblem(page, { method, url })).toMatch(why);
  });

  it('reads match patterns the way the browser does', () => {
    expect(inMatchPattern('https://*.zendesk.com/agent/*', 'https://acme.zendesk.com/agent/tickets/1')).toBe(true);
    expect(inMatchPattern('https://*.zendesk.com/agent/*', 'https://acme.zendesk.com/hc/en-us')).toBe(false);
    expect(inMatchPattern('https://*.zendesk.com/*', 'https://evil.example/x.zendesk.com/')).toBe(false);
    expect(inMatchPattern('https://app.frontapp.com/*', 'https://app.frontapp.com.evil.example/')).toBe(false);
  });
});
