import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { SAFE_SETUP_SQL } from '../data/sql.ts';
import type { Connector } from './connector.ts';

export interface Handle {
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
}

// One lazily created instance shared by the whole app: the 34 MB wasm is fetched on first use
// only, and concurrent first callers all await the same promise.
let loading: Promise<Handle> | null = null;

/** When the instance started and became ready (performance.now(), for the load report). */
export const duckdbStartup = { startedAt: NaN, readyAt: NaN };

async function start(): Promise<Handle> {
  duckdbStartup.startedAt = performance.now();
  // No extension may ever be fetched from DuckDB's CDN: a missing one must fail loudly instead.
  const handle = await startDuckDB(SAFE_SETUP_SQL);
  duckdbStartup.readyAt = performance.now();
  return handle;
}

/** A new DuckDB-wasm instance on its own worker, from the site's own bundles, after `setup`. */
export async function startDuckDB(setup: readonly string[]): Promise<Handle> {
  const duckdb = await import('@duckdb/duckdb-wasm');
  const { localBundles } = await import('./bundles.ts');
  const bundle = await duckdb.selectBundle(localBundles());
  const worker = new Worker(bundle.mainWorker!, { type: 'classic' });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  for (const sql of setup) await conn.query(sql);
  return { db, conn };
}

function handle(): Promise<Handle> {
  loading ??= start().catch((err: unknown) => {
    loading = null; // let a later call retry
    throw err;
  });
  return loading;
}

/** The DuckDB-wasm connector. Nothing is started until the first call. */
export const duckdbConnector: Connector = {
  async query(sql) {
    const { conn } = await handle();
    // The bundle has one apache-arrow (vite.config.ts `resolve.dedupe`); only the type
    // declarations still see duckdb-wasm's nested copy, hence the cast.
    return (await conn.query(sql)) as unknown as Table;
  },
  async queryIPC(sql) {
    const { conn } = await handle();
    return conn.useUnsafe((db, id) => db.runQuery(id, sql));
  },
  async registerFileBuffer(name, bytes) {
    const { db } = await handle();
    await db.registerFileBuffer(name, bytes);
  },
  async dropFile(name) {
    const { db } = await handle();
    await db.dropFile(name);
  },
  async insertArrowFromIPCStream(table, bytes) {
    const { conn } = await handle();
    await conn.insertArrowFromIPCStream(bytes, { name: table, create: true });
  },
};

/** Starts DuckDB ahead of need (e.g. right after the first paint). */
export function warmUpDuckDB(): void {
  void handle().catch(() => {});
}
