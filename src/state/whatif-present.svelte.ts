import type { Scenario } from '../engine/index.ts';
import { sameScenario } from './scenario-edit.ts';
import type { ScenarioLibrary } from './scenarios.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';

export interface Slide {
  name: string;
  scenario: Scenario;
  /** The baseline, a saved scenario, or the unsaved scenario shown before presenting. */
  kind: 'baseline' | 'saved' | 'unsaved';
}

export interface SlideNames {
  baseline: string;
  /** Title of the scenario that was on screen when presenting started, if it is not saved. */
  unsaved: (activeName: string | null) => string;
}

/**
 * The slides: the published baseline of the system in use, every saved scenario, and — when the
 * scenario on screen before presenting is neither — that scenario last, under its own title. Pure,
 * so the titles can be checked against the scenarios they name.
 */
export function buildSlides(
  systemId: string,
  saved: readonly { name: string; scenario: Scenario }[],
  before: Scenario | null,
  activeName: string | null,
  names: SlideNames,
): Slide[] {
  const baseline: Scenario = { version: 1, systemId };
  const slides: Slide[] = [{ name: names.baseline, scenario: baseline, kind: 'baseline' }, ...saved.map((d) => ({ name: d.name, scenario: d.scenario, kind: 'saved' as const }))];
  if (before && !slides.some((s) => sameScenario(s.scenario, before))) slides.push({ name: names.unsaved(activeName), scenario: before, kind: 'unsaved' });
  return slides;
}

/**
 * Presenter mode (`?present` or the 演示 button): read-only, large type, stepping with ←/→ through
 * the published baseline, every saved scenario and the unsaved one on screen before; each step
 * applies its scenario to the workbench (the scenario shown before presenting comes back on exit).
 * The view keeps the workbench on the current slide's scenario (`ensureShown`), so a title never
 * sits above another scenario's numbers.
 */
export class Presenter {
  active = $state(false);
  index = $state(0);
  private before: Scenario | null = null;
  private beforeName: string | null = null;

  constructor(
    private readonly workbench: Workbench,
    private readonly library: ScenarioLibrary,
    search = typeof location === 'undefined' ? '' : location.search,
  ) {
    if (new URLSearchParams(search).has('present')) this.active = true;
  }

  slides(names: SlideNames): Slide[] {
    const systemId = (this.before ?? this.workbench.scenario).systemId;
    return buildSlides(systemId, this.library.docs, this.before, this.beforeName, names);
  }

  start(): void {
    this.before = this.workbench.scenario;
    this.beforeName = this.library.activeName;
    this.index = 0;
    this.active = true;
    // Slide 1 is the published baseline: show it now, not the scenario that happened to be on screen.
    this.workbench.setScenario({ version: 1, systemId: this.before.systemId });
  }

  stop(): void {
    this.active = false;
    if (this.before) this.workbench.setScenario(this.before);
    this.before = null;
    this.beforeName = null;
  }

  go(i: number, slides: Slide[]): void {
    if (!slides.length) return;
    this.index = (i + slides.length) % slides.length;
    this.workbench.setScenario(structuredClone(slides[this.index].scenario));
  }

  /** Applies the slide's scenario if the workbench is on another one (e.g. opened with `?present`). */
  ensureShown(slide: Slide | undefined): void {
    if (slide && !sameScenario(this.workbench.scenario, slide.scenario)) this.workbench.setScenario(structuredClone(slide.scenario));
  }
}
