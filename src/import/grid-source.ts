import { cellText } from '../data/cell-text.ts';
import { CELLS_COLUMN, type HeaderWidth } from '../data/row-width.ts';
import type { ColumnRead } from '../data/sql.ts';
import { quoteIdent, readCsvSql } from '../data/sql.ts';
import { gridTypedSql, gridWithoutSql, readGridHeader, type GridHeader, type GridSample } from '../data/typed-read.ts';
import type { Connector } from '../db/connector.ts';

let seq = 0;

/**
 * A text grid in DuckDB-wasm (a user's CSV bytes registered as a file, or a stored dataset
 * inserted as a table) and the queries the import runs on it, through the app's one Connector:
 * the first rows to find the header, the typed read of the mapped columns (its Arrow IPC goes to
 * the import worker undecoded), and the grid without personal data for storage. DuckDB does
 * the reading; the page's thread only passes buffers on.
 */
export class GridSource {
  private constructor(
    private readonly db: Connector,
    /** SQL of the whole grid, header=false (columns column0…). */
    readonly from: string,
    private readonly cleanup: () => Promise<unknown>,
  ) {}

  /** UTF-8 CSV bytes (transferred to DuckDB's worker). */
  static async csv(db: Connector, utf8: Uint8Array, delimiter: string): Promise<GridSource> {
    const file = `import-${Date.now()}-${seq++}.csv`;
    await db.registerFileBuffer(file, utf8);
    return new GridSource(db, readCsvSql(file, { delimiter }), () => db.dropFile(file));
  }

  /** A stored grid (src/persist/datasets.ts): data rows only, the header comes with it. */
  static async stored(db: Connector, ipc: Uint8Array): Promise<GridSource> {
    const name = `stored_${Date.now()}_${seq++}`;
    await db.insertArrowFromIPCStream(name, ipc);
    return new GridSource(db, `SELECT * FROM ${quoteIdent(name)}`, () => db.query(`DROP TABLE IF EXISTS ${quoteIdent(name)}`));
  }

  private async sample(sql: string): Promise<GridSample> {
    const t = await this.db.query(sql);
    const columnNames = t.schema.fields.map((f) => f.name);
    const columns = columnNames.map((_, j) => t.getChildAt(j)!);
    const rows = Array.from({ length: t.numRows }, (_, i) => columns.map((c) => cellText(c.get(i))));
    return { columnNames, rows };
  }

  /** The header row found under any title rows; null for a grid with no non-blank row. */
  header(): Promise<GridHeader | null> {
    return readGridHeader(this.from, (sql) => this.sample(sql));
  }

  /** A stored grid's header: given, not searched (index -1: every row is a data row). */
  async storedHeader(headers: string[], width?: HeaderWidth): Promise<GridHeader> {
    const s = await this.sample(`${this.from} LIMIT 5`);
    const counted = s.columnNames.at(-1) === CELLS_COLUMN;
    const columnNames = counted ? s.columnNames.slice(0, -1) : s.columnNames;
    const sample = counted ? s.rows.map((r) => r.slice(0, -1)) : s.rows;
    return { index: -1, columnNames, headers, sample, ...(counted && width ? { width } : {}) };
  }

  typed(header: GridHeader, reads: readonly ColumnRead[]): Promise<Uint8Array> {
    return this.db.queryIPC(gridTypedSql(this.from, header, reads));
  }

  withoutColumns(header: GridHeader, drop: ReadonlySet<number>): Promise<Uint8Array> {
    return this.db.queryIPC(gridWithoutSql(this.from, header, drop));
  }

  async close(): Promise<void> {
    await this.cleanup().catch(() => {});
  }
}
