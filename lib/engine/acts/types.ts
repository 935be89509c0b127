/** Dialogue acts: what one turn does in the conversation. The verdict is read from their sequence. */

export type BotActKind =
  | 'answers'
  | 'asks_details'
  | 'commits_future'
  | 'transfers_now'
  | 'offers_transfer'
  | 'cannot_help'
  | 'redirects'
  | 'closes'
  | 'waits'
  | 'may_need_review';

type CustomerActKind =
  'asks_human' | 'takes_back' | 'supplies_details' | 'reports_problem' | 'new_request' | 'small_talk' | 'affirms' | 'declines';

export interface Act<K extends string = BotActKind | CustomerActKind> {
  kind: K;
  confidence: number;
  /** The sentence that carries the act, as the message wrote it (case and punctuation kept). */
  quote: string;
  /** asks_details: what is asked for ("order number", "date of birth"). */
  what?: string[];
  /** commits_future / transfers_now / redirects: who will act or be reached ("our billing team", "us"). */
  who?: string;
  /** commits_future: what they will do ("contact", "investigate", "report"). */
  action?: string;
  /** cannot_help: what the bot lacks. */
  lacks?: 'information' | 'access' | 'capability' | 'understanding';
  /** asks_details: the details are for a person who will take over. */
  forHandoff?: boolean;
  /** cannot_help (understanding): the bot asks to rephrase and keeps trying. */
  retrying?: boolean;
  /** small_talk: greeting, thanks, farewell, acknowledgement. */
  flavour?: 'greeting' | 'thanks' | 'farewell' | 'ack' | 'chat';
}

export type BotAct = Act<BotActKind>;
export type CustomerAct = Act<CustomerActKind>;

/** What a request for details lists when the bot's question names no detail ("Was the outer box damaged?"). */
export const UNNAMED_ANSWER = 'answer to the question';
