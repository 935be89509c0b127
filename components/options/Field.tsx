import { useMemo, type ReactNode } from 'react';
import { isManagedPath, useOptions } from './state/store';
import { issuesAt, validateForm, type Issue } from './state/validate';

/** DOM id of a field's control, derived from its form path so error links and tests can find it. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

/**
 * Errors of one field, shown once the team lead has edited it or tried to save; before that a fresh
 * empty row should not shout at them.
 */
export function useFieldErrors(path: string): Issue[] {
  const form = useOptions((s) => s.form);
  const touched = useOptions((s) => s.touched);
  const showAll = useOptions((s) => s.showAllErrors);
  const saveIssues = useOptions((s) => s.saveIssues);
  return useMemo(() => {
    const visible = showAll || Object.keys(touched).some((t) => t === path || t.startsWith(`${path}.`) || path.startsWith(`${t}.`));
    const save = issuesAt(saveIssues, path);
    return visible ? [...issuesAt(validateForm(form).issues, path), ...save] : save;
  }, [form, touched, showAll, saveIssues, path]);
}

function useManaged(path: string): boolean {
  return useOptions((s) => isManagedPath(path, s.managed));
}

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  disabled?: boolean;
  'data-testid': string;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

export function FieldErrors({ id, errors }: { id: string; errors: Issue[] }) {
  // Always present, so screen readers announce an error the moment it appears.
  return (
    <div id={id} className="field-error" aria-live="polite">
      {errors.map((e, i) => (
        <p key={i}>{e.message}</p>
      ))}
    </div>
  );
}

export function Field({
  path,
  label,
  help,
  children,
  className = '',
}: {
  path: string;
  label: ReactNode;
  help?: ReactNode;
  children: (control: ControlProps) => ReactNode;
  className?: string;
}) {
  const id = fieldId(path);
  const errors = useFieldErrors(path);
  const managed = useManaged(path);
  const control: ControlProps = {
    id,
    'aria-describedby': describedBy(help !== undefined && `${id}-help`, errors.length > 0 && `${id}-error`),
    'aria-invalid': errors.length ? true : undefined,
    disabled: managed || undefined,
    'data-testid': `field-${path}`,
  };
  return (
    <div className={`field ${className}`} data-invalid={errors.length > 0 || undefined}>
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {help !== undefined && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function CheckboxField({
  path,
  label,
  help,
  checked,
  onChange,
}: {
  path: string;
  label: ReactNode;
  help?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = fieldId(path);
  const managed = useManaged(path);
  return (
    <div className="field field-check">
      <input
        type="checkbox"
        id={id}
        data-testid={`field-${path}`}
        checked={checked}
        disabled={managed || undefined}
        aria-describedby={help !== undefined ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {help !== undefined && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
    </div>
  );
}

/**
 * A group of fields an administrator may lock as a whole (one top-level policy field). A disabled
 * fieldset disables every control inside it, so nothing managed can be edited by accident.
 */
export function LockGroup({
  field,
  legend,
  children,
  className = '',
}: {
  field: string;
  legend: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const locked = useOptions((s) => s.managed.includes(field));
  return (
    <fieldset className={`group ${className}`} disabled={locked} data-managed={locked || undefined} data-testid={`group-${field}`}>
      <legend>{legend}</legend>
      {locked && (
        <p className="managed-note" data-testid={`managed-note-${field}`}>
          <span aria-hidden="true">🔒 </span>Set by your administrator; it cannot be changed here.
        </p>
      )}
      {children}
    </fieldset>
  );
}
