import { wrap, type Remote } from 'comlink';
import type { ImportApi } from '../import/protocol.ts';

/** The import worker (one per import: cancelling terminates it and starts a fresh one). */
export function startImportWorker(): { api: Remote<ImportApi>; worker: Worker } {
  const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  return { api: wrap<ImportApi>(worker), worker };
}
