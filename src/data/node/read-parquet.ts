import { DataError, internalDetails } from '../errors.ts';
import type { TypedRawTable } from '../raw-table.ts';
import { describeSql, quoteIdent, readParquetSql, typedSelectSql, type ColumnRead } from '../sql.ts';
import { TypedTableBuilder } from '../typed-columns.ts';
import { withDuckDB } from './duckdb-query.ts';
import { typedChunkReader } from './typed-chunk.ts';

/**
 * A Parquet file through native DuckDB (Parquet is built in there; the browser uses hyparquet).
 * Every read column is cast to VARCHAR and then split as CSV text is (typedSelectSql), so typed
 * numbers, dates and booleans take the same parsing path as CSV text. The header is row 1; data
 * rows are numbered from 2.
 */
export async function readParquetTable(path: string, name: string, plan: (headers: string[]) => ColumnRead[]): Promise<TypedRawTable> {
  try {
    return await withDuckDB(async (db) => {
      const from = readParquetSql(path);
      const names = (await db.query(describeSql(from))).rows.map((r) => r[0] ?? '');
      const reads = plan(names);
      const builder = new TypedTableBuilder(reads, 2);
      const view = typedChunkReader(reads);
      await db.stream(
        typedSelectSql(from, reads, (j) => `CAST(${quoteIdent(names[j])} AS VARCHAR)`),
        (chunk) => builder.add(view(chunk)),
      );
      return builder.finish(names, 1, { format: 'parquet' });
    });
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(
      'bad-parquet',
      `${name} is not a readable Parquet file; export it again, or save the data as CSV or .xlsx.`,
      `${name} 不是可读的 Parquet 文件；请重新导出，或另存为 CSV 或 .xlsx。`,
      internalDetails(e),
    );
  }
}
