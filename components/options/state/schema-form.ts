// The signal switches' title and help are declared by the signal registry.
import '@/lib/signals/registry';
import { z } from 'zod';
import { formMeta, type FieldMeta, type FormCodec } from '@/lib/schema/form-meta';
import { HandoverRuleSchema, PolicySchema, type HandoverRule, type Policy, type PolicyInput } from '@/lib/schema/policy';
import { PlatformSchema } from '@/lib/schema/conversation';
import { TargetSchema, type Target } from '@/lib/schema/target';

/**
 * The options form derived from the policy schema: which shape the form holds, how a policy becomes the
 * form and back, and what the page shows for each field, all read from the schema and the metadata
 * declared on it (lib/schema/form-meta.ts). A new setting needs its schema (with metadata) and a place on
 * the page, nothing here.
 */

export interface Issue {
  /** Form path, e.g. "policy.routing.rules.0.target" or "connections.<platform>.account". */
  path: string;
  message: string;
}

// ---- The form's types, mapped from the policy's ----------------------------------------------------------

const when = HandoverRuleSchema.shape.when.unwrap().shape;
const SentimentSchema = when.sentiment.unwrap();
const UrgencySchema = when.urgency.unwrap();

const RuleFieldsSchema = z.object({
  subAgents: z.array(z.string()),
  sentiment: z.union([SentimentSchema, z.literal('')]),
  urgency: z.union([UrgencySchema, z.literal('')]),
  /** Which helpdesk's list the target is picked from, before a target is chosen. */
  platform: PlatformSchema,
  target: TargetSchema.nullable(),
});
type RuleFields = z.infer<typeof RuleFieldsSchema>;

/** List rows carry a stable React key, which means nothing to the policy. */
type Row<T> = { key: string } & FormOf<T>;

/**
 * What the form holds for a policy value: numbers as typed text, lists of text as one text, a record of
 * text as its JSON, optional text as '' and an optional target as null; everything else as itself.
 */
type FormOf<T> = [T] extends [Target]
  ? Target | null
  : [T] extends [HandoverRule]
    ? RuleFields
    : [T] extends [boolean]
      ? boolean
      : [T] extends [number]
        ? string
        : [T] extends [string]
          ? T
          : [T] extends [readonly (infer I)[]]
            ? [I] extends [string]
              ? string
              : Row<I>[]
            : [T] extends [object]
              ? string extends keyof T
                ? string
                : { [K in keyof T]-?: FormOf<Exclude<T[K], undefined>> }
              : never;

export type PolicyForm = FormOf<Omit<Policy, 'version'>>;

type Leaf = string | number | boolean | null | Target;
/** Every path into a form value: "followUp.claimTargetMinutes", "subAgents.0.name". */
type Paths<T> = [T] extends [Leaf]
  ? never
  : [T] extends [readonly (infer I)[]]
    ? `${number}` | `${number}.${Paths<I>}`
    : { [K in keyof T & string]: K | `${K}.${Paths<T[K]>}` }[keyof T & string];
type ValueAt<T, P extends string> = P extends `${infer H}.${infer R}` ? ValueAt<At<T, H>, R> : At<T, P>;
type At<T, K extends string> = T extends readonly (infer I)[] ? (K extends `${number}` ? I : never) : K extends keyof T ? T[K] : never;

/** A form path of a policy field, as the page and its error messages use it. */
export type PolicyPath = `policy.${Paths<PolicyForm>}`;
export type PolicyValue<P extends PolicyPath> = P extends `policy.${infer R}` ? ValueAt<PolicyForm, R> : never;

// ---- Reading the schema ----------------------------------------------------------------------------------

type Schema = z.core.$ZodType;
const defOf = (s: Schema) => s._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'catch', 'readonly', 'nonoptional']);

export interface Node {
  /** The schema under defaults and optionals: a string, number, object, array… */
  core: Schema;
  kind: string;
  optional: boolean;
  /** The metadata declared closest to the field's name (a wrapper's wins over the shared inner schema's). */
  meta: FieldMeta;
  /** The schema's default, which a new row starts with. */
  fallback: unknown;
}

function nodeOf(schema: Schema): Node {
  let s = schema;
  let meta: FieldMeta | undefined;
  let optional = false;
  let fallback: unknown;
  for (;;) {
    meta ??= formMeta.get(s as z.ZodType);
    const def = defOf(s);
    if (def.type === 'optional') optional = true;
    if (def.type === 'default' && fallback === undefined) fallback = def.defaultValue;
    if (WRAPPERS.has(def.type)) s = def.innerType as Schema;
    else if (def.type === 'pipe') s = def.in as Schema;
    else return { core: s, kind: def.type, optional, meta: meta ?? {}, fallback };
  }
}

function child(node: Node, key: string): Schema | undefined {
  const def = defOf(node.core);
  if (node.kind === 'object') return (def.shape as Record<string, Schema>)[key];
  if (node.kind === 'array' && /^\d+$/.test(key)) return def.element as Schema;
  if (node.kind === 'record') return def.valueType as Schema;
  return undefined;
}

