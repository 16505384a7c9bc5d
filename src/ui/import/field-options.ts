import { FIELDS, fieldName } from '../../data/fields.ts';
import type { ColumnMapping } from '../../data/mapping.ts';
import type { Lang } from '../../i18n/lang.ts';

/**
 * The choices of a column's field selector: every field of the data model, then extensions.
 * Labels are the field's name and unit in the UI language only — ids are internal and mean nothing
 * to an official (extension ids are the user's own column names, so they are shown as given).
 */
export function fieldOptions(mapping: ColumnMapping, lang: Lang = 'zh'): { id: string; label: string }[] {
  const out = FIELDS.map((f) => ({ id: f.id, label: fieldName(f.id, lang) }));
  for (const id of mapping.extensions ?? []) out.push({ id, label: id });
  return out;
}

/** The value shown by a column's selector: its field when matched or ambiguous, else ''. */
export function selectedField(mapping: ColumnMapping, index: number): string {
  const c = mapping.columns[index];
  return (c.status === 'matched' || c.status === 'ambiguous') && c.field ? c.field : '';
}
