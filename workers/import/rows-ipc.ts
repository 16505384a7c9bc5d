import { Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

/**
 * Row-major text cells → an Arrow IPC stream with one Utf8 column per position (column0, …),
 * the same shape DuckDB's `read_csv(header=false, all_varchar=true)` returns, so every format
 * reaches the raw table through one path (workers/arrow-raw.ts). Short rows are padded with null.
 */
export function rowsToIpc(rows: readonly (readonly (string | null)[])[]): Uint8Array {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const columns: Record<string, Vector<Utf8>> = {};
  for (let j = 0; j < Math.max(1, width); j++) {
    const cells = rows.map((r) => r[j] ?? null);
    columns[`column${j}`] = vectorFromArray(cells, new Utf8());
  }
  return tableToIPC(new Table(columns), 'stream');
}
