import type { Prepared, ScoreResult, Toggles } from '../../engine/index.ts';

/** One scenario scored on a population: what comparisons need from each side. */
export interface Scored {
  prepared: Prepared;
  weights: Float64Array;
  toggles: Toggles;
  result: ScoreResult;
}
