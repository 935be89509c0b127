import { describe, expect, it } from 'vitest';
import { parseImport } from '@/components/options/state/import-export';
import { policyToForm } from '@/components/options/state/form';
import { parsePolicyForm } from '@/components/options/state/validate';
import { defaultPolicy, PolicySchema } from '@/lib/schema/policy';

const withStopTag = (stopTag: string) =>
  JSON.stringify({
    version: 3,
    suspend: {
      enabled: true,
      pause: {
        front: { stopTag: 'sys_bot_paused', removeTags: [] },
        gorgias: { stopTag: 'sys_bot_paused', removeTags: [] },
        zendesk: { stopTag, removeTags: [] },
      },
    },
  });

describe('stop-list tag', () => {
  it('an import whose stop tag has spaces and commas is refused at that field (the helpdesk would split it)', () => {
    const r = parseImport(withStopTag('has spaces, and commas'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([{ path: 'suspend.pause.zendesk.stopTag', message: 'Tag names cannot contain spaces or commas' }]);
  });

  it('an empty stop tag (no stop tag) and an ordinary tag import fine', () => {
    const empty = parseImport(withStopTag(''));
    expect(empty.ok && empty.policy.suspend.pause.zendesk.stopTag).toBe('');
    const plain = parseImport(withStopTag('  bot_off  '));
    expect(plain.ok && plain.policy.suspend.pause.zendesk.stopTag).toBe('bot_off');
  });

  it('the form shows the same message at the stop tag field', () => {
    const form = policyToForm(defaultPolicy());
    form.suspend.pause.front.stopTag = 'bot off';
    expect(parsePolicyForm(form).issues).toEqual([
      { path: 'policy.suspend.pause.front.stopTag', message: 'Tag names cannot contain spaces or commas' },
    ]);
    expect(PolicySchema.safeParse({ version: 3, tags: { escalation: ['a b'] } }).success).toBe(false);
  });
});
