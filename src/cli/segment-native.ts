import { DuckDBDateValue, DuckDBInstance } from '@duckdb/node-api';
import { LOCKED_SQL, quoteIdent } from '../data/sql.ts';
import type { EngineDataset } from '../data/build-dataset.ts';
import {
  CATALOGUE_SEGMENT_COLUMNS,
  dataColumns,
  SEGMENT_ROW_ID,
  SEGMENT_SCORE,
  SEGMENT_SCORE_TABLE,
  SEGMENT_TABLE,
  segmentColumns,
  type SegmentColumnDef,
} from '../segment/columns.ts';
import { checkSegmentExpression } from '../segment/expression.ts';
import { selectSegment } from '../segment/run.ts';
import { CliError } from './cli-error.ts';

/** The columns `--segment EXPR` names (the catalogue's); refuses a bad condition. */
function namedColumns(expr: string, source: string): string[] {
  const check = checkSegmentExpression(expr, CATALOGUE_SEGMENT_COLUMNS);
  if (!check.ok) throw new CliError(`${source}: ${check.error.en}`, 2);
  return check.columns;
}

/** The fields `--segment EXPR` reads from the input (so the loader reads them too); refuses a bad condition. */
export function segmentFields(expr: string, source = '--segment'): string[] {
  return dataColumns(namedColumns(expr, source));
}

/**
 * The rows of `data` that `expr` selects, ascending: the condition runs in a fresh in-memory
 * native DuckDB that holds only the segment table with the columns the condition names (the
 * browser's table has them all; a condition sees the same values in both) and is locked before
 * the condition runs: no file, no network, no extension, no SET.
 */
export async function selectSegmentRows(data: EngineDataset, expr: string, source = '--segment', score?: Float64Array): Promise<Uint32Array> {
  const named = namedColumns(expr, source);
  const withScore = named.includes(SEGMENT_SCORE);
  if (withScore && !score) throw new CliError(`${source}: the condition tests the score, and no scores were given`, 1);
  const wanted = new Set(dataColumns(named));
  const present = segmentColumns(Object.keys(data.text), Object.keys(data.columns));
  for (const id of wanted) {
    if (!present.some((c) => c.id === id)) throw new CliError(`${source}: the input has no column for ${id}; the condition cannot be evaluated.`, 1);
  }
  const cols = dataColumns(present).filter((c) => wanted.has(c.id));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE ${SEGMENT_TABLE} (${[`${SEGMENT_ROW_ID} UINTEGER`, ...cols.map((c) => `${quoteIdent(c.id)} ${c.type}`)].join(', ')})`);
    await fill(connection, data, cols);
    // `score` (the run's scores) in its own table, as in the browser: columns.ts SEGMENT_SCORE.
    if (withScore && score) {
      await connection.run(`CREATE TABLE ${SEGMENT_SCORE_TABLE} (${SEGMENT_ROW_ID} UINTEGER, ${SEGMENT_SCORE} DOUBLE)`);
      const appender = await connection.createAppender(SEGMENT_SCORE_TABLE);
      for (let r = 0; r < data.n; r++) {
        appender.appendUInteger(r);
        appender.appendDouble(score[r]);
        appender.endRow();
      }
      appender.flushSync();
      appender.closeSync();
    }
    for (const sql of LOCKED_SQL) await connection.run(sql);
    const sel = await selectSegment(
      {
        async typeOf(sql) {
          const rows = (await connection.runAndReadAll(sql)).getRows();
          return rows.length === 0 ? null : String(rows[0][0]);
        },
        async rowIds(sql) {
          const rows = (await connection.runAndReadAll(sql)).getColumns()[0] ?? [];
          return Uint32Array.from(rows as number[]);
        },
      },
      expr,
      present,
    );
    if (!sel.ok) throw new CliError(`${source}: ${sel.error.en}`, 1);
    return sel.rows;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function fill(connection: Awaited<ReturnType<DuckDBInstance['connect']>>, data: EngineDataset, cols: readonly SegmentColumnDef[]): Promise<void> {
  const appender = await connection.createAppender(SEGMENT_TABLE);
  const put = cols.map((c): ((r: number) => void) => {
    if (c.type === 'DOUBLE') {
      const v = data.columns[c.id];
      return (r) => (Number.isNaN(v[r]) ? appender.appendNull() : appender.appendDouble(v[r]));
    }
    if (c.type === 'DATE') {
      const d = data.regDays;
      return (r) => (Number.isFinite(d[r]) ? appender.appendDate(new DuckDBDateValue(d[r])) : appender.appendNull());
    }
    const t = data.text[c.id];
    return (r) => (t[r] === '' ? appender.appendNull() : appender.appendVarchar(t[r]));
  });
  for (let r = 0; r < data.n; r++) {
    appender.appendUInteger(r);
    for (const p of put) p(r);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}
