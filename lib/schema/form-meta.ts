import { z } from 'zod';

/**
 * How the options form holds a value that is not typed as itself: lists as one text (one per line, or
 * comma-separated tags), a JSON object as its text, an optional target as null, a handover rule as its
 * editor's fields. Plain strings, numbers (kept as typed text), booleans and enums need none.
 */
export type FormCodec = 'lines' | 'tags' | 'json' | 'target' | 'rule';

/**
 * What the options page shows for one setting, declared next to the setting's schema so label, help,
 * error-summary name and form conversion live in one place. Bounds (min/max, max length, enum options)
 * are not repeated here: the form reads them from the schema itself.
 */
export interface FieldMeta {
  /** The label on the page, and the field's name in error summaries and import problems. */
  title?: string;
  /** The label on the page where the group around it already says what `title` says. */
  label?: string;
  /** Shown under the control; **…** is emphasis, {min} {max} {maxLength} are the schema's own bounds. */
  help?: string;
  /** A list's item name in error summaries: "Sub agent 2". */
  item?: string;
  codec?: FormCodec;
  /** Text controls: a textarea (with this many rows), a time or an address; a single line by default. */
  control?: 'textarea' | 'time' | 'url';
  rows?: number;
  placeholder?: string;
  /** Ids, tags, addresses and code: the browser's spelling check would only underline them. */
  verbatim?: true;
  /** Monospace text (JSON). */
  mono?: true;
  /** A short example, quoted in the form's own problems ("like {…}"). */
  example?: string;
  /** Enum values as the page names them, in the schema's order. */
  choices?: Record<string, string>;
}

/** The options form's metadata for policy fields; read only by the form (exports and the managed schema ignore it). */
export const formMeta = z.registry<FieldMeta>();
