import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultPolicy, PolicySchema } from '@/lib/schema/policy';

/**
 * public/managed_schema.json is derived from PolicySchema, in the subset of JSON Schema Chrome accepts for
 * storage.managed (one `type` string per node, no unions, top level without additionalProperties). A
 * schema Chrome rejects stops the extension from loading, so the file is checked here, and regenerated with
 *   UPDATE_MANAGED_SCHEMA=1 npx vitest run test/unit/options/managed-schema.test.ts
 */
const FILE = resolve(__dirname, '../../../public/managed_schema.json');

type Node = Record<string, unknown>;

function toChrome(node: Node, path: string): Node {
  const out: Node = {};
  if (typeof node.description === 'string') out.description = node.description;
  if ('const' in node) {
    const v = node.const;
    out.type = Number.isInteger(v) ? 'integer' : typeof v;
    out.enum = [v];
    return out;
  }
  const type = node.type;
  if (typeof type !== 'string') throw new Error(`${path}: Chrome needs exactly one type, got ${JSON.stringify(node)}`);
  out.type = type;
  if (Array.isArray(node.enum)) out.enum = node.enum;
  if (type === 'object') {
    if (node.properties)
      out.properties = Object.fromEntries(
        Object.entries(node.properties as Record<string, Node>).map(([k, v]) => [k, toChrome(v, `${path}.${k}`)]),
      );
    if (node.additionalProperties && typeof node.additionalProperties === 'object')
      out.additionalProperties = toChrome(node.additionalProperties as Node, `${path}.*`);
  }
  if (type === 'array') out.items = toChrome(node.items as Node, `${path}[]`);
  for (const k of ['anyOf', 'oneOf', 'allOf', '$ref']) if (k in node) throw new Error(`${path}: Chrome's schema has no ${k}`);
  return out;
}

export function chromeManagedSchema(): Node {
  const policy = toChrome(z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'throw' }) as Node, 'policy');
  return {
    type: 'object',
    properties: {
      policy: {
        title: 'Baton escalation policy',
        description:
          "The team's escalation policy, in the format Baton's options page exports (Export and import). Every field is optional; fields set here override the team lead's settings and show as locked on the options page. Never put tokens or API keys here.",
        ...policy,
      },
    },
  };
}

/** Just enough of Chrome's validation to prove an exported policy is accepted as a managed value. */
function conforms(schema: Node, value: unknown): boolean {
  const t = schema.type;
  const ok =
    t === 'object'
      ? !!value && typeof value === 'object' && !Array.isArray(value)
      : t === 'array'
        ? Array.isArray(value)
        : t === 'integer'
          ? Number.isInteger(value)
          : typeof value === t;
  if (!ok) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if (t === 'array') return (value as unknown[]).every((v) => conforms(schema.items as Node, v));
  if (t === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Node>;
    return Object.entries(value as Record<string, unknown>).every(([k, v]) =>
      props[k] ? conforms(props[k], v) : schema.additionalProperties ? conforms(schema.additionalProperties as Node, v) : false,
    );
  }
  return true;
}

function walk(node: Node, visit: (n: Node, path: string) => void, path = '$'): void {
  visit(node, path);
  for (const [k, v] of Object.entries((node.properties ?? {}) as Record<string, Node>)) walk(v, visit, `${path}.${k}`);
  if (node.items) walk(node.items as Node, visit, `${path}[]`);
  if (node.additionalProperties && typeof node.additionalProperties === 'object')
    walk(node.additionalProperties as Node, visit, `${path}.*`);
}

describe('managed_schema.json', () => {
  const generated = chromeManagedSchema();
  if (process.env.UPDATE_MANAGED_SCHEMA) writeFileSync(FILE, `${JSON.stringify(generated, null, 2)}\n`);
  const file = JSON.parse(readFileSync(FILE, 'utf8')) as Node;

  it('matches PolicySchema (regenerate with UPDATE_MANAGED_SCHEMA=1 when the policy changes)', () => {
    expect(file).toEqual(generated);
  });

  it('stays within what Chrome accepts: a single policy property, one type per node', () => {
    expect(file.type).toBe('object');
    expect(file).not.toHaveProperty('additionalProperties');
    expect(Object.keys(file.properties as object)).toEqual(['policy']);
    walk(file, (n, path) => {
      expect(typeof n.type, path).toBe('string');
      expect(['object', 'array', 'string', 'integer', 'number', 'boolean'], path).toContain(n.type);
    });
  });

  it('accepts an exported policy and a partial one, and rejects a wrong type', () => {
    const policySchema = (file.properties as Record<string, Node>).policy!;
    const exported = PolicySchema.parse({
      ...defaultPolicy(),
      subAgents: [{ name: 'returns', tags: ['returns'] }],
      summarySchema: { order_number: 'the order number' },
      routing: {
        defaultTargets: {},
        rules: [
          {
            subAgents: ['returns'],
            when: { sentiment: 'negative' },
            target: { platform: 'gorgias', kind: 'team', id: '7', name: 'Returns' },
          },
        ],
      },
    });
    expect(conforms(policySchema, JSON.parse(JSON.stringify(exported)))).toBe(true);
    expect(conforms(policySchema, { engine: { kind: 'offline' } })).toBe(true);
    expect(conforms(policySchema, { engine: { kind: 'gpt' } })).toBe(false);
    expect(conforms(policySchema, { subAgents: 'returns' })).toBe(false);
  });
});
