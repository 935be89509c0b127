import { describe, expect, it } from 'vitest';
import { frontAdapter } from '@/lib/platforms/front';
import { numericToApiId } from '@/lib/platforms/front/ids';
import { apiIdToNumeric } from '@/test/fixtures/urls';
import { parseFrontUrl } from '@/lib/platforms/front/urls';
import { detectConversation } from '@/lib/platforms';

const open = (id: string) => ({ platform: 'front', account: 'app', conversationId: id, idIsGuess: false });
const guessed = (id: string) => ({ platform: 'front', account: 'app', conversationId: id, idIsGuess: true });

describe('Front URL detection', () => {
  it.each([
    // The documented deep link carries the API id itself.
    ['https://app.frontapp.com/open/cnv_yo1kg5q', open('cnv_yo1kg5q')],
    ['https://app.frontapp.com/open/cnv_rt', open('cnv_rt')],
    ['https://app.frontapp.com/open/cnv_rt/', open('cnv_rt')],
    ['https://app.frontapp.com/open/cnv_rt?key=abc', open('cnv_rt')],
    ['https://app.frontapp.com/open/cnv_rt#comments', open('cnv_rt')],
    // In-app inbox URLs end in the numeric id: 1001 → base 36 "rt" (unofficial, so marked as a guess).
    ['https://app.frontapp.com/inboxes/teams/folders/2104/unassigned/1001', guessed('cnv_rt')],
    ['https://app.frontapp.com/inboxes/teams/folders/2104/assigned/1001', guessed('cnv_rt')],
    ['https://app.frontapp.com/inboxes/teams/folders/2104/archived/1010', guessed('cnv_s2')],
    ['https://app.frontapp.com/inboxes/teams/folders/2104/snoozed/1001/', guessed('cnv_rt')],
    ['https://app.frontapp.com/inboxes/teams/folders/2104/unassigned/1001?q=refund', guessed('cnv_rt')],
    ['https://app.frontapp.com/inboxes/shared/folders/71178/open/46656', guessed('cnv_1000')],
    ['https://app.frontapp.com/inboxes/me/folders/12/all/35', guessed('cnv_z')],
    // Shapes seen in public sources: a view, a personal inbox, "assigned to me", an older named shared inbox, a search.
    ['https://app.frontapp.com/inboxes/teams/views/15931074/open/7762260226', guessed(`cnv_${(7762260226).toString(36)}`)],
    ['https://app.frontapp.com/inboxes/teammates/20999898/inbox/all/117421069338', guessed(`cnv_${(117421069338).toString(36)}`)],
    ['https://app.frontapp.com/inboxes/teams/assigned/13337420/inbox/open/1001', guessed('cnv_rt')],
    ['https://app.frontapp.com/inboxes/shared/support/open/121516198', guessed(`cnv_${(121516198).toString(36)}`)],
    ['https://app.frontapp.com/inboxes/teams/4808209/search/workspace/maria%40example.com/1001', guessed('cnv_rt')],
    // Larger than 2^53 stays exact.
    ['https://app.frontapp.com/inboxes/teams/folders/1/unassigned/9007199254740993', guessed(`cnv_${9007199254740993n.toString(36)}`)],
  ])('%s', (url, expected) => {
    expect(frontAdapter.detect(url)).toEqual(expected);
    expect(detectConversation(url)?.adapter.platform).toBe('front');
  });

  it.each([
    'https://app.frontapp.com/',
    'https://app.frontapp.com/settings',
    'https://app.frontapp.com/settings/tags',
    'https://app.frontapp.com/open/',
    'https://app.frontapp.com/open/cnv_',
    'https://app.frontapp.com/open/msg_1q15qmtq',
    'https://app.frontapp.com/open/cnv_rt/messages',
    'https://app.frontapp.com/open/CNV_RT',
    'https://app.frontapp.com/inboxes',
    'https://app.frontapp.com/inboxes/teams/folders/2104',
    'https://app.frontapp.com/inboxes/teams/folders/2104/unassigned',
    'https://app.frontapp.com/inboxes/teams/folders/unassigned/1001',
    'https://app.frontapp.com/inboxes/teams/folders/2104/unassigned/cnv_rt',
    // 0 is Front's "no conversation open" (Kenchi's Front script); a container address is not a conversation.
    'https://app.frontapp.com/inboxes/teams/folders/2104/unassigned/0',
    'https://app.frontapp.com/inboxes/teams/assigned/13337420/inbox/open/0',
    'https://app.frontapp.com/inboxes/teams/assigned/13337420',
    'https://app.frontapp.com/inboxes/teammates/20999898',
    'https://app.frontapp.com/inboxes/teams/views/15931074',
    // Several selected conversations: no single one to read.
    'https://app.frontapp.com/inboxes/teams/folders/2104/unassigned/1001,1002',
    'https://app.frontapp.com/analytics/2104/overview/1001',
    'http://app.frontapp.com/open/cnv_rt',
    'https://app.frontapp.com:8443/open/cnv_rt',
    'https://frontapp.com/open/cnv_rt',
    'https://api2.frontapp.com/conversations/cnv_rt',
    'https://app.frontapp.com.evil.example/open/cnv_rt',
    'https://evil.example/app.frontapp.com/open/cnv_rt',
    'https://acme.zendesk.com/agent/tickets/1',
    'not a url',
  ])('not a conversation: %s', (url) => {
    expect(frontAdapter.detect(url)).toBeNull();
  });

  it('tells a multi-selection from a conversation and from other pages', () => {
    expect(parseFrontUrl('https://app.frontapp.com/inboxes/teammates/20999898/inbox/all/1001,1002,0')).toEqual({
      kind: 'selection',
      conversationIds: ['cnv_rt', 'cnv_ru'],
    });
    expect(parseFrontUrl('https://app.frontapp.com/inboxes/teams/folders/2104/unassigned/1001')).toMatchObject({
      kind: 'conversation',
      ref: { conversationId: 'cnv_rt', idIsGuess: true },
    });
    expect(parseFrontUrl('https://app.frontapp.com/settings')).toEqual({ kind: 'other' });
    expect(parseFrontUrl('https://acme.zendesk.com/agent/tickets/1')).toBeNull();
  });

  it('converts numeric ids both ways, by the unofficial base-36 rule', () => {
    expect(numericToApiId('cnv', 1001)).toBe('cnv_rt');
    expect(numericToApiId('inb', '2104')).toBe('inb_1mg');
    expect(apiIdToNumeric('cnv_rt')).toBe('1001');
    expect(apiIdToNumeric('inb_1ix6')).toBe('71178');
    expect(apiIdToNumeric('nonsense')).toBeNull();
  });

  it('uses the configured API host, api2.frontapp.com by default', () => {
    const ref = open('cnv_rt') as Parameters<typeof frontAdapter.apiOrigin>[0];
    expect(frontAdapter.apiOrigin(ref)).toBe('https://api2.frontapp.com');
    expect(frontAdapter.apiOrigin(ref, { apiBase: 'https://acme.api.frontapp.com/' })).toBe('https://acme.api.frontapp.com');
  });
});
