import type { Nav } from './nav.svelte.ts';
import type { ProfileState } from './profile.svelte.ts';
import type { StagesState } from './stages.svelte.ts';
import type { WhatifApp } from './whatif-context.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';

export interface RefreshTargets {
  workbench: Workbench;
  nav: Nav;
  profile: ProfileState;
  stages: StagesState;
  whatif: WhatifApp;
}

/**
 * When the panels that depend on the scores fetch again: every rule in one place (components only
 * render). A rule runs while its panel is on screen, and again whenever anything it reads before
 * its first `await` changes (the scores, the scenarios compared, the list rule, the page …), so a
 * slider dragged in 权重 does not re-run the comparisons of a hidden 情景分析 panel. Returns the
 * cleanup.
 */
export function watchPanels({ workbench, nav, profile, stages, whatif: app }: RefreshTargets): () => void {
  const { whatif, lists, audit } = app;
  const scored = () => workbench.report !== null && workbench.scoreVersion > 0;
  const shown = (view: string) => nav.tab === 'whatif' && whatif.view === view && !app.presenter.active;
  return $effect.root(() => {
    $effect(() => {
      if (scored() && nav.tab === 'profile') void profile.refresh();
    });
    $effect(() => {
      if (scored() && nav.tab === 'stages') void stages.ensure(workbench.scoreVersion);
    });
    $effect(() => {
      if (scored() && shown('compare')) void whatif.runCompare();
    });
    $effect(() => {
      if (scored() && shown('sensitivity')) void whatif.runSensitivity();
    });
    $effect(() => {
      if (!(scored() && shown('agreement'))) return;
      void whatif.runAgreement();
      void whatif.runCross();
    });
    $effect(() => {
      if (scored() && shown('lists')) void lists.refresh(workbench.scenario, whatif.listRule, whatif.segmentRef());
    });
    $effect(() => {
      if (scored() && shown('audit')) void audit.refresh(workbench.scenario);
    });
  });
}
