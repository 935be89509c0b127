import { describe, expect, it } from 'vitest';
import { gorgiasAdapter } from '@/lib/platforms/gorgias';
import { detectConversation } from '@/lib/platforms';

/** Real shapes: /app/ticket/{id} (Slack notifiers and other 3P code) and /app/views/{view}/{id} (Gorgias's own app test). */
const TICKETS: [string, string, string][] = [
  ['https://acme.gorgias.com/app/ticket/5001', 'acme', '5001'],
  ['https://acme.gorgias.com/app/ticket/5001/', 'acme', '5001'],
  ['https://acme.gorgias.com/app/ticket/5001?foo=bar', 'acme', '5001'],
  ['https://acme.gorgias.com/app/ticket/5001#message-80003', 'acme', '5001'],
  ['https://acme.gorgias.com/app/views/21/5001', 'acme', '5001'],
  ['https://acme.gorgias.com/app/views/123/456', 'acme', '456'],
  ['https://acme.gorgias.com/app/views/20/5009/', 'acme', '5009'],
  ['https://example.gorgias.com/app/views/123/456', 'example', '456'],
  ['https://ACME-Store.gorgias.com/app/ticket/77', 'acme-store', '77'],
  ['https://shop42.gorgias.com/app/ticket/1234567890', 'shop42', '1234567890'],
];

const NOT_TICKETS = [
  'https://acme.gorgias.com/app',
  'https://acme.gorgias.com/app/',
  'https://acme.gorgias.com/app/views/21',
  'https://acme.gorgias.com/app/views/21/',
  'https://acme.gorgias.com/app/settings',
  'https://acme.gorgias.com/app/settings/rest-api',
  'https://acme.gorgias.com/app/customer/7001',
  'https://acme.gorgias.com/app/ticket/new',
  'https://acme.gorgias.com/app/ticket/',
  'https://acme.gorgias.com/app/tickets/5001',
  'https://acme.gorgias.com/app/ticket/5001/print',
  'https://acme.gorgias.com/app/views/new/5001',
  'https://acme.gorgias.com/ticket/5001',
  'https://acme.gorgias.com/api/tickets/5001',
  'https://acme.gorgias.com/login?next=%2Fapp%2Fviews%2F123%2F456',
  'http://acme.gorgias.com/app/ticket/5001',
  'https://acme.gorgias.com:8443/app/ticket/5001',
  'https://gorgias.com/app/ticket/5001',
  'https://www.gorgias.com/app/ticket/5001',
  'https://a.b.gorgias.com/app/ticket/5001',
  'https://acme.gorgias.io/app/ticket/5001',
  'https://acme.gorgias.com.evil.example/app/ticket/5001',
  'https://evil.example/acme.gorgias.com/app/ticket/5001',
  'https://-acme.gorgias.com/app/ticket/5001',
  'https://acme.zendesk.com/agent/tickets/5001',
  'https://app.frontapp.com/open/cnv_1',
  'not a url',
  '',
];

describe('Gorgias URL detection', () => {
  it.each(TICKETS)('%s is ticket %s/%s', (url, account, id) => {
    expect(gorgiasAdapter.detect(url)).toEqual({ platform: 'gorgias', account, conversationId: id, idIsGuess: false });
    expect(detectConversation(url)?.adapter.platform).toBe('gorgias');
  });

  it.each(NOT_TICKETS)('%s is not a Gorgias ticket', (url) => {
    expect(gorgiasAdapter.detect(url)).toBeNull();
  });

  it('points the API at the account of the page', () => {
    expect(gorgiasAdapter.apiOrigin(gorgiasAdapter.detect('https://acme.gorgias.com/app/ticket/5001')!)).toBe('https://acme.gorgias.com');
  });

  it('refuses an account name that would put another host in the request', () => {
    for (const account of ['evil.example/x', 'acme.evil', 'a b', '', 'acme:443']) {
      expect(() => gorgiasAdapter.apiOrigin({ platform: 'gorgias', account, conversationId: '1', idIsGuess: false })).toThrow(
        /not a Gorgias account name/,
      );
    }
  });
});
