import { useId, useState } from 'react';
import { customerMessageFor } from '@/lib/handoff/customer-message';
import { LANGUAGES, type Language } from '@/lib/schema/customer-message';
import type { Policy } from '@/lib/schema/policy';
import type { ConversationRef } from '@/lib/schema/conversation';
import { MIN_MEASURED_PICKUPS } from '@/lib/schema/customer-message';
import { CopyButton } from './CopyButton';
import { useClock } from './useClock';
import { useMeasuredWait } from './useMeasuredWait';

const names = new Intl.DisplayNames(['en'], { type: 'language' });
const nameOf = (l: Language) => names.of(l) ?? l;

/**
 * The message for the customer, in the language detected from the customer's messages (`language` absent:
 * not recognised, English offered), with the team's hours applied. The agent can pick another language.
 */
export function HandoffMessage({
  policy,
  language,
  conversation = null,
  target = '',
}: {
  policy: Policy;
  language?: Language;
  /** With the target's name, for the measured pick-up time when the team lead allows it. */
  conversation?: ConversationRef | null;
  target?: string;
}) {
  // The agent's pick holds for the language it was made against: a new detection offers its own language.
  const [choice, setChoice] = useState<{ against?: Language; picked: Language } | null>(null);
  const picked = choice && choice.against === language ? choice.picked : (language ?? 'en');
  const setPicked = (l: Language) => setChoice({ against: language, picked: l });
  const at = useClock();
  const selectId = useId();
  const allowMeasured = policy.customerMessage.measuredWait;
  const measured = useMeasuredWait(conversation, target, allowMeasured, at);
  const { text, inside, wait } = customerMessageFor(policy.customerMessage, picked, at, measured);
  const hours = policy.customerMessage.hours.enabled;
  const targetName = target || 'conversations without a target';
  return (
    <section className="card" aria-labelledby="baton-handoff-title">
      <div className="card-head">
        <h2 id="baton-handoff-title">Message to the customer</h2>
        <CopyButton text={text} label="Copy the message to the customer" />
      </div>
      <div className="handoff-lang">
        <label htmlFor={selectId}>Language</label>
        <select id={selectId} value={picked} onChange={(e) => setPicked(e.target.value as Language)} data-testid="handoff-language">
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {nameOf(l)}
            </option>
          ))}
        </select>
        <span className="handoff-detected" data-testid="handoff-detected">
          {language ? `Detected: ${nameOf(language)}` : `Language not recognised: ${nameOf('en')}`}
        </span>
      </div>
      <p className="handoff" data-testid="handoff" lang={picked}>
        {text}
      </p>
      <p className="help">
        {hours ? (inside ? 'Inside team hours. ' : 'Outside team hours. ') : ''}
        Paste it into the reply box if you want to tell the customer.
      </p>
      {allowMeasured && inside && (
        <p className="help" data-testid="handoff-wait-source">
          {wait === 'measured' && measured
            ? `Wait: the median pick-up measured for ${targetName} at this hour of the week (${measured.samples} handoffs).`
            : `Wait: your expected wait text (fewer than ${MIN_MEASURED_PICKUPS} pick-ups measured for ${targetName} at this hour of the week).`}
        </p>
      )}
    </section>
  );
}
