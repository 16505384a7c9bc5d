import { FIELD_BY_ID } from './fields.ts';
import { extensionDef } from './header-match.ts';
import type { ColumnMapping } from './mapping.ts';
import type { ColumnRead } from './sql.ts';

/**
 * What a typed reader reads of each column, from the column mapping: number and count fields as
 * (double, sparse text) pairs, booleans too (the common 是/否/1/0 as 1/0), every other field parse-columns.ts parses as text (dates, booleans
 * and enums keep their text rules), and nothing of the rest (unmatched, personal data:
 * those cells never reach JS).
 */
export function columnReads(mapping: ColumnMapping): ColumnRead[] {
  const reads: ColumnRead[] = mapping.headers.map(() => 'skip');
  for (const [field, col] of Object.entries(mapping.fields)) {
    const known = FIELD_BY_ID.get(field);
    if (!known && !mapping.extensions?.includes(field)) continue; // parse-columns.ts skips it too
    const type = (known ?? extensionDef(field)).type;
    reads[col] = type === 'number' || type === 'count' ? 'number' : type === 'bool' ? 'bool' : 'text';
  }
  // Columns competing for one field are read as text: buildDataset compares them cell by cell
  // (duplicate-fields.ts) and uses one only when they are identical.
  for (const a of mapping.ambiguous) for (const col of a.columns) reads[col] = 'text';
  return reads;
}
