import {
  scenarioToggles,
  assignStages,
  effectiveWeights,
  prepare,
  rescore,
  resolveNormalization,
  resolveStages,
  type IndicatorSystem,
  type Prepared,
  type Scenario,
} from '../src/engine/index.ts';
import { getSystem } from '../src/systems/index.ts';
import type { Scored } from '../src/whatif/compare/index.ts';
import { scenarioAsOf, type Dataset } from './dataset.ts';

export interface ScoredScenario extends Scored {
  system: IndicatorSystem;
}

function sameStages(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Scores arbitrary scenarios (A and B of a comparison, a list's scenario) on the worker's dataset
 * without touching the session's current run. A prepared matrix is reused when one with the same
 * system, normalisation and stage assignment exists (the session's current or baseline run, or
 * one of the two kept here); the last four results are kept by scenario JSON, because the UI asks
 * again for the same A/B with another list rule or filter.
 */
export class WhatifScorer {
  private prepared: Prepared[] = [];
  private results = new Map<string, ScoredScenario>();

  constructor(
    private readonly ds: Dataset,
    private readonly shared: () => Prepared[],
  ) {}

  score(scenario: Scenario): ScoredScenario {
    const key = JSON.stringify(scenario);
    const hit = this.results.get(key);
    if (hit) {
      this.results.delete(key);
      this.results.set(key, hit);
      return hit;
    }
    const system = getSystem(scenario.systemId);
    if (!system) throw new Error(`unknown indicator system "${scenario.systemId}"`);
    const prepared = this.preparedFor(system, scenario);
    const weights = effectiveWeights(system, scenario);
    const toggles = scenarioToggles(system, scenario);
    const out: ScoredScenario = { system, prepared, weights, toggles, result: rescore(prepared, weights, toggles) };
    this.results.set(key, out);
    while (this.results.size > 4) this.results.delete(this.results.keys().next().value!);
    return out;
  }

  preparedFor(system: IndicatorSystem, scenario: Scenario): Prepared {
    const { engine } = this.ds;
    const asOfDays = scenarioAsOf(this.ds, scenario);
    const stage = assignStages(engine.regDays, asOfDays, resolveStages(system, scenario));
    const normalization = resolveNormalization(scenario);
    const nk = JSON.stringify(normalization);
    const found = [...this.shared(), ...this.prepared].find(
      (p) => p.system.id === system.id && JSON.stringify(p.normalization) === nk && sameStages(p.stage, stage),
    );
    if (found) return found;
    const p = prepare({ system, columns: engine.columns, n: engine.n, stage, normalization });
    this.prepared.push(p);
    if (this.prepared.length > 2) this.prepared.shift();
    return p;
  }
}
