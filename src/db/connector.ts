import type { Table } from 'apache-arrow';

/**
 * The one interface the app uses to talk to a database: a query in, an Arrow table out. The
 * DuckDB-wasm implementation lives in duckdb.ts; tests or the CLI can supply another.
 */
export interface Connector {
  /** Runs SQL and returns the whole result as an Arrow table (decoded on this thread). */
  query(sql: string): Promise<Table>;
  /**
   * Runs SQL and returns the result as raw Arrow IPC stream bytes, undecoded: the caller hands the
   * buffer on (transferred) to a worker, so a million-row result never gets decoded here.
   */
  queryIPC(sql: string): Promise<Uint8Array>;
  /** Makes `bytes` readable by SQL under `name` (e.g. `read_csv('name')`); the buffer is transferred. */
  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Creates (or appends to) `table` from Arrow IPC stream bytes. */
  insertArrowFromIPCStream(table: string, bytes: Uint8Array): Promise<void>;
}
