import { FIELDS, isNumericType, type FieldDef } from '../data/fields.ts';
import type { SegmentColumn } from './expression.ts';

/**
 * The segment table (`segment_rows`): one row per scored enterprise, `row_id` its index in the
 * scoring worker's population, then the data model's fields that a condition may test. The same
 * columns, types and values in the browser (Arrow into DuckDB-wasm) and the CLI (native DuckDB),
 * so one expression selects the same rows in both.
 */
export const SEGMENT_TABLE = 'segment_rows';
export const SEGMENT_ROW_ID = 'row_id';

/** Text fields a segment may test (enums as written, trimmed; '' is NULL). */
export const SEGMENT_TEXT_FIELDS = ['uscc', 'name', 'province', 'city', 'county', 'industry_code', 'tech_field', 'enterprise_types', 'size'] as const;

/** The ones the import worker hands over as dictionaries (the others travel as text already). */
export const SEGMENT_DICTIONARY_FIELDS = ['province', 'county', 'industry_code', 'enterprise_types', 'size'] as const;

export type SegmentColumnType = 'VARCHAR' | 'DOUBLE' | 'DATE';

export interface SegmentColumnDef extends SegmentColumn {
  type: SegmentColumnType;
}

function def(f: FieldDef, type: SegmentColumnType): SegmentColumnDef {
  return { id: f.id, names: [f.zh, ...(f.aliases ?? [])], type };
}

/**
 * The columns of a dataset's segment table, in catalogue order: the text fields it has, its
 * registration date, and every numeric column (counts and booleans as DOUBLE, missing = NULL).
 */
export function segmentColumns(textFields: Iterable<string>, numericFields: Iterable<string>): SegmentColumnDef[] {
  const text = new Set(textFields);
  const numeric = new Set(numericFields);
  const out: SegmentColumnDef[] = [];
  for (const f of FIELDS) {
    if ((SEGMENT_TEXT_FIELDS as readonly string[]).includes(f.id) && text.has(f.id)) out.push(def(f, 'VARCHAR'));
    else if (f.id === 'registration_date') out.push(def(f, 'DATE'));
    else if (isNumericType(f.type) && numeric.has(f.id)) out.push(def(f, 'DOUBLE'));
  }
  return out;
}

/**
 * Every column a segment table can have (every text field of SEGMENT_TEXT_FIELDS, the registration
 * date, every numeric field): what a condition is checked against before any dataset is at hand —
 * a scenario file's segment, the CLI's `--segment` before the file is read. The dataset's own
 * columns are checked again when the condition runs.
 */
export const CATALOGUE_SEGMENT_COLUMNS: readonly SegmentColumnDef[] = segmentColumns(
  SEGMENT_TEXT_FIELDS,
  FIELDS.filter((f) => isNumericType(f.type)).map((f) => f.id),
);

/** The query of a checked condition (expression.ts `sql`): the matching row ids, ascending. */
export function segmentRowsSql(conditionSql: string): string {
  return `SELECT ${SEGMENT_ROW_ID} FROM ${SEGMENT_TABLE} WHERE (${conditionSql}) ORDER BY ${SEGMENT_ROW_ID}`;
}

/** The condition's type (must be BOOLEAN), asked before the rows are. */
export function segmentTypeSql(conditionSql: string): string {
  return `SELECT typeof(${conditionSql}) AS t FROM ${SEGMENT_TABLE} LIMIT 1`;
}
