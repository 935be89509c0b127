/** Finds facts in customer text for summary fields; returns nothing rather than guessing. */
export const EXTRACTORS: Record<string, (text: string) => string[]> = {
  email: (t) => t.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? [],
  phone: (t) => (t.match(/(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{3,4}[\s.-]\d{3,4}(?:[\s.-]\d{2,4})?/g) ?? []).filter((p) => p.replace(/\D/g, '').length >= 8),
  order: (t) => {
    const out: string[] = [];
    for (const m of t.matchAll(/(?:order|pedido|commande|bestellung|ticket|booking|reference|ref)\s*(?:number|no\.?|num|id|#)?\s*[:#]?\s*([A-Z]{0,4}-?\d[\w-]{2,})/gi)) out.push(m[1]);
    for (const m of t.matchAll(/#\s?([A-Z]{0,4}-?\d[\w-]{2,})/g)) out.push(m[1]);
    return [...new Set(out)];
  },
  amount: (t) => t.match(/(?:[$€£]\s?\d[\d,]*(?:\.\d{1,2})?|\b\d[\d,]*(?:\.\d{1,2})?\s?(?:usd|eur|gbp|dollars|euros|pounds)\b)/gi) ?? [],
  date: (t) =>
    t.match(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?\b|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:yesterday|today|tomorrow|last (?:week|month|monday|tuesday|wednesday|thursday|friday))\b/gi) ?? [],
  url: (t) => t.match(/https?:\/\/[^\s<>"')]+/g) ?? [],
};

/** Which extractor a field asks for, judged from its name and description. */
export function extractorFor(field: string, description: string): keyof typeof EXTRACTORS | null {
  const s = `${field} ${description}`.toLowerCase();
  if (/e-?mail/.test(s)) return 'email';
  if (/phone|mobile|telephone/.test(s)) return 'phone';
  if (/order|booking|reference|ticket number|tracking/.test(s)) return 'order';
  if (/amount|price|cost|money|charge|refund amount|total|sum/.test(s)) return 'amount';
  if (/\bdate\b|when|day|deadline/.test(s)) return 'date';
  if (/url|link|website/.test(s)) return 'url';
  return null;
}

/** "number_of_esim": look for "3 eSIMs" / "eSIMs: 3" using the field's own noun. */
export function countFor(field: string, text: string): string | null {
  const m = /(?:number_of_|num_|count_of_|how_many_|quantity_of_)([a-z]+)/i.exec(field) ?? /^([a-z]+)_(?:count|quantity|number)$/i.exec(field);
  if (!m) return null;
  const noun = m[1].replace(/s$/, '');
  const re = new RegExp(`\\b(\\d+)\\s+${noun}s?\\b|\\b${noun}s?\\s*[:=]\\s*(\\d+)`, 'i');
  const hit = re.exec(text);
  return hit ? (hit[1] ?? hit[2]) : null;
}

/** "destination": look for "to/in <Capitalised place>". */
export function placeFor(field: string, description: string, text: string): string | null {
  if (!/destination|country|city|location|place|where/i.test(`${field} ${description}`)) return null;
  const m = /\b(?:to|in|visiting|travel(?:l?ing)? to|going to)\s+([A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)?)/.exec(text);
  return m ? m[1] : null;
}
