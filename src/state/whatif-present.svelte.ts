import type { Scenario } from '../engine/index.ts';
import type { ScenarioLibrary } from './scenarios.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';

export interface Slide {
  name: string;
  scenario: Scenario;
}

/**
 * Presenter mode (`?present` or the 演示 button): read-only, large type, stepping with ←/→ through
 * the published baseline and every saved scenario; each step applies its scenario to the workbench
 * (the scenario shown before presenting comes back on exit).
 */
export class Presenter {
  active = $state(false);
  index = $state(0);
  private before: Scenario | null = null;

  constructor(
    private readonly workbench: Workbench,
    private readonly library: ScenarioLibrary,
    search = typeof location === 'undefined' ? '' : location.search,
  ) {
    if (new URLSearchParams(search).has('present')) this.active = true;
  }

  slides(baselineName: string): Slide[] {
    const systemId = this.workbench.scenario.systemId;
    return [{ name: baselineName, scenario: { version: 1, systemId } }, ...this.library.docs.map((d) => ({ name: d.name, scenario: d.scenario }))];
  }

  start(): void {
    this.before = this.workbench.scenario;
    this.active = true;
  }

  stop(): void {
    this.active = false;
    if (this.before) this.workbench.setScenario(this.before);
    this.before = null;
  }

  go(i: number, slides: Slide[]): void {
    if (!slides.length) return;
    this.index = (i + slides.length) % slides.length;
    this.workbench.setScenario(structuredClone(slides[this.index].scenario));
  }
}
