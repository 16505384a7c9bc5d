import { rescore, type Prepared, type ScoreResult, type Toggles } from '../../engine/index.ts';
import { ListEvaluator, type ListGroups } from '../lists/list-evaluator.ts';
import type { ListRule } from '../lists/list-rule.ts';
import { shiftWeight } from './weight-shift.ts';

export interface ShiftEffect {
  /** Mean over rows of |rank after the shift − scenario rank|. */
  meanAbsRankChange: number;
  /** Largest |rank change| of any row. */
  maxAbsRankChange: number;
  /** Rows that join / leave the list (0 without a list rule). */
  entries: number;
  exits: number;
}

export interface SensitivityRow {
  indicator: string;
  /** Stage id, or 'all' when every stage's weight moved together. */
  stage: string;
  /** False when the weight could not move (zero, or the only weight of its stage). */
  shifted: boolean;
  up: ShiftEffect;
  down: ShiftEffect;
}

export interface SensitivityOptions {
  /** Relative shift x: each weight goes to w·(1 ± x); default 0.2. */
  shift?: number;
  /** 'each': one row per indicator and stage; 'all': one per indicator, all stages shifted at once. */
  stages?: 'each' | 'all';
  list?: ListRule;
  groups?: ListGroups;
  /** Called after each indicator×stage with (done, total); return true to stop early. */
  onProgress?: (done: number, total: number) => boolean | void;
}

/**
 * One-at-a-time weight sensitivity (the tornado chart): for each weighted indicator (and stage,
 * or all stages together), re-score with its weight at w·(1 + x) and at w·(1 − x), the others of
 * its stage rescaled to keep the sum (shiftWeight), and compare with the scenario's ranking. Rows
 * come sorted by the larger of the two mean absolute rank changes (largest first).
 * Cost: 2 re-scores per row of the table (each ~10 ms at 100,000 rows), all reusing one result
 * buffer; the loop allocates nothing per data row.
 */
export function oneAtATime(p: Prepared, weights: Float64Array, toggles: Toggles, opts: SensitivityOptions = {}): SensitivityRow[] {
  const { n, k } = p;
  const stages = p.system.stages.length;
  const x = opts.shift ?? 0.2;
  if (!(x >= 0 && x <= 10)) throw new Error(`sensitivity: shift must be in 0..10 (relative), got ${x}`);
  const base = rescore(p, weights, toggles);
  const rank0 = base.rank.slice();
  const list = opts.list ? new ListEvaluator(opts.list, n, p.stage, opts.groups) : null;
  const band0 = new Uint8Array(list ? n : 0);
  if (list) list.evaluate(base, band0);
  const band = new Uint8Array(list ? n : 0);
  const w = new Float64Array(weights.length);
  let scratch: ScoreResult | undefined;

  const effect = (delta: number, stageList: number[], i: number): { moved: boolean; e: ShiftEffect } => {
    w.set(weights);
    let moved = false;
    for (const s of stageList) moved = shiftWeight(weights, s * k, k, i, delta, w) || moved;
    if (!moved) return { moved, e: { meanAbsRankChange: 0, maxAbsRankChange: 0, entries: 0, exits: 0 } };
    scratch = rescore(p, w, toggles, scratch);
    let sum = 0;
    let max = 0;
    for (let r = 0; r < n; r++) {
      const d = Math.abs(scratch.rank[r] - rank0[r]);
      sum += d;
      if (d > max) max = d;
    }
    let entries = 0;
    let exits = 0;
    if (list) {
      list.evaluate(scratch, band);
      for (let r = 0; r < n; r++) {
        if (band[r] && !band0[r]) entries++;
        else if (!band[r] && band0[r]) exits++;
      }
    }
    return { moved, e: { meanAbsRankChange: n ? sum / n : 0, maxAbsRankChange: max, entries, exits } };
  };

  const jobs: { i: number; stageList: number[]; stage: string }[] = [];
  p.system.indicators.forEach((_, i) => {
    if (opts.stages === 'all') jobs.push({ i, stageList: [...Array(stages).keys()], stage: 'all' });
    else p.system.stages.forEach((st, s) => jobs.push({ i, stageList: [s], stage: st.id }));
  });
  const rows: SensitivityRow[] = [];
  for (let j = 0; j < jobs.length; j++) {
    const { i, stageList, stage } = jobs[j];
    const up = effect(x, stageList, i);
    const down = effect(-x, stageList, i);
    rows.push({ indicator: p.system.indicators[i].id, stage, shifted: up.moved || down.moved, up: up.e, down: down.e });
    if (opts.onProgress?.(j + 1, jobs.length) === true) break;
  }
  return rows.sort((a, b) => Math.max(b.up.meanAbsRankChange, b.down.meanAbsRankChange) - Math.max(a.up.meanAbsRankChange, a.down.meanAbsRankChange));
}
