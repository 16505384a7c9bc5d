import { getContext, setContext } from 'svelte';
import type { DatasetsState } from './datasets.svelte.ts';
import type { ImportState } from './import.svelte.ts';

/** The import and dataset state, provided once by App.svelte and read by the 数据 view. */
export interface DataState {
  importer: ImportState;
  datasets: DatasetsState;
}

const KEY = Symbol('data-state');

export function provideData(state: DataState): void {
  setContext(KEY, state);
}

export function useData(): DataState {
  const s = getContext<DataState | undefined>(KEY);
  if (!s) throw new Error('useData() outside <App>');
  return s;
}
