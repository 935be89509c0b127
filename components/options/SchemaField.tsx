import { Fragment, type ReactNode } from 'react';
import { boundsOf, choicesOf, policyNodeAt, type Node, type PolicyPath, type PolicyValue } from './state/schema-form';
import { setField, useOptions } from './state/store';
import { CheckboxField, Field, type ControlProps } from './Field';

type Bounds = ReturnType<typeof boundsOf>;

/** A declared help text: {min}, {max} and {maxLength} are the schema's bounds, **…** is emphasis. */
function helpText(help: string, bounds: Bounds): ReactNode {
  const filled = help.replace(/\{(min|max|maxLength)\}/g, (m, k: keyof Bounds) => String(bounds[k] ?? m));
  const parts = filled.split(/\*\*(.+?)\*\*/);
  if (parts.length === 1) return filled;
  return parts.map((p, i) => (i % 2 ? <strong key={i}>{p}</strong> : <Fragment key={i}>{p}</Fragment>));
}

function nodeAt(path: PolicyPath): Node {
  const node = policyNodeAt(path.replace(/^policy\./, ''));
  if (!node) throw new Error(`${path} is not a policy field`);
  return node;
}

const valueAt = (form: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), form);

interface Props<P extends PolicyPath> {
  path: P;
  /** Said to screen readers after the title, naming the card the field sits in (" in" and the helpdesk). */
  context?: ReactNode;
  /** The label's language, where the card around it is in another one. */
  labelLang?: string;
  /** Replaces the declared help where it depends on other fields. */
  help?: ReactNode;
  /** Replaces the plain edit where one edit changes more (renaming a sub agent renames it in rules). */
  onChange?: (value: PolicyValue<P>) => void;
  disabled?: boolean;
  /** A datalist's id offering values. */
  list?: string;
  /** Shown right after the control (the datalist itself). */
  after?: ReactNode;
}

/**
 * One policy setting, drawn from its schema: the declared title, help and control, the schema's own bounds
 * and enum values, its value from the form and its errors underneath.
 */
export function SchemaField<P extends PolicyPath>({ path, context, labelLang, help, onChange, disabled, list, after }: Props<P>) {
  const node = nodeAt(path);
  const value = useOptions((s) => valueAt(s.form, path));
  const set = (v: unknown) => (onChange ? onChange(v as PolicyValue<P>) : setField(path, v));
  const { meta } = node;
  const title = meta.label ?? meta.title ?? path.split('.').pop();
  const label = labelLang ? (
    <span lang={labelLang}>
      {title}
      {context}
    </span>
  ) : (
    <>
      {title}
      {context}
    </>
  );
  const bounds = boundsOf(node);
  const shownHelp = help ?? (meta.help !== undefined ? helpText(meta.help, bounds) : undefined);
  if (node.kind === 'boolean' && !meta.codec)
    return <CheckboxField path={path} label={label} help={shownHelp} checked={value === true} onChange={set} />;
  return (
    <Field path={path} label={label} help={shownHelp}>
      {(p) => (
        <>
          <Control node={node} control={{ ...p, disabled: p.disabled || disabled || undefined }} value={value} list={list} onChange={set} />
          {after}
        </>
      )}
    </Field>
  );
}

function Control({
  node,
  control,
  value,
  list,
  onChange,
}: {
  node: Node;
  control: ControlProps;
  value: unknown;
  list?: string;
  onChange: (v: unknown) => void;
}) {
  const { meta } = node;
  const text = typeof value === 'string' ? value : '';
  const common = {
    ...control,
    spellCheck: meta.verbatim ? false : undefined,
    placeholder: meta.placeholder,
    className: meta.mono ? 'mono' : undefined,
  };
  if (node.kind === 'enum' && !meta.codec) {
    return (
      <select {...control} value={text} onChange={(e) => onChange(e.target.value)}>
        {choicesOf(node).map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    );
  }
  if (node.kind === 'number') {
    const { min, max } = boundsOf(node);
    return (
      <input {...common} type="number" min={min} max={max} inputMode="numeric" value={text} onChange={(e) => onChange(e.target.value)} />
    );
  }
  const multiline = meta.codec === 'lines' || meta.codec === 'json' || meta.control === 'textarea';
  if (multiline) {
    return (
      <textarea
        {...common}
        rows={meta.rows ?? 3}
        maxLength={boundsOf(node).maxLength}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  const type = meta.control === 'time' ? 'time' : meta.control === 'url' ? 'url' : 'text';
  return (
    <input
      {...common}
      type={type}
      list={list}
      autoComplete={list ? 'off' : undefined}
      maxLength={boundsOf(node).maxLength}
      value={text}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * Every declared setting of one policy object, in the schema's order (or in `only`'s): a setting added to
 * the schema with a title shows up here with nothing else to change.
 */
export function SchemaFields({ group, only, context }: { group: PolicyPath; only?: readonly string[]; context?: ReactNode }) {
  const node = nodeAt(group);
  const keys = only ?? Object.keys((node.core as unknown as { shape: Record<string, unknown> }).shape ?? {});
  return (
    <>
      {keys.map((k) => {
        const path = `${group}.${k}` as PolicyPath;
        return policyNodeAt(path.replace(/^policy\./, ''))?.meta.title ? <SchemaField key={k} path={path} context={context} /> : null;
      })}
    </>
  );
}
