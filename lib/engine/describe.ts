/**
 * Sentiment and urgency of the customer's recent messages, for routing rules and the note. Heuristic and
 * multilingual; the latest messages weigh most, since mood at handoff time is what the human meets.
 */

const NEGATIVE =
  /\b(angry|furious|frustrat\w*|annoy\w*|terrible|awful|horrible|worst|useless|ridiculous|unacceptable|disappoint\w*|pathetic|incompetent|rude|disgust\w*|outrag\w*|hate|fed up|sick of|tired of|scam\w*|rip ?off|fraud|never again|waste of|still (not|no|waiting|nothing)|not (helping|helpful|happy|ok|acceptable|working)|are not helping|keeps? (failing|crashing)|again and again|third time|second time|nobody|no one (helps|answers|replies)|fucking|fuck|shit|damn|wtf|bullshit|unhappy|upset|lousy|poor service|complain\w*|enfadad\w*|molest\w*|horrible|pesim\w*|fatal|decepcion\w*|inaceptable|furieux|nul|inadmissible|decu\w*|en colere|inacceptable|wutend|verargert|schlecht\w*|unzufrieden|enttauscht|inakzeptabel|irritad\w*|pessim\w*|decepcionad\w*|inaceitavel|pessimo|chatead\w*)\b|!{2,}|\?{2,}|:\(/;
const POSITIVE =
  /\b(thanks?|thank you|thx|great|perfect|awesome|excellent|love|appreciate\w*|wonderful|amazing|fantastic|helpful|happy|glad|brilliant|nice|gracias|genial|perfecto|excelente|merci|parfait|super|genial|danke|toll|prima|perfekt|obrigad[oa]|otimo|perfeito)\b|:\)|🙂|😊|👍/;
const URGENT =
  /\b(urgent\w*|asap|immediately|right now|right away|emergency|as soon as possible|fraud\w*|stolen|hacked|unauthori[sz]ed|charged (\S+ ){0,3}twice|double charged|lawyer|legal action|sue|court|chargeback|deadline|critical|can'?t access|locked out|security breach|within (an|the) hour|urgente|inmediatamente|ahora mismo|de inmediato|urgence|tout de suite|immediatement|dringend|sofort|notfall|imediatamente|agora mesmo)\b/;
const LOW = /\b(no rush|whenever|not urgent|just curious|when you get a chance|no hurry|at your convenience|sin prisa|pas presse|keine eile|sem pressa)\b/;

/** Recent customer texts (already normalized), oldest first. */
export function sentimentOf(recent: string[]): 'negative' | 'neutral' | 'positive' {
  if (!recent.length) return 'neutral';
  let score = 0;
  recent.forEach((t, i) => {
    const weight = i === recent.length - 1 ? 2 : 1;
    if (NEGATIVE.test(t)) score -= weight;
    if (POSITIVE.test(t) && !/\b(not|no|never) (great|helpful|happy|good|nice)\b/.test(t)) score += weight * 0.75;
  });
  if (score <= -1) return 'negative';
  if (score >= 1) return 'positive';
  return 'neutral';
}

/** Shouting ("WHERE IS MY ORDER") counts as negative; it is read on the original text. */
export function shouting(raw: string): boolean {
  const letters = raw.replace(/[^A-Za-z]/g, '');
  return letters.length >= 12 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.7;
}

export function urgencyOf(recent: string[]): 'low' | 'normal' | 'high' {
  const text = recent.join('\n');
  if (URGENT.test(text) || /\bnow\s*!/.test(text)) return 'high';
  if (LOW.test(text)) return 'low';
  return 'normal';
}
