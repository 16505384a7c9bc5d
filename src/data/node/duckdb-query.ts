import { DuckDBInstance, type DuckDBDataChunk } from '@duckdb/node-api';
import { SAFE_SETUP_SQL } from '../sql.ts';

/**
 * Runs queries on a fresh in-memory native DuckDB and closes it. `query` returns small results
 * row-major as text (VARCHAR queries: headers, the first rows, DESCRIBE); `stream` hands a large
 * result over chunk by chunk (about 2048 rows each), so no row array of the whole table is ever
 * built. One instance per file read: the CLI reads one file, so there is nothing to share.
 */
export interface TextRows {
  columnNames: string[];
  rows: (string | null)[][];
}

export interface DuckDB {
  query(sql: string): Promise<TextRows>;
  stream(sql: string, onChunk: (chunk: DuckDBDataChunk) => void): Promise<void>;
}

export async function withDuckDB<T>(work: (db: DuckDB) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const sql of SAFE_SETUP_SQL) await connection.run(sql);
    return await work({
      async query(sql) {
        const reader = await connection.runAndReadAll(sql);
        const rows = reader.getRows().map((r) => r.map((v) => (v === null || v === undefined ? null : String(v))));
        return { columnNames: reader.columnNames(), rows };
      },
      async stream(sql, onChunk) {
        // The next chunk is asked for before this one is handed over, so DuckDB computes it (on
        // its own thread) while JS reads this one: the two no longer take turns on 2 cores.
        const result = await connection.stream(sql);
        let next = result.fetchChunk();
        for (;;) {
          const chunk = await next;
          if (!chunk || chunk.rowCount === 0) break;
          next = result.fetchChunk();
          try {
            onChunk(chunk);
          } catch (e) {
            await next.catch(() => undefined); // no fetch may still run when the connection closes
            throw e;
          }
        }
      },
    });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
