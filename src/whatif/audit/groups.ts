import { NO_STAGE } from '../../engine/stages.ts';

/**
 * The audit's groups: one per stage (index = stage index) and the whole population last
 * (index = `stages`, reported as `all`). A row of stage s counts in group s and in `all`; a row
 * without a stage (NO_STAGE) counts nowhere, since it has no stage weights and no stage peers.
 */
export interface Groups {
  stages: number;
  /** stages + 1. */
  count: number;
  /** Rows per group. */
  rows: Float64Array;
  /**
   * Rows per group that are not vetoed: the population of the score-based statistics (effective
   * weights, r²). A vetoed row scores 0 whatever its indicators say, so including it would make
   * the veto rule, not the weights, drive the score's variance.
   */
  scored: Float64Array;
}

export const ALL_GROUP_ID = 'all';

export function countGroups(stage: Uint8Array, vetoed: Uint8Array, stages: number): Groups {
  if (stages < 1 || stages >= NO_STAGE) throw new Error(`the audit needs 1 to ${NO_STAGE - 1} stages, got ${stages}`);
  const rows = new Float64Array(stages + 1);
  const scored = new Float64Array(stages + 1);
  for (let r = 0; r < stage.length; r++) {
    const st = stage[r];
    if (st >= stages) continue;
    rows[st]++;
    if (!vetoed[r]) scored[st]++;
  }
  for (let g = 0; g < stages; g++) {
    rows[stages] += rows[g];
    scored[stages] += scored[g];
  }
  return { stages, count: stages + 1, rows, scored };
}
