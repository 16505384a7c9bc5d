import { wrap, type Remote } from 'comlink';
import type { ImportApi } from '../protocol/import.ts';
import type { ScoringApi } from '../protocol/scoring.ts';

/**
 * The app's workers. Vite bundles each `new Worker(new URL(…, import.meta.url))` as a separate
 * same-origin ES-module chunk with a relative URL, so they work under any base path.
 */
export function startScoringWorker(): { api: Remote<ScoringApi>; worker: Worker } {
  const worker = new Worker(new URL('../../workers/scoring.worker.ts', import.meta.url), { type: 'module', name: 'scoring' });
  return { api: wrap<ScoringApi>(worker), worker };
}

/** The import worker (one per import: cancelling terminates it and starts a fresh one). */
export function startImportWorker(): { api: Remote<ImportApi>; worker: Worker } {
  const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  return { api: wrap<ImportApi>(worker), worker };
}
