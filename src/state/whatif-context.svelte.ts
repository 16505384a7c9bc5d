import type { Label } from '../engine/index.ts';
import { getContext, setContext } from 'svelte';
import type { Remote } from 'comlink';
import type { ScoringApi } from '../protocol/scoring.ts';
import type { Nav } from './nav.svelte.ts';
import { ScenarioLibrary } from './scenarios.svelte.ts';
import { ShareLinks } from './whatif-link.svelte.ts';
import { ListsState } from './whatif-lists.svelte.ts';
import { ReferenceState } from './whatif-reference.svelte.ts';
import { YoyState } from './whatif-yoy.svelte.ts';
import type { PreviousYearSource } from './previous-year.ts';
import { AuditState } from './whatif-audit.svelte.ts';
import { MonteCarloState } from './whatif-mc.svelte.ts';
import { SobolState } from './whatif-sobol.svelte.ts';
import { Presenter } from './whatif-present.svelte.ts';
import { WhatifState } from './whatif.svelte.ts';
import type { SegmentState } from './segment.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';

/** The state of the 情景分析 section, its links and presenter mode, created once by App.svelte. */
export interface WhatifApp {
  library: ScenarioLibrary;
  whatif: WhatifState;
  mc: MonteCarloState;
  sobol: SobolState;
  lists: ListsState;
  reference: ReferenceState;
  yoy: YoyState;
  audit: AuditState;
  links: ShareLinks;
  presenter: Presenter;
  dispose(): void;
}

export function createWhatif(
  workbench: Workbench,
  nav: Nav,
  openFile: (file: Blob, name: string) => Promise<Label | null>,
  segment: SegmentState | null,
  previousYear: PreviousYearSource,
): WhatifApp {
  const scoring: Remote<ScoringApi> = workbench.scoring;
  const library = new ScenarioLibrary();
  const whatif = new WhatifState(workbench, library, scoring, segment);
  const mc = new MonteCarloState(scoring);
  const sobol = new SobolState(scoring, mc);
  const lists = new ListsState(scoring);
  const reference = new ReferenceState(scoring);
  const yoy = new YoyState(scoring, previousYear, segment);
  const audit = new AuditState(scoring);
  // A link restores the Monte Carlo form too (and, once App sets `links.profile`, the open enterprise).
  const links = new ShareLinks(workbench, nav, whatif, openFile, undefined, mc);
  const presenter = new Presenter(workbench, library);
  return {
    library,
    whatif,
    mc,
    sobol,
    lists,
    reference,
    yoy,
    audit,
    links,
    presenter,
    dispose: () => {
      sobol.dispose();
      mc.dispose();
      links.stop();
    },
  };
}

const KEY = Symbol('whatif-state');

export function provideWhatif(state: WhatifApp): void {
  setContext(KEY, state);
}

export function useWhatif(): WhatifApp {
  const s = getContext<WhatifApp | undefined>(KEY);
  if (!s) throw new Error('useWhatif() outside <App>');
  return s;
}
