import type { DuckDBBundles } from '@duckdb/duckdb-wasm';
// Bundled by Vite as same-origin assets (never a CDN): the exception-handling build, and the MVP
// build as the fallback for engines without wasm exceptions. The threaded `coi` build is left out:
// it needs COOP/COEP headers that plain static hosts cannot send.
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

/** Asset URLs resolved against the page, so the site works under any base path. */
export function localBundles(): DuckDBBundles {
  const abs = (u: string) => new URL(u, document.baseURI).href;
  return {
    mvp: { mainModule: abs(mvpWasm), mainWorker: abs(mvpWorker) },
    eh: { mainModule: abs(ehWasm), mainWorker: abs(ehWorker) },
  };
}
