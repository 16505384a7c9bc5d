import { FIELDS } from '../../data/fields.ts';
import type { ColumnMapping } from '../../data/mapping.ts';

/** The choices of a column's field selector: every field of the data model, then extensions. */
export function fieldOptions(mapping: ColumnMapping): { id: string; label: string }[] {
  const out = FIELDS.map((f) => ({ id: f.id, label: `${f.zh}${f.unit ? `（${f.unit}）` : ''} · ${f.id}` }));
  for (const id of mapping.extensions ?? []) out.push({ id, label: id });
  return out;
}

/** The value shown by a column's selector: its field when matched or ambiguous, else ''. */
export function selectedField(mapping: ColumnMapping, index: number): string {
  const c = mapping.columns[index];
  return (c.status === 'matched' || c.status === 'ambiguous') && c.field ? c.field : '';
}
