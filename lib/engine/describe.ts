import type { Conversation } from '../schema/conversation';
import { normalize } from './text';

const NEGATIVE = /\b(angry|furious|frustrat\w*|annoy\w*|terrible|awful|horrible|worst|useless|ridiculous|unacceptable|disappoint\w*|not (helping|helpful|happy)|aren'?t helping|fed up|scam|rip[- ]?off|hate|disgust\w*|outrag\w*|never again|waste of|still (not|no)|already tried|again and again)\b|!{2,}/;
const POSITIVE = /\b(thanks?|thank you|great|perfect|awesome|excellent|love|appreciate|wonderful|amazing|gracias|merci|danke|obrigad[oa])\b/;
const URGENT = /\b(urgent\w*|asap|immediately|right now|emergency|now!|today|fraud|stolen|hacked|unauthori[sz]ed|charged twice|double charged|lawyer|legal|sue|chargeback|cancel my account|deadline|critical|urgente|dringend|imediatamente)\b/;
const LOW = /\b(no rush|whenever|not urgent|just curious|when you get a chance)\b/;

export function sentimentOf(conv: Conversation, from: number): 'negative' | 'neutral' | 'positive' {
  const customer = conv.messages.slice(from).filter((m) => m.role === 'customer');
  const last = customer.at(-1);
  if (!last) return 'neutral';
  const all = normalize(customer.map((m) => m.text).join(' '));
  if (NEGATIVE.test(all) || /[A-Z]{5,}/.test(customer.map((m) => m.text).join(' '))) return 'negative';
  if (POSITIVE.test(normalize(last.text))) return 'positive';
  return 'neutral';
}

export function urgencyOf(conv: Conversation, from: number): 'low' | 'normal' | 'high' {
  const text = normalize(conv.messages.slice(from).filter((m) => m.role === 'customer').map((m) => m.text).join(' '));
  if (URGENT.test(text)) return 'high';
  if (LOW.test(text)) return 'low';
  return 'normal';
}
