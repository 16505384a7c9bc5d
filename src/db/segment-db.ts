import type { Table } from 'apache-arrow';
import { LOCKED_SQL } from '../data/sql.ts';
import { startDuckDB, type Handle } from './duckdb.ts';
import { SEGMENT_ROW_ID, SEGMENT_TABLE } from '../segment/columns.ts';
import type { SegmentQueries } from '../segment/run.ts';

/**
 * The DuckDB-wasm instance that runs segment conditions: separate from the import's instance
 * (which must read registered files), locked before it holds anything — no file or network
 * access, no extensions, configuration frozen — and fed only the segment table, as Arrow.
 */
export interface SegmentDb extends SegmentQueries {
  /** Replaces the segment table with `ipc` (Arrow stream, transferred), remembered under `key`. */
  load(key: string, ipc: Uint8Array): Promise<void>;
  /** Adds the columns of `ipc` (Arrow stream with `row_id`) to the table held, matched by row_id. */
  addColumns(ipc: Uint8Array): Promise<void>;
  /** Replaces the table `name` with `ipc`: a score table (row_id, score) or the comparison year's (columns.ts CURRENT_TABLES, PREVIOUS_TABLES). */
  loadTable(name: string, ipc: Uint8Array): Promise<void>;
  /** Drops these tables when they exist. */
  dropTables(names: readonly string[]): Promise<void>;
  /** The key of the table held, or null. */
  readonly key: string | null;
}

const start = () => startDuckDB(LOCKED_SQL);

export function createSegmentDb(): SegmentDb {
  let loading: Promise<Handle> | null = null;
  const handle = () =>
    (loading ??= start().catch((err: unknown) => {
      loading = null;
      throw err;
    }));
  let key: string | null = null;
  return {
    get key() {
      return key;
    },
    async load(k, ipc) {
      const { conn } = await handle();
      key = null;
      await conn.query(`DROP TABLE IF EXISTS ${SEGMENT_TABLE}`);
      await conn.insertArrowFromIPCStream(ipc, { name: SEGMENT_TABLE, create: true });
      key = k;
    },
    async dropTables(names) {
      if (!loading) return; // never started: nothing to drop
      const { conn } = await handle();
      for (const name of names) await conn.query(`DROP TABLE IF EXISTS ${name}`);
    },
    async loadTable(name, ipc) {
      const { conn } = await handle();
      await conn.query(`DROP TABLE IF EXISTS ${name}`);
      await conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async addColumns(ipc) {
      const { conn } = await handle();
      const add = `${SEGMENT_TABLE}_add`;
      await conn.query(`DROP TABLE IF EXISTS ${add}`);
      await conn.insertArrowFromIPCStream(ipc, { name: add, create: true });
      // Joined by row_id, not by position: a column can only ever meet its own rows.
      await conn.query(`CREATE OR REPLACE TABLE ${SEGMENT_TABLE} AS SELECT * FROM ${SEGMENT_TABLE} JOIN ${add} USING (${SEGMENT_ROW_ID})`);
      await conn.query(`DROP TABLE ${add}`);
    },
    async typeOf(sql) {
      const { conn } = await handle();
      const t = (await conn.query(sql)) as unknown as Table;
      return t.numRows === 0 ? null : String(t.getChildAt(0)!.get(0));
    },
    async rowIds(sql) {
      const { conn } = await handle();
      const t = (await conn.query(sql)) as unknown as Table;
      const col = t.getChild(SEGMENT_ROW_ID);
      return col ? Uint32Array.from(col.toArray() as ArrayLike<number>) : new Uint32Array(0);
    },
  };
}
