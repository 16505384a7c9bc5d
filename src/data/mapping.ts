import { FIELD_BY_ID } from './fields.ts';
import type { Label } from '../engine/types.ts';

/**
 * The result of header matching, in a form the workbench can show and edit by hand: each input
 * column carries its status and (when matched) a field id; the derived summaries (`fields`,
 * `ambiguous`, `missingRequired`) are recomputed by `finalizeMapping` after every edit.
 */

export type ColumnStatus = 'matched' | 'ambiguous' | 'unmatched' | 'personal';

export interface ColumnMatch {
  index: number;
  header: string;
  status: ColumnStatus;
  /** The field this column maps to (also set when ambiguous: the field it competes for). */
  field?: string;
  /** Set by a manual edit. */
  manual?: boolean;
  /** Why a column that looked like a field was not used, or was dropped. */
  note?: Label;
}

export interface ColumnMapping {
  headers: string[];
  columns: ColumnMatch[];
  /** Field id → column index, for unambiguous matches only. */
  fields: Record<string, number>;
  /** Fields that several columns claim; none of them is used until a person chooses. */
  ambiguous: { field: string; columns: number[] }[];
  unmatched: number[];
  /** Personal-data columns: dropped, never shown or exported. */
  personal: number[];
  required: string[];
  /** Required fields with no (unambiguous) column. */
  missingRequired: string[];
  evalYear?: number;
  /** Extension field ids (not in the data model) this mapping may use. */
  extensions?: string[];
}

type Draft = Pick<ColumnMapping, 'headers' | 'columns' | 'required' | 'evalYear' | 'extensions'>;

export function finalizeMapping(draft: Draft): ColumnMapping {
  const byField = new Map<string, number[]>();
  for (const c of draft.columns) {
    if (c.field === undefined || c.status === 'personal' || c.status === 'unmatched') continue;
    const list = byField.get(c.field) ?? [];
    list.push(c.index);
    byField.set(c.field, list);
  }
  const fields: Record<string, number> = {};
  const ambiguous: ColumnMapping['ambiguous'] = [];
  const columns = draft.columns.map((c) => ({ ...c }));
  for (const [field, idx] of byField) {
    if (idx.length === 1) {
      fields[field] = idx[0];
      columns[idx[0]].status = 'matched';
    } else {
      ambiguous.push({ field, columns: idx });
      for (const i of idx) columns[i].status = 'ambiguous';
    }
  }
  const out: ColumnMapping = {
    headers: draft.headers,
    columns,
    fields,
    ambiguous,
    unmatched: columns.filter((c) => c.status === 'unmatched').map((c) => c.index),
    personal: columns.filter((c) => c.status === 'personal').map((c) => c.index),
    required: draft.required,
    missingRequired: draft.required.filter((f) => fields[f] === undefined),
  };
  if (draft.evalYear !== undefined) out.evalYear = draft.evalYear;
  if (draft.extensions?.length) out.extensions = draft.extensions;
  return out;
}

/**
 * A manual edit: map column `index` to `field` (or to nothing with `null`). Another column that
 * held the same field gives it up, so a choice by hand also resolves an ambiguity.
 */
export function setColumnField(mapping: ColumnMapping, index: number, field: string | null): ColumnMapping {
  const target = mapping.columns[index];
  if (!target) throw new Error(`no column ${index}`);
  if (target.status === 'personal') throw new Error(`column "${target.header}" holds personal data and cannot be mapped`);
  if (field !== null && !FIELD_BY_ID.has(field) && !mapping.extensions?.includes(field)) throw new Error(`unknown field id "${field}"`);
  const columns = mapping.columns.map((c): ColumnMatch => {
    if (c.index === index) {
      const { note: _n, field: _f, ...rest } = c;
      return field === null ? { ...rest, status: 'unmatched', manual: true } : { ...rest, status: 'matched', field, manual: true };
    }
    if (field !== null && c.field === field && c.status !== 'personal') {
      const { field: _f, ...rest } = c;
      return { ...rest, status: 'unmatched' };
    }
    return c;
  });
  return finalizeMapping({ headers: mapping.headers, columns, required: mapping.required, evalYear: mapping.evalYear, extensions: mapping.extensions });
}

/** A new set of required fields (e.g. another indicator system was chosen). */
export function withRequired(mapping: ColumnMapping, required: readonly string[]): ColumnMapping {
  return finalizeMapping({ headers: mapping.headers, columns: mapping.columns, required: [...required], evalYear: mapping.evalYear, extensions: mapping.extensions });
}
