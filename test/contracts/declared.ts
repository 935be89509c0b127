import type { ContractRequest, ContractSpec } from './openapi';

type Schema = {
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  type?: string;
};

/** Properties a schema declares, its allOf / oneOf / anyOf parts included; null when it declares none (free-form). */
function declared(schema: Schema): Map<string, Schema[]> | null {
  const out = new Map<string, Schema[]>();
  let any = false;
  const visit = (s: Schema | undefined, depth: number) => {
    if (!s || depth > 8) return;
    if (s.properties) {
      any = true;
      for (const [k, v] of Object.entries(s.properties)) out.set(k, [...(out.get(k) ?? []), v]);
    }
    for (const part of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])]) visit(part, depth + 1);
  };
  visit(schema, 0);
  return any ? out : null;
}

function walk(schema: Schema | undefined, value: unknown, at: string, out: string[], depth = 0): void {
  if (!schema || value === null || typeof value !== 'object' || depth > 12) return;
  if (Array.isArray(value)) {
    const items = schema.items ?? [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].find((s) => s.items)?.items;
    value.forEach((v, i) => walk(items, v, `${at}[${i}]`, out, depth + 1));
    return;
  }
  const props = declared(schema);
  // A free-form object (custom fields keyed by name) declares no properties: nothing to hold its keys to.
  if (!props) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const options = props.get(k);
    if (!options) out.push(`${at}.${k}`);
    else walk(options[0], v, `${at}.${k}`, out, depth + 1);
  }
}

/**
 * The fields of a request body the spec's operation does not declare ("body.ticket.additional_tags"). A schema
 * that does not forbid extra properties still passes validation with them, and the helpdesk may ignore them
 * silently: that is how a pause can "succeed" without happening. Empty when every field is declared.
 */
export function undeclaredFields(spec: ContractSpec, req: ContractRequest): string[] {
  if (req.body === undefined || req.body === null) return [];
  const path = new URL(req.path, 'https://spec.invalid').pathname;
  const op = spec.router.matchOperation({ method: req.method.toUpperCase(), path, headers: {} });
  if (!op) return [`no operation for ${req.method.toUpperCase()} ${path}`];
  const body = op.requestBody && !('$ref' in op.requestBody) ? op.requestBody : undefined;
  const schema = body?.content?.['application/json']?.schema as Schema | undefined;
  if (!schema) return ['body (the operation declares none)'];
  const out: string[] = [];
  walk(schema, req.body, 'body', out);
  return out;
}
