import type { RankedScores } from '../../engine/index.ts';
import { ListEvaluator } from '../lists/list-evaluator.ts';

/**
 * Ranks within a segment (细分范围) for Monte Carlo: a row's competition rank among the segment's
 * rows (overall, or within its stage), 0 for a row outside, which the run then skips as it skips a
 * row without a stage. Scores are the whole population's (normalisation bounds from everyone, as in
 * the ranking); only the ranking is the segment's. The ranking itself is the list evaluator's
 * (one pass over the result's order), so a segment ranks the same in lists and here.
 */
export class SegmentRanks {
  private readonly ranker: ListEvaluator;
  private readonly out: Int32Array;

  constructor(
    private readonly within: ArrayLike<number>,
    n: number,
    stage: Uint8Array,
    scope: 'overall' | 'stage',
  ) {
    if (within.length !== n) throw new Error(`Monte Carlo: the segment has ${within.length} rows, expected ${n}`);
    this.ranker = new ListEvaluator({ kind: 'top-n', n: 1, scope }, n, stage, { within });
    this.out = new Int32Array(n);
  }

  /** The ranks of `res` within the segment (a view, valid until the next call). */
  of(res: RankedScores): Int32Array {
    const rk = this.ranker.scopeRanks(res);
    const { within, out } = this;
    for (let r = 0; r < out.length; r++) out[r] = within[r] ? rk[r] : 0;
    return out;
  }
}
