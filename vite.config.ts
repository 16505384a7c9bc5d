import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// A static site: `base: './'` makes every asset, worker and wasm URL relative to the page, so
// `dist/` works under any path on a plain static host (no special headers, no other origin).
export default defineConfig({
  base: './',
  plugins: [svelte()],
  // duckdb-wasm declares apache-arrow ^17 (npm nests a copy); two Arrow copies break Arrow's
  // instanceof/type checks, so every import resolves to the project's single apache-arrow.
  resolve: { dedupe: ['apache-arrow'] },
  // DuckDB-wasm ships its own workers and wasm files that we import with `?url`; pre-bundling it
  // breaks those URLs in the dev server.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The DuckDB wasm files are large by nature; they are fetched lazily, never inlined.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  server: { fs: { strict: true } },
});
