import type { Prepared } from './prepare.ts';
import type { Toggles } from './rescore.ts';
import { signedLog1p } from './normalize/log-minmax.ts';

export interface IndicatorPoints {
  id: string;
  /** Derived raw value (NaN missing, ±∞ possible). */
  raw: number;
  /**
   * The bounds the normalisation used for this indicator (the prepared run's report: type-7
   * quantiles or their min/max fallback; mean ∓ 3·sd for z-score; min/max for percentile rank).
   * For log min–max they are on the log scale `t(x) = sign(x)·ln(1 + |x|)` (see `logScale`).
   */
  lo: number;
  hi: number;
  /** True when lo, hi and `clipped` are on the log scale (log min–max). */
  logScale: boolean;
  /**
   * The value after clipping to [lo, hi] (+∞ → hi, −∞ → lo; on the log scale for log min–max);
   * NaN when the value is missing or the indicator is constant (every s then follows the method's
   * constant rule).
   */
  clipped: number;
  /** Normalised value in [0, 1]. */
  s: number;
  /** The stage weight used. */
  weight: number;
  /** `baseScale · weight · s`; the points add up to `base` exactly. */
  points: number;
}

export interface BonusPoints {
  id: string;
  /** The raw count (NaN missing; booleans 1/0). */
  count: number;
  active: boolean;
  /** Points counted (0 when the item is off). */
  points: number;
}

export interface VetoState {
  id: string;
  hit: boolean;
  active: boolean;
}

export interface Explanation {
  row: number;
  stage: number;
  indicators: IndicatorPoints[];
  base: number;
  bonusItems: BonusPoints[];
  bonus: number;
  vetoes: VetoState[];
  vetoed: boolean;
  score: number;
}

/** scoring.md §4 step 4: `c = min(max(x, lo), hi)`, ±∞ to the bounds, missing stays missing. */
function clip(x: number, lo: number, hi: number): number {
  if (x !== x) return NaN;
  return x < lo ? lo : x > hi ? hi : x;
}

/** The points behind one row's score, computed in the same order as `rescore`. */
export function explain(p: Prepared, weights: Float64Array, toggles: Toggles, row: number): Explanation {
  if (!(row >= 0 && row < p.n)) throw new Error(`row ${row} is outside 0..${p.n - 1}`);
  const { k, s, stage } = p;
  const st = stage[row];
  const scale = p.system.baseScale;
  const indicators: IndicatorPoints[] = [];
  let base = 0;
  p.system.indicators.forEach((ind, i) => {
    const weight = st < p.system.stages.length ? weights[st * k + i] : 0;
    const si = s[row * k + i];
    const points = scale * weight * si;
    base += points;
    const rep = p.report[i];
    const logScale = p.normalization.method === 'log-minmax';
    const raw = p.raw[i][row];
    // lo/hi come from the report the prepare step wrote while normalising, so the table shows the
    // bounds that produced s; only the clip (step 4 of scoring.md §4) is repeated here.
    const clipped = rep.bounds === 'constant' ? NaN : clip(logScale && Number.isFinite(raw) ? signedLog1p(raw) : raw, rep.lo, rep.hi);
    indicators.push({ id: ind.id, raw, lo: rep.lo, hi: rep.hi, logScale, clipped, s: si, weight, points });
  });
  let bonus = 0;
  const bonusItems = p.system.bonus.map((b, j) => {
    const active = !!toggles.bonus[j];
    const points = active ? p.bonusPoints[j][row] : 0;
    if (active) bonus += points;
    return { id: b.id, count: p.bonusCounts[j][row], active, points };
  });
  let vetoed = false;
  const vetoes = p.system.vetoes.map((v, j) => {
    const active = !!toggles.veto[j];
    const hit = p.veto[j][row] === 1;
    if (active && hit) vetoed = true;
    return { id: v.id, hit, active };
  });
  return { row, stage: st, indicators, base, bonusItems, bonus, vetoes, vetoed, score: vetoed ? 0 : base + bonus };
}
