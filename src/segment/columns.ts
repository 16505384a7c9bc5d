import { FIELDS, isNumericType, type FieldDef } from '../data/fields.ts';
import { checkSegmentExpression, type SegmentColumn } from './expression.ts';

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

/**
 * `score` (得分): the enterprise's score under the scenario on screen (the CLI: the scenario it
 * scores), full precision, 0 when vetoed; what a score range tests. It is not a field of the data:
 * it changes with the scenario, so it lives in a table of its own (SEGMENT_SCORE_TABLE) that is
 * replaced when the scenario changes, joined by row_id to the segment table only when a condition
 * names it. Every scored dataset has it.
 */
export const SEGMENT_SCORE = 'score';
export const SEGMENT_SCORE_TABLE = 'segment_score';

export interface SegmentColumnDef extends SegmentColumn {
  type: SegmentColumnType;
}

const SCORE_COLUMN: SegmentColumnDef = { id: SEGMENT_SCORE, names: ['得分', '积分'], type: 'DOUBLE' };

/** The columns of `cols` that are the data's own (held in the segment table): all but `score`. */
export function dataColumns<T extends { id: string } | string>(cols: readonly T[]): T[] {
  return cols.filter((c) => (typeof c === 'string' ? c : c.id) !== SEGMENT_SCORE);
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
  out.push(SCORE_COLUMN);
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

/** The tables a condition is run over: the current data set's, or the comparison year's (年度对比). */
export interface SegmentTables {
  rows: string;
  score: string;
}
export const CURRENT_TABLES: SegmentTables = { rows: SEGMENT_TABLE, score: SEGMENT_SCORE_TABLE };
export const PREVIOUS_TABLES: SegmentTables = { rows: `${SEGMENT_TABLE}_prev`, score: `${SEGMENT_SCORE_TABLE}_prev` };

/** The rows a condition reads: the segment table, joined to the scores when it names `score`. */
function source(withScore: boolean, t: SegmentTables): string {
  return withScore ? `${t.rows} JOIN ${t.score} USING (${SEGMENT_ROW_ID})` : t.rows;
}

/** The query of a checked condition (expression.ts `sql`): the matching row ids, ascending. */
export function segmentRowsSql(conditionSql: string, withScore = false, tables: SegmentTables = CURRENT_TABLES): string {
  return `SELECT ${SEGMENT_ROW_ID} FROM ${source(withScore, tables)} WHERE (${conditionSql}) ORDER BY ${SEGMENT_ROW_ID}`;
}

/** The condition's type (must be BOOLEAN), asked before the rows are. */
export function segmentTypeSql(conditionSql: string, withScore = false, tables: SegmentTables = CURRENT_TABLES): string {
  return `SELECT typeof(${conditionSql}) AS t FROM ${source(withScore, tables)} LIMIT 1`;
}

/** Whether a condition tests `score` (the export then says whose scores those were). */
export function segmentNamesScore(condition: string): boolean {
  const check = checkSegmentExpression(condition, CATALOGUE_SEGMENT_COLUMNS);
  return check.ok && check.columns.includes(SEGMENT_SCORE);
}
