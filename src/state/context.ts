import { getContext, setContext } from 'svelte';
import type { CustomSystemsState } from './custom-systems.svelte.ts';
import type { Nav } from './nav.svelte.ts';
import type { ProfileState } from './profile.svelte.ts';
import type { SegmentState } from './segment.svelte.ts';
import type { StagesState } from './stages.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';

/** The app-wide state objects, provided once by App.svelte and read by the views. */
export interface AppState {
  workbench: Workbench;
  nav: Nav;
  profile: ProfileState;
  stages: StagesState;
  segment: SegmentState;
  systems: CustomSystemsState;
}

const KEY = Symbol('app-state');

export function provideApp(state: AppState): void {
  setContext(KEY, state);
}

export function useApp(): AppState {
  const s = getContext<AppState | undefined>(KEY);
  if (!s) throw new Error('useApp() outside <App>');
  return s;
}