/** The schema node at a policy path ("followUp.claimTargetMinutes", "subAgents.0.tags"), or null. */
export function policyNodeAt(path: string): Node | null {
  let node = nodeOf(PolicySchema);
  for (const part of path ? path.split('.') : []) {
    const next = child(node, part);
    if (!next) return null;
    node = nodeOf(next);
  }
  return node;
}

/** Each path step's node: undefined where the path leaves the schema (a form-only field). */
export function policyNodesAlong(parts: string[]): (Node | undefined)[] {
  let node: Node | undefined = nodeOf(PolicySchema);
  return parts.map((part) => {
    const next: Schema | undefined = node && child(node, part);
    node = next ? nodeOf(next) : undefined;
    return node;
  });
}

/** The bounds a number or text field declares, for the control and for help texts. */
export function boundsOf(node: Node): { min?: number; max?: number; maxLength?: number; maxItems?: number; step?: number } {
  if (node.kind === 'array') {
    const checks = (defOf(node.core).checks ?? []) as { _zod: { def: { check: string; maximum?: number } } }[];
    return { maxItems: checks.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum };
  }
  const finite = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);
  if (node.kind === 'number') {
    const n = node.core as z.ZodNumber;
    return { min: finite(n.minValue), max: finite(n.maxValue), step: n.isInt ? 1 : undefined };
  }
  if (node.kind === 'string') return { maxLength: finite((node.core as z.ZodString).maxLength) };
  return {};
}

/** An enum's values, in the schema's order. */
function optionsOf(node: Node): string[] {
  return node.kind === 'enum' ? (node.core as z.ZodEnum).options.map(String) : [];
}

/** An enum's values with the page's names for them, in the order the names are declared (then any unnamed). */
export function choicesOf(node: Node): [value: string, label: string][] {
  const values = optionsOf(node);
  const named = Object.keys(node.meta.choices ?? {}).filter((v) => values.includes(v));
  return [...named, ...values.filter((v) => !named.includes(v))].map((v) => [v, node.meta.choices?.[v] ?? v]);
}

// ---- Converters ------------------------------------------------------------------------------------------

let counter = 0;
/** Stable React keys for list rows; unique enough within one page and its restored draft. */
export function newKey(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** Tags cannot contain commas, so commas and new lines both separate them; spaces are left for zod to flag. */
const splitTags = (text: string) =>
  text
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
const splitLines = (text: string) =>
  text
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);

interface Ctx {
  path: string;
  meta: FieldMeta;
  issues: Issue[];
}
interface Codec {
  form: z.ZodType;
  toForm(value: unknown): unknown;
  /** The policy input, or undefined to leave the field out; problems zod cannot see go to ctx.issues. */
  fromForm(form: unknown, ctx: Ctx): unknown;
}

function parseJsonRecord(text: string, example: string): { value: Record<string, string> } | { error: string } {
  if (!text.trim()) return { value: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `This is not valid JSON: ${(e as Error).message}` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { error: `Write a JSON object of field name → description, like ${example}` };
  }
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') return { error: `The field "${k}" needs its description as text in quotes, like ${example}` };
  }
  return { value: raw as Record<string, string> };
}

const CODECS: Record<FormCodec, Codec> = {
  lines: { form: z.string(), toForm: (v) => ((v as string[] | undefined) ?? []).join('\n'), fromForm: (f) => splitLines(f as string) },
  tags: { form: z.string(), toForm: (v) => ((v as string[] | undefined) ?? []).join(', '), fromForm: (f) => splitTags(f as string) },
  json: {
    form: z.string(),
    toForm: (v) => JSON.stringify(v ?? {}, null, 2),
    fromForm: (f, ctx) => {
      const parsed = parseJsonRecord(f as string, ctx.meta.example ?? '{"name": "description"}');
      if ('value' in parsed) return parsed.value;
      ctx.issues.push({ path: ctx.path, message: parsed.error });
      return {};
    },
  },
  target: { form: TargetSchema.nullable(), toForm: (v) => v ?? null, fromForm: (f) => f ?? undefined },
  rule: {
    form: RuleFieldsSchema,
    toForm: (v) => {
      const r = v as HandoverRule;
      const fields: RuleFields = {
        subAgents: [...r.subAgents],
        sentiment: r.when.sentiment ?? '',
        urgency: r.when.urgency ?? '',
        platform: r.target.platform,
        target: r.target,
      };
      return fields;
    },
    fromForm: (f, ctx) => {
      const r = f as RuleFields;
      if (!r.target) ctx.issues.push({ path: `${ctx.path}.target`, message: 'Pick where this rule sends conversations' });
      return {
        subAgents: r.subAgents,
        when: { ...(r.sentiment ? { sentiment: r.sentiment } : {}), ...(r.urgency ? { urgency: r.urgency } : {}) },
        // A placeholder keeps rule indexes aligned with the form; the issue above already blocks saving.
        target: r.target ?? { platform: r.platform, kind: 'team', id: '-', name: '-' },
      };
    },
  },
};

