/**
 * Policy v2 had one customer message (`handoffMessage`, with {wait}) and one `expectedWait`. v3 keeps a
 * message per language with the team's hours (`customerMessage`); the old English text and wait become the
 * English message inside hours, so a team lead's wording is never lost.
 */
export function policyV2ToV3(value: unknown): unknown {
  if (!isObject(value) || value.version !== 2) return value;
  const { handoffMessage, expectedWait, ...rest } = value;
  const en: Record<string, string> = {};
  if (typeof handoffMessage === 'string' && handoffMessage.trim()) en.inside = handoffMessage;
  if (typeof expectedWait === 'string' && expectedWait.trim()) en.wait = expectedWait;
  const customerMessage = isObject(rest.customerMessage) ? rest.customerMessage : {};
  if (!Object.keys(en).length) return { ...rest, version: 3 };
  const messages = isObject(customerMessage.messages) ? customerMessage.messages : {};
  return { ...rest, version: 3, customerMessage: { ...customerMessage, messages: { ...messages, en: { ...defaults.en, ...en } } } };
}

/** The v3 English defaults the old fields are laid over (the outside-hours text did not exist in v2). */
const defaults = {
  en: {
    inside: "Thanks for your patience. I'm connecting you with our team now; someone will reply {wait}.",
    outside: "Thanks for your patience. I've passed your conversation to our team; our team is back {opening} and will reply then.",
    wait: 'within a few hours',
  },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
