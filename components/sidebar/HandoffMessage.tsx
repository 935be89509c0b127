import { customerMessageFor } from '@/lib/handoff/customer-message';
import type { Language } from '@/lib/schema/customer-message';
import type { Policy } from '@/lib/schema/policy';
import { now } from '@/utils/clock';
import { CopyButton } from './CopyButton';

export function HandoffMessage({ policy, language }: { policy: Policy; language?: Language }) {
  const { text } = customerMessageFor(policy.customerMessage, language ?? 'en', now());
  return (
    <section className="card" aria-labelledby="baton-handoff-title">
      <div className="card-head">
        <h2 id="baton-handoff-title">Message to the customer</h2>
        <CopyButton text={text} label="Copy the message to the customer" />
      </div>
      <p className="handoff" data-testid="handoff">
        {text}
      </p>
      <p className="help">Paste it into the reply box if you want to tell the customer.</p>
    </section>
  );
}
