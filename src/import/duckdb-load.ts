import { quoteIdent, readCsvSql } from '../data/sql.ts';
import type { Connector } from '../db/connector.ts';
import type { ParsedFile } from '../protocol/import.ts';

let seq = 0;

/**
 * Step 2 of an import: the parsed file goes into DuckDB-wasm through the app's one Connector (the
 * same path as the demo) and comes back as the raw table's Arrow IPC bytes, undecoded. CSV bytes
 * are read with src/data's `read_csv` SQL (the CLI's); Arrow from XLSX/Parquet/JSON is inserted
 * with `insertArrowFromIPCStream` and selected back. Nothing is left registered afterwards.
 */
export async function loadIntoDuckDB(db: Connector, parsed: ParsedFile): Promise<Uint8Array> {
  const id = `import_${Date.now()}_${seq++}`;
  if (parsed.kind === 'csv') {
    const file = `${id}.csv`;
    await db.registerFileBuffer(file, parsed.utf8);
    try {
      return await db.queryIPC(readCsvSql(file, { delimiter: parsed.delimiter }));
    } finally {
      await db.dropFile(file);
    }
  }
  await db.insertArrowFromIPCStream(id, parsed.ipc);
  try {
    return await db.queryIPC(`SELECT * FROM ${quoteIdent(id)}`);
  } finally {
    await db.query(`DROP TABLE IF EXISTS ${quoteIdent(id)}`);
  }
}
