/**
 * Gorgias views are filters written as expressions, e.g.
 *   containsAll(ticket.tags.name, ['vip']) && eq(ticket.status, 'open')
 * Routing to a view means making the ticket match it. Baton can only add a tag, so a view is routable when
 * its whole filter is met by one tag: the tag conditions below, combined with && and ||. Any other
 * condition (status, assignee, dates, negations) could not be met by tagging, so such a view gets no tag.
 */
type Node =
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; operand: Node }
  | { kind: 'list'; items: Node[] }
  | { kind: 'string'; value: string }
  | { kind: 'path'; value: string }
  | { kind: 'other' };

type Token = { t: 'str' | 'word' | 'num' | 'op'; v: string };

function tokenize(src: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (src.startsWith('&&', i) || src.startsWith('||', i)) {
      out.push({ t: 'op', v: src.slice(i, i + 2) });
      i += 2;
    } else if ('()[],!'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
    } else if (c === "'" || c === '"') {
      let v = '';
      let j = i + 1;
      for (; j < src.length && src[j] !== c; j++) v += src[j] === '\\' && j + 1 < src.length ? src[++j] : src[j];
      if (j >= src.length) return null;
      out.push({ t: 'str', v });
      i = j + 1;
    } else {
      const m = /^(-?\d+(?:\.\d+)?|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/.exec(src.slice(i));
      if (!m) return null;
      out.push({ t: /^-?\d/.test(m[1]) ? 'num' : 'word', v: m[1] });
      i += m[1].length;
    }
  }
  return out;
}

/** Recursive descent over tokens; null when the text is not an expression Baton can read. */
function parse(tokens: Token[]): Node | null {
  let pos = 0;
  const peek = (v: string) => tokens[pos]?.t === 'op' && tokens[pos].v === v;
  const expect = (v: string) => {
    if (!peek(v)) throw new Error(`expected ${v}`);
    pos++;
  };

  const binary = (kind: 'and' | 'or', op: string, next: () => Node) => (): Node => {
    let left = next();
    while (peek(op)) {
      pos++;
      left = { kind, left, right: next() };
    }
    return left;
  };

  const primary = (): Node => {
    const tok = tokens[pos++];
    if (!tok) throw new Error('unexpected end');
    if (tok.t === 'op' && tok.v === '!') return { kind: 'not', operand: primary() };
    if (tok.t === 'op' && tok.v === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (tok.t === 'op' && tok.v === '[') {
      const items: Node[] = [];
      while (!peek(']')) {
        items.push(or());
        if (!peek(']')) expect(',');
      }
      expect(']');
      return { kind: 'list', items };
    }
    if (tok.t === 'str') return { kind: 'string', value: tok.v };
    if (tok.t === 'word' && peek('(')) {
      pos++;
      const args: Node[] = [];
      while (!peek(')')) {
        args.push(or());
        if (!peek(')')) expect(',');
      }
      expect(')');
      return { kind: 'call', name: tok.v, args };
    }
    if (tok.t === 'word') return { kind: 'path', value: tok.v };
    if (tok.t === 'num') return { kind: 'other' };
    throw new Error(`unexpected ${tok.v}`);
  };
  const and = binary('and', '&&', primary);
  const or = binary('or', '||', and);

  try {
    const root = or();
    return pos === tokens.length ? root : null;
  } catch {
    return null;
  }
}

const isTagNames = (n: Node | undefined) => n?.kind === 'path' && /^ticket\.tags(?:\.name)?$/.test(n.value);

function strings(n: Node | undefined): string[] | null {
  if (n?.kind === 'string') return [n.value];
  if (n?.kind !== 'list') return null;
  const values = n.items.map((x) => (x.kind === 'string' ? x.value : null));
  return values.every((v): v is string => v !== null) ? values : null;
}

/** The tags, any one of which alone makes the node true; null when no single tag can. */
function satisfyingTags(n: Node): string[] | null {
  switch (n.kind) {
    case 'call': {
      if (n.args.length !== 2 || !isTagNames(n.args[0])) return null;
      const values = strings(n.args[1]);
      if (!values?.length) return null;
      const unique = [...new Set(values)];
      switch (n.name.toLowerCase()) {
        case 'containsany':
          return unique;
        case 'containsall':
        case 'contains':
        case 'eq':
          return unique.length === 1 ? unique : null;
        default:
          return null;
      }
    }
    case 'and': {
      const l = satisfyingTags(n.left);
      const r = satisfyingTags(n.right);
      if (!l || !r) return null;
      const both = l.filter((t) => r.includes(t));
      return both.length ? both : null;
    }
    case 'or': {
      const merged = [...(satisfyingTags(n.left) ?? []), ...(satisfyingTags(n.right) ?? [])];
      return merged.length ? [...new Set(merged)] : null;
    }
    default:
      return null;
  }
}

/** The one tag that makes a ticket match the view's filter, if there is one. */
export function viewTagOf(filters: string | null | undefined): string | undefined {
  if (!filters?.trim()) return undefined;
  const tokens = tokenize(filters);
  const root = tokens && parse(tokens);
  const tags = root ? satisfyingTags(root) : null;
  return tags?.find((t) => t.trim().length > 0);
}
