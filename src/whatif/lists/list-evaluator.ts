import type { RankedScores } from '../../engine/index.ts';
import type { FusedListRule } from '../../engine/wasm-kernels.ts';
import { bandCutPoints, checkListRule, type ListRule, type ListScope } from './list-rule.ts';
import { groupRanks, groupSizes, type GroupCodes } from './group-codes.ts';

/** Group dictionaries a scope may need (tech-field / city scopes). */
export interface ListGroups {
  techField?: GroupCodes;
  city?: GroupCodes;
  /**
   * The segment (细分范围) the list is drawn from: 1 for a row in it. Rows outside are never on the
   * list, and ranks, percentages and groups are those within the segment (the top 50 of 成都市's
   * advanced manufacturers, not the province's top 50 that happen to be in 成都市).
   */
  within?: ArrayLike<number>;
}

/** ⌈p/100 · g⌉, with a small tolerance so that 5% of 100 is exactly 5 despite rounding. */
export function percentCutoff(percent: number, size: number): number {
  return Math.max(0, Math.ceil((percent / 100) * size - 1e-9));
}

/**
 * Applies a list rule to one score result, many times over (the Monte Carlo and sensitivity loops):
 * everything that does not depend on the scores (group sizes, rank cut-offs) is computed once here,
 * and `evaluate` allocates nothing. `out[r]` = 1-based band of row r (1 for non-band rules), 0 when
 * the row is not on the list.
 */
export class ListEvaluator {
  readonly scope: ListScope;
  readonly bandCount: number;
  /** Group of each row (an Int32Array whatever the source, so the hot loops see one array type). */
  private readonly codes: Int32Array | null;
  /** Rank cut-off per group and band: `cut[g · bandCount + b]`. */
  private readonly cut: Float64Array;
  private readonly rank: Int32Array;
  private readonly seen: Int32Array;
  private readonly lastScore: Float64Array;
  private readonly lastRank: Int32Array;
  /** The group of the rows outside the segment (-1: no segment). */
  private readonly outside: number;

  constructor(
    readonly rule: ListRule,
    readonly n: number,
    stage: Uint8Array,
    groups: ListGroups = {},
  ) {
    checkListRule(rule);
    this.scope = rule.scope ?? 'overall';
    let codes: ArrayLike<number> | null = null;
    let groupCount = 1;
    if (this.scope === 'stage') {
      codes = stage;
      groupCount = 256;
    } else if (this.scope === 'tech-field' || this.scope === 'city') {
      const g = this.scope === 'city' ? groups.city : groups.techField;
      if (!g) throw new Error(`list rule: scope "${this.scope}" needs the ${this.scope} column, which this data set does not have`);
      if (g.codes.length !== n) throw new Error(`list rule: the ${this.scope} column has ${g.codes.length} rows, expected ${n}`);
      codes = g.codes;
      groupCount = Math.max(1, g.values.length);
    }
    if (groups.within) {
      if (groups.within.length !== n) throw new Error(`list rule: the segment has ${groups.within.length} rows, expected ${n}`);
      // One more group holds the rows outside the segment; its cut-offs stay 0, so none is listed.
      const inner = codes;
      const combined = new Int32Array(n);
      for (let r = 0; r < n; r++) combined[r] = groups.within[r] ? (inner ? inner[r] : 0) : groupCount;
      codes = combined;
      groupCount++;
    }
    this.codes = codes ? Int32Array.from(codes) : null;
    this.outside = groups.within ? groupCount - 1 : -1;
    const sizes = codes ? groupSizes(codes, groupCount) : Int32Array.of(n);
    const cuts: number[] = rule.kind === 'bands' ? bandCutPoints(rule) : rule.kind === 'top-percent' ? [rule.percent] : [NaN];
    this.bandCount = cuts.length;
    this.cut = new Float64Array(groupCount * cuts.length);
    for (let g = 0; g < groupCount; g++) {
      if (g === this.outside) continue;
      cuts.forEach((c, b) => {
        this.cut[g * cuts.length + b] = rule.kind === 'top-n' ? rule.n : rule.kind === 'threshold' ? Infinity : percentCutoff(c, sizes[g]);
      });
    }
    // Ranks within groups are computed here unless the score result already holds them.
    const scratch = this.scope === 'tech-field' || this.scope === 'city' || groups.within ? groupCount : 0;
    this.rank = new Int32Array(scratch ? n : 0);
    this.seen = new Int32Array(scratch);
    this.lastScore = new Float64Array(scratch);
    this.lastRank = new Int32Array(scratch);
  }

  /**
   * This rule as the WebAssembly rank kernel applies it while ranking (WasmKernels.rankMc), or null
   * when it cannot: bands, tech-field or city scopes and segments go through `evaluate`. The kernel
   * computes what `evaluate` computes for the same result (tests/whatif/wasm-paths.test.ts).
   */
  fusedRule(): FusedListRule | null {
    if (this.outside >= 0 || this.bandCount !== 1) return null;
    if (this.rule.kind === 'threshold') return { mode: 3, cut: [], minScore: this.rule.minScore };
    if (this.scope === 'overall') return { mode: 1, cut: new Float64Array(256).fill(this.cut[0]), minScore: 0 };
    if (this.scope === 'stage') return { mode: 2, cut: this.cut.subarray(0, 256), minScore: 0 };
    return null;
  }

  /** Rank of each row within its scope group for this result (a view; valid until the next call). */
  scopeRanks(res: RankedScores): Int32Array {
    if (this.outside < 0 && this.scope === 'overall') return res.rank;
    if (this.outside < 0 && this.scope === 'stage') return res.stageRank;
    groupRanks(res.order, res.score, this.codes!, this.rank, this.seen, this.lastScore, this.lastRank);
    return this.rank;
  }

  /** Fills `out` (n entries) with 1-based bands / 0 and returns how many rows are on the list. */
  evaluate(res: RankedScores, out: Uint8Array): number {
    const { n, bandCount, cut, codes } = this;
    const rule = this.rule;
    let count = 0;
    if (rule.kind === 'threshold') {
      const min = rule.minScore;
      const outside = this.outside;
      for (let r = 0; r < n; r++) {
        const on = !res.vetoed[r] && res.score[r] >= min && (outside < 0 || codes![r] !== outside) ? 1 : 0;
        out[r] = on;
        count += on;
      }
      return count;
    }
    const rank = this.scopeRanks(res);
    const vetoed = res.vetoed;
    if (bandCount === 1) {
      // One band (top-n, top-percent): the hot case of Monte Carlo and Sobol, without the band loop.
      if (codes) {
        for (let r = 0; r < n; r++) {
          const rk = rank[r];
          // Branch-free (about a fifth of the rows are on the list, in no predictable order).
          const on = +(rk > 0) & +(vetoed[r] === 0) & +(rk <= cut[codes[r]]);
          out[r] = on;
          count += on;
        }
      } else {
        const c0 = cut[0];
        for (let r = 0; r < n; r++) {
          const rk = rank[r];
          const on = +(rk > 0) & +(vetoed[r] === 0) & +(rk <= c0);
          out[r] = on;
          count += on;
        }
      }
      return count;
    }
    for (let r = 0; r < n; r++) {
      const rk = rank[r];
      let band = 0;
      if (rk > 0 && !vetoed[r]) {
        const off = codes ? codes[r] * bandCount : 0;
        for (let b = 0; b < bandCount; b++) {
          if (rk <= cut[off + b]) {
            band = b + 1;
            break;
          }
        }
      }
      out[r] = band;
      if (band) count++;
    }
    return count;
  }
}
