import { DuckDBInstance } from '@duckdb/node-api';
import { SAFE_SETUP_SQL } from '../sql.ts';

/**
 * Runs queries on a fresh in-memory native DuckDB and closes it. Rows come back row-major, each
 * cell as text or null (queries select VARCHAR columns only). One instance per file read: the CLI
 * reads one file, so there is nothing to share.
 */
export interface TextRows {
  columnNames: string[];
  rows: (string | null)[][];
}

export async function withDuckDB<T>(work: (query: (sql: string) => Promise<TextRows>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const sql of SAFE_SETUP_SQL) await connection.run(sql);
    return await work(async (sql) => {
      const reader = await connection.runAndReadAll(sql);
      const rows = reader.getRows().map((r) => r.map((v) => (v === null || v === undefined ? null : String(v))));
      return { columnNames: reader.columnNames(), rows };
    });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
