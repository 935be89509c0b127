import type { Reason } from '@/lib/insights/aggregate';

/**
 * One colour per reason from the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies), the same in the chart, its legend, the table and the quote lists.
 */
export const REASON_COLOR: Record<Reason, string> = {
  user_requested_human: '#0072B2',
  bot_handed_off: '#E69F00',
  out_of_scope: '#009E73',
  custom_instruction: '#CC79A7',
  unconfirmed: '#56B4E9',
  agent_call: '#7a7a7a',
};

export const REASON_NAME: Record<Reason, string> = {
  user_requested_human: 'Customer asked for a human',
  bot_handed_off: 'Bot handed off / could not help',
  out_of_scope: 'Outside the bot’s scope',
  custom_instruction: 'Team instruction',
  unconfirmed: 'Possible, not confirmed',
  agent_call: 'Agent’s call (no signal)',
};
