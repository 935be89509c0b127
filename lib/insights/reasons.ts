import { SIGNALS, SIGNALS_IN_ORDER } from '../signals/registry';
import type { SignalKind } from '../schema/verdict';

/** Escalation reasons as Insights stacks them; `agent_call` is an escalation with no signal (an override on "No escalation"). */
export type Reason = SignalKind | 'agent_call';

/** In the registry's order: an escalation with several signals is counted under the first. */
export const REASONS: readonly Reason[] = [...SIGNALS_IN_ORDER.map((e) => e.id), 'agent_call'];

/** The one reason that is not a signal: the agent escalated although the verdict said no. */
const AGENT_CALL = {
  label: 'Agent’s call (no signal)',
  color: '#7a7a7a',
  fixWords: 'the agent’s own call',
  fixHint: 'worth reading a few of these conversations.',
};

export const reasonLabel = (r: Reason): string => (r === 'agent_call' ? AGENT_CALL.label : SIGNALS[r].label);
export const reasonColor = (r: Reason): string => (r === 'agent_call' ? AGENT_CALL.color : SIGNALS[r].color);
export const reasonFixWords = (r: Reason): string => (r === 'agent_call' ? AGENT_CALL.fixWords : SIGNALS[r].insights.fixWords);
export const reasonFixHint = (r: Reason): string => (r === 'agent_call' ? AGENT_CALL.fixHint : SIGNALS[r].insights.fixHint);
