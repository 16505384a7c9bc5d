import { DataError } from '../errors.ts';
import { dropBlankRows, type RawTable } from '../raw-table.ts';
import { castAllToVarcharSql, describeSql, readParquetSql } from '../sql.ts';
import { withDuckDB } from './duckdb-query.ts';

/**
 * A Parquet file through native DuckDB (Parquet is built in there; the browser uses hyparquet).
 * Every column is cast to VARCHAR so typed numbers, dates and booleans take the same parsing path
 * as CSV text. The header is row 1; data rows are numbered from 2.
 */
export async function readParquetTable(path: string, name: string): Promise<RawTable> {
  try {
    return await withDuckDB(async (query) => {
      const from = readParquetSql(path);
      const names = (await query(describeSql(from))).rows.map((r) => r[0] ?? '');
      const { rows } = await query(castAllToVarcharSql(from, names));
      const table: RawTable = {
        headers: names,
        columns: names.map((_, j) => rows.map((r) => r[j])),
        rowNumbers: rows.map((_, i) => i + 2),
        headerRowNumber: 1,
        source: { format: 'parquet' },
      };
      return dropBlankRows(table);
    });
  } catch (e) {
    if (e instanceof DataError) throw e;
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new DataError('bad-parquet', `${name} is not a readable Parquet file (${why}).`, `${name} 不是可读的 Parquet 文件（${why}）。`);
  }
}
