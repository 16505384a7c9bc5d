import { checkSegmentExpression, type SegmentColumn, type SegmentError } from './expression.ts';
import { CURRENT_TABLES, SEGMENT_SCORE, segmentRowsSql, segmentTypeSql, type SegmentTables } from './columns.ts';

/**
 * The two questions a segment asks its database (DuckDB-wasm in the page, native DuckDB in the
 * CLI). A condition naming `score` needs the score table loaded beside the segment table.
 */
export interface SegmentQueries {
  /** The first row's `typeof(...)` of the condition; null for an empty table. */
  typeOf(sql: string): Promise<string | null>;
  /** The `row_id`s of a rows query, ascending. */
  rowIds(sql: string): Promise<Uint32Array>;
}

export type SegmentSelection = { ok: true; rows: Uint32Array; sql: string } | { ok: false; error: SegmentError };

/** DuckDB's own message without its "Binder Error: " style prefix and the LINE/caret lines. */
function duckMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0].trim();
}

/**
 * A condition → the rows it selects: checked first (expression.ts), then its type (it must be
 * true/false), then the rows. Every failure is one sentence for the field that holds the text.
 */
export async function selectSegment(db: SegmentQueries, text: string, columns: readonly SegmentColumn[], tables: SegmentTables = CURRENT_TABLES): Promise<SegmentSelection> {
  const check = checkSegmentExpression(text, columns);
  if (!check.ok) return check;
  const withScore = check.columns.includes(SEGMENT_SCORE);
  try {
    const type = await db.typeOf(segmentTypeSql(check.sql, withScore, tables));
    if (type !== null && type !== 'BOOLEAN' && type !== '"NULL"' && type !== 'NULL')
      return {
        ok: false,
        error: {
          code: 'type',
          at: -1,
          zh: `条件的结果必须是“是/否”，这个表达式得到的是 ${type}：请写成比较，例如 rd_expense > 100。`,
          en: `a condition must be true or false; this expression gives ${type}: write a comparison, e.g. rd_expense > 100.`,
        },
      };
    return { ok: true, rows: await db.rowIds(segmentRowsSql(check.sql, withScore, tables)), sql: check.sql };
  } catch (e) {
    const m = duckMessage(e);
    return { ok: false, error: { code: 'duckdb', at: -1, zh: `DuckDB 无法计算这个条件：${m}`, en: `DuckDB cannot evaluate this condition: ${m}` } };
  }
}