const codecOf = (node: Node): Codec | undefined => (node.meta.codec ? CODECS[node.meta.codec] : undefined);
const shapeOf = (node: Node) => defOf(node.core).shape as Record<string, Schema>;
const elementOf = (node: Node) => nodeOf(defOf(node.core).element as Schema);

function noCodec(node: Node, path: string): never {
  throw new Error(`The options form cannot hold ${path || 'the policy'} (${node.kind}): declare a codec in its form metadata`);
}

/** The form's zod schema, so a draft saved by another build is checked before it is trusted. */
function formSchemaOf(node: Node, path: string): z.ZodType {
  const codec = codecOf(node);
  if (codec) return codec.form;
  switch (node.kind) {
    case 'object':
      return z.object(
        Object.fromEntries(
          Object.entries(shapeOf(node)).flatMap(([k, s]) => {
            const n = nodeOf(s);
            return n.kind === 'literal' ? [] : [[k, formSchemaOf(n, `${path}.${k}`)]];
          }),
        ),
      );
    case 'array': {
      const row = formSchemaOf(elementOf(node), `${path}.0`);
      if (!(row instanceof z.ZodObject)) return noCodec(node, path);
      return z.array(z.object({ key: z.string(), ...row.shape }));
    }
    case 'string':
    case 'number':
      return z.string();
    case 'boolean':
      return z.boolean();
    case 'enum':
      return node.core as z.ZodType;
    default:
      return noCodec(node, path);
  }
}

function toForm(node: Node, value: unknown, path: string): unknown {
  const codec = codecOf(node);
  if (codec) return codec.toForm(value);
  switch (node.kind) {
    case 'object': {
      const v = (value ?? {}) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(shapeOf(node)).flatMap(([k, s]) => {
          const n = nodeOf(s);
          return n.kind === 'literal' ? [] : [[k, toForm(n, v[k], `${path}.${k}`)]];
        }),
      );
    }
    case 'array': {
      const element = elementOf(node);
      const prefix = path.split('.').pop() ?? 'row';
      return ((value ?? []) as unknown[]).map((item, i) => ({
        key: newKey(prefix),
        ...(toForm(element, item, `${path}.${i}`) as object),
      }));
    }
    case 'number': {
      const n = value ?? node.fallback;
      return n === undefined ? '' : String(n);
    }
    case 'string':
      return value ?? node.fallback ?? '';
    case 'boolean':
      return value ?? node.fallback ?? false;
    case 'enum':
      return value ?? node.fallback ?? optionsOf(node)[0];
    default:
      return noCodec(node, path);
  }
}

/** A new, empty row for the list at this path (a sub agent, a webhook), with the schema's defaults. */
export function emptyRow<P extends PolicyPath>(path: P): PolicyValue<P> extends (infer R)[] ? R : never {
  const list = policyNodeAt(path.replace(/^policy\./, ''));
  if (list?.kind !== 'array') throw new Error(`${path} is not a list`);
  return { key: newKey(path.split('.').pop() ?? 'row'), ...(toForm(elementOf(list), undefined, `${path}.0`) as object) } as never;
}

/** Typed digits become a number; anything else (even empty) stays for zod to name the problem at the field. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

function fromForm(node: Node, form: unknown, path: string, issues: Issue[]): unknown {
  const codec = codecOf(node);
  if (codec) return codec.fromForm(form, { path: `policy.${path}`, meta: node.meta, issues });
  switch (node.kind) {
    case 'object': {
      const f = form as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(shapeOf(node))) {
        const n = nodeOf(s);
        const v = n.kind === 'literal' ? (defOf(n.core).values as unknown[])[0] : fromForm(n, f[k], path ? `${path}.${k}` : k, issues);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'array': {
      const element = elementOf(node);
      return (form as { key: string }[]).map(({ key: _key, ...row }, i) => fromForm(element, row, `${path}.${i}`, issues));
    }
    case 'number':
      // An optional number left empty is no value at all (the engine's timeout: the host's default).
      return node.optional && (form as string).trim() === '' ? undefined : toNumber(form as string);
    case 'string':
      // An optional text left empty is no value at all (a managing inbox not picked).
      return node.optional ? (form as string).trim() || undefined : form;
    default:
      return form;
  }
}

const POLICY = nodeOf(PolicySchema);
export const PolicyFormSchema = formSchemaOf(POLICY, '') as z.ZodType<PolicyForm>;

export function policyToForm(policy: Policy): PolicyForm {
  return toForm(POLICY, policy, '') as PolicyForm;
}

/** The policy input the form says, and the problems only the form can see (JSON that does not parse, a rule without target). */
export function formToPolicyInput(form: PolicyForm): { input: PolicyInput; issues: Issue[] } {
  const issues: Issue[] = [];
  const input = fromForm(POLICY, form, '', issues) as PolicyInput;
  return { input, issues };
}
