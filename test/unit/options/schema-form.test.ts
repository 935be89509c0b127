import { describe, expect, it } from 'vitest';
import { defaultPolicy, PolicySchema } from '@/lib/schema/policy';
import { describePath } from '@/components/options/state/labels';
import { boundsOf, emptyRow, policyNodeAt, policyToForm, PolicyFormSchema } from '@/components/options/state/schema-form';
import { parsePolicyForm } from '@/components/options/state/validate';

describe('the options form derived from the policy schema', () => {
  it('names fields by the titles declared on the schema, keeping which list an item is in', () => {
    expect(describePath('policy.tags.escalation.0')).toBe('Tags › Tags added on escalation › Tag 1');
    expect(describePath('policy.notify.webhooks.1.url')).toBe('Notifications › Webhook 2 › Webhook address');
    expect(describePath('followUp.claimTargetMinutes')).toBe('Follow-through › Pick-up target (minutes)');
    expect(describePath('policy.customerMessage.messages.es.wait')).toBe('Message to the customer › Messages › Spanish › Expected wait');
    expect(describePath('summarySchema')).toBe('Summary schema');
  });

  it("reads bounds from the schema's own checks", () => {
    expect(boundsOf(policyNodeAt('handoffLog.maxEntries')!)).toMatchObject({ min: 100, max: 100_000 });
    expect(boundsOf(policyNodeAt('customInstruction')!)).toEqual({ maxLength: 2000 });
    expect(boundsOf(policyNodeAt('notify.webhooks')!)).toEqual({ maxItems: 5 });
  });

  it('a new row starts from the schema defaults and, filled in, parses', () => {
    const form = policyToForm(defaultPolicy());
    const hook = emptyRow('policy.notify.webhooks');
    expect(hook).toMatchObject({ kind: 'slack', url: '' });
    form.notify.webhooks = [{ ...hook, url: 'https://hooks.slack.com/services/T/B/x' }];
    expect(parsePolicyForm(form).policy?.notify.webhooks).toEqual([{ kind: 'slack', url: 'https://hooks.slack.com/services/T/B/x' }]);
  });

  it('checks a restored draft against the form shape: a form of this build passes, another shape does not', () => {
    const form = policyToForm(PolicySchema.parse({ version: 3, subAgents: [{ name: 'returns', tags: ['rma'] }] }));
    expect(PolicyFormSchema.safeParse(form).success).toBe(true);
    expect(PolicyFormSchema.safeParse({ ...form, followUp: { claimTargetMinutes: 30 } }).success).toBe(false);
  });
});
