/**
 * Weight stability intervals (权重稳定区间): for one enterprise and one list rule, for each weight of
 * the enterprise's stage, the exact set of values of that weight — the stage's other weights
 * rescaled in proportion so the stage keeps summing to 1, exactly as the 权重 view's "keep the sum"
 * mode does (`setWeight` in src/state/scenario-edit.ts) — for which the enterprise is on the list.
 *
 * Why exact: with weight i set to t and the others scaled by (1 − t)/O (O = Σ_{j≠i} w_j), every
 * score of that stage is linear in t, `score_r(t) = bonus_r + scale · (R_r + t · (s_ri − R_r))` with
 * `R_r = (A_r − w_i s_ri)/O` (A_r the current weighted sum); rows of other stages and vetoed rows do
 * not move. A competitor beats the enterprise on a half-line of t bounded by one crossing point, so
 * the enterprise's rank is a step function of t with steps at the crossings. Sorting the crossings
 * that fall inside [0, 1] and sweeping them gives the on-list set, no sampling.
 *
 * Ties: a competitor with an equal score does not outrank (competition ranks), so the on-list set
 * is a union of closed intervals. At a crossing point both sides' floating-point sums may differ in
 * the last bits from the engine's, so membership exactly at an end point is not guaranteed.
 */
import type { Prepared, ScoreResult } from '../engine/index.ts';
import { percentCutoff, type ListGroups } from './lists/list-evaluator.ts';
import { bandCutPoints, checkListRule, type ListRule } from './lists/list-rule.ts';

export interface StabilityQuery {
  prepared: Pick<Prepared, 'n' | 'k' | 's' | 'stage'> & { system: { baseScale: number } };
  /** The effective weights of the current scoring run, stage-major `w[stage · k + i]`. */
  weights: ArrayLike<number>;
  /** The current run's bonus points and vetoes (they do not depend on weights). */
  result: Pick<ScoreResult, 'bonus' | 'vetoed'>;
  row: number;
  rule: ListRule;
  groups?: ListGroups;
}

export interface WeightStability {
  /** Indicator index in system order. */
  indicator: number;
  /** The weight now. */
  weight: number;
  /** Whether the enterprise is on the list at the current weights. */
  onList: boolean;
  /** The values of the weight in [0, 1] for which it is on the list, as closed intervals in order. */
  intervals: [number, number][];
  /** The interval holding the current weight, or null when it is off the list. */
  current: [number, number] | null;
  /** Off the list: the value nearest the current weight at which it enters (null: never). */
  enterAt: number | null;
}

export interface StabilityResult {
  row: number;
  stage: number;
  /** The row has no life-cycle stage (no registration date), so no stage weights apply to it. */
  noStage: boolean;
  vetoed: boolean;
  /** Rank cut-off within the scope group (Infinity for a threshold rule). */
  cutoff: number;
  weights: WeightStability[];
}

/** Rows competing with `row` for its place: the members of its scope group, and the group's rank cut-off. */
interface Scope {
  member: (r: number) => boolean;
  cutoff: number;
}

function scopeOf(q: Omit<StabilityQuery, 'row'>, row: number, outerPercent: number | null, memo: Map<number, Scope>): Scope {
  const { prepared: p, rule, groups } = q;
  const scope = rule.scope ?? 'overall';
  const codes = scope === 'stage' ? p.stage : scope === 'city' ? groups?.city?.codes : scope === 'tech-field' ? groups?.techField?.codes : null;
  if (scope !== 'overall' && !codes) throw new Error(`list rule: the "${scope}" scope needs its group column`);
  const mine = codes ? codes[row] : 0;
  const known = memo.get(mine);
  if (known) return known;
  const member = codes ? (r: number) => codes[r] === mine : () => true;
  let size = 0;
  for (let r = 0; r < p.n; r++) if (member(r)) size++;
  const cutoff = rule.kind === 'top-n' ? rule.n : outerPercent !== null ? percentCutoff(outerPercent, size) : Infinity;
  const out = { member, cutoff };
  memo.set(mine, out);
  return out;
}

/** Merges adjacent closed intervals that touch. */
function pushInterval(out: [number, number][], lo: number, hi: number): void {
  const last = out[out.length - 1];
  if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
  else out.push([lo, hi]);
}

/**
 * What does not depend on which weight varies, for the rows of stage g: the current weighted sums
 * `A_r` of the stage's rows and the fixed scores of every other row.
 */
interface StageBase {
  g: number;
  off: number;
  A: Float64Array;
  fixed: Float64Array;
  moves: Uint8Array;
}

function stageBase(q: Omit<StabilityQuery, 'row'>, g: number): StageBase {
  const { prepared: p, weights, result } = q;
  const { n, k, s, stage } = p;
  const off = g * k;
  const scale = p.system.baseScale;
  const A = new Float64Array(n);
  const fixed = new Float64Array(n);
  const moves = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    if (result.vetoed[r]) continue; // score 0 whatever the weights
    if (stage[r] !== g) {
      let a = 0;
      const wo = stage[r] * k;
      if (wo + k <= weights.length) for (let i = 0; i < k; i++) a += scale * weights[wo + i] * s[r * k + i];
      fixed[r] = a + result.bonus[r];
      continue;
    }
    let a = 0;
    for (let i = 0; i < k; i++) a += weights[off + i] * s[r * k + i];
    A[r] = a;
    moves[r] = 1;
  }
  return { g, off, A, fixed, moves };
}

/** `score_r(t) = C[r] + D[r] · t` for every row when weight i of the base's stage is set to t. */
function scoreLines(q: Omit<StabilityQuery, 'row'>, base: StageBase, i: number, C: Float64Array, D: Float64Array): void {
  const { prepared: p, weights, result } = q;
  const { n, k, s } = p;
  const scale = p.system.baseScale;
  const { off, A, fixed, moves } = base;
  const w = weights[off + i];
  let others = 0;
  for (let j = 0; j < k; j++) if (j !== i) others += weights[off + j];
  for (let r = 0; r < n; r++) {
    if (!moves[r]) {
      C[r] = result.vetoed[r] ? 0 : fixed[r];
      D[r] = 0;
      continue;
    }
    const si = s[r * k + i];
    let rest: number;
    if (others > 0) rest = (A[r] - w * si) / others;
    else {
      // setWeight spreads 1 − t equally when every other weight is 0.
      let sum = 0;
      for (let j = 0; j < k; j++) if (j !== i) sum += s[r * k + j];
      rest = k > 1 ? sum / (k - 1) : 0;
    }
    C[r] = result.bonus[r] + scale * rest;
    D[r] = scale * (k > 1 ? si - rest : si);
  }
}

/** Scratch for the crossing points of one sweep (n entries each) and their bins (BUCKETS each). */
interface Sweep {
  up: Float64Array;
  down: Float64Array;
  hu: Int32Array;
  hd: Int32Array;
  start: Int32Array;
}

/** Bins of [0, 1] the crossings are counted into before only the bins that matter are sorted. */
const BUCKETS = 4096;
const bucketOf = (t: number) => Math.min(BUCKETS - 1, Math.floor(t * BUCKETS));

/** The values t ∈ [0, 1] at which `row` is on the list, given every row's score line. */
function onListIntervals(rule: ListRule, C: Float64Array, D: Float64Array, row: number, scope: Scope, n: number, sw: Sweep): [number, number][] {
  const intervals: [number, number][] = [];
  const ce = C[row];
  const de = D[row];
  if (rule.kind === 'threshold') {
    // c + d·t ≥ minScore on [0, 1]
    const m = rule.minScore;
    if (de === 0) {
      if (ce >= m) intervals.push([0, 1]);
    } else {
      const tau = (m - ce) / de;
      if (de > 0 && tau <= 1) intervals.push([Math.max(0, tau), 1]);
      if (de < 0 && tau >= 0) intervals.push([0, Math.min(1, tau)]);
    }
    return intervals;
  }
  const { member, cutoff } = scope;
  const { up, down } = sw; // crossings after which a competitor beats the enterprise / before which it does
  let always = 0;
  let nu = 0;
  let nd = 0;
  for (let r = 0; r < n; r++) {
    if (r === row || !member(r)) continue;
    const alpha = C[r] - ce;
    const beta = D[r] - de;
    if (beta === 0) {
      if (alpha > 0) always++;
      continue;
    }
    const tau = -alpha / beta;
    if (beta > 0) {
      // beats for t > tau
      if (tau < 0) always++;
      else if (tau < 1) up[nu++] = tau;
    } else if (tau > 1) always++;
    else if (tau > 0) down[nd++] = tau; // beats for t < tau
  }
  // Sorting every crossing cost half the time (~50,000 per weight at 100,000 rows), yet only the
  // stretches of t where the enterprise can be on the list matter. So the crossings are counted into
  // BUCKETS equal bins of [0, 1] first; the count of competitors beating it at the start of bin b,
  // `start[b]`, follows exactly, and a bin where even every `down` crossing leaves it at or above
  // the cut-off (start[b] − downs[b] ≥ cutoff) holds no on-list point and no interval end: its
  // crossings are dropped. The rest are sorted and swept as before, with the count reset to
  // start[b] on entering each kept bin (the dropped bins' crossings would have brought it there).
  const { hu, hd, start } = sw;
  hu.fill(0);
  hd.fill(0);
  for (let j = 0; j < nu; j++) hu[bucketOf(up[j])]++;
  for (let j = 0; j < nd; j++) hd[bucketOf(down[j])]++;
  let c = always + nd;
  for (let bk = 0; bk < BUCKETS; bk++) {
    start[bk] = c;
    c += hu[bk] - hd[bk];
  }
  const keep = (t: number) => {
    const bk = bucketOf(t);
    return start[bk] - hd[bk] < cutoff;
  };
  let ku = 0;
  for (let j = 0; j < nu; j++) if (keep(up[j])) up[ku++] = up[j];
  let kd = 0;
  for (let j = 0; j < nd; j++) if (keep(down[j])) down[kd++] = down[j];
  const ups = up.subarray(0, ku).sort();
  const downs = down.subarray(0, kd).sort();
  // On [0, first breakpoint): every `down` competitor beats it, no `up` one does.
  let count = always + nd;
  let a = 0;
  let b = 0;
  let onSince = count < cutoff ? 0 : NaN;
  let bin = 0;
  while (a < ku || b < kd) {
    const t = b >= kd || (a < ku && ups[a] <= downs[b]) ? ups[a] : downs[b];
    const tb = bucketOf(t);
    if (tb !== bin) {
      bin = tb;
      count = start[bin];
    }
    // Exactly at t, neither the competitors crossing here beat it (a tie does not outrank).
    let atT = count;
    while (b < kd && downs[b] === t) {
      b++;
      atT--;
    }
    const passing = atT; // `down` ones that stop beating at t are already out at t
    let after = passing;
    while (a < ku && ups[a] === t) {
      a++;
      after++;
    }
    // The segment before t had `count`; the point t has `passing`; the one after, `after`.
    if (Number.isNaN(onSince) && passing < cutoff) onSince = t;
    if (!Number.isNaN(onSince) && !(after < cutoff)) {
      pushInterval(intervals, onSince, t);
      onSince = NaN;
    }
    count = after;
  }
  if (!Number.isNaN(onSince)) pushInterval(intervals, onSince, 1);
  return intervals;
}

function describeWeight(i: number, w: number, intervals: [number, number][]): WeightStability {
  const current = intervals.find(([lo, hi]) => w >= lo && w <= hi) ?? null;
  let enterAt: number | null = null;
  if (!current)
    for (const [lo, hi] of intervals) {
      const t = hi < w ? hi : lo;
      if (enterAt === null || Math.abs(t - w) < Math.abs(enterAt - w)) enterAt = t;
    }
  return { indicator: i, weight: w, onList: current !== null, intervals, current, enterAt };
}

/**
 * The stability of every weight of `row`'s stage under `rule` (top-n, top-percent, bands — on any
 * band — or threshold). O(n · k) for the weighted sums plus, per weight, O(n) and a sort of the
 * crossing points that fall in (0, 1).
 */
export function weightStability(q: StabilityQuery): StabilityResult {
  return stabilityOfRows({ ...q, rows: [q.row] })[0];
}

/**
 * `weightStability` for several rows at once (the borderline table): the score lines of a stage's
 * weight are computed once and swept for every row of that stage, so m rows cost one O(n · k) pass
 * per stage plus m sweeps per weight instead of m full computations. Results in the order of `rows`.
 */
export function stabilityOfRows(q: Omit<StabilityQuery, 'row'> & { rows: readonly number[] }): StabilityResult[] {
  const { prepared: p, weights, result, rule, rows } = q;
  checkListRule(rule);
  const { n, k, stage } = p;
  for (const row of rows) if (!(Number.isInteger(row) && row >= 0 && row < n)) throw new Error(`row ${row} is outside 0..${n - 1}`);
  const outerPercent = rule.kind === 'top-percent' ? rule.percent : rule.kind === 'bands' ? bandCutPoints(rule)[rule.bands.length - 1] : null;
  const memo = new Map<number, Scope>();
  const out: StabilityResult[] = new Array(rows.length);
  const byStage = new Map<number, number[]>();
  rows.forEach((row, j) => {
    const g = stage[row];
    const vetoed = result.vetoed[row] === 1;
    const { cutoff } = scopeOf(q, row, outerPercent, memo);
    // An answer, not an error: the screen says why there is nothing to vary, in the reader's language.
    if (g * k + k > weights.length) out[j] = { row, stage: g, noStage: true, vetoed, cutoff, weights: [] };
    else {
      out[j] = { row, stage: g, noStage: false, vetoed, cutoff, weights: [] };
      byStage.set(g, [...(byStage.get(g) ?? []), j]);
    }
  });
  const C = new Float64Array(n);
  const D = new Float64Array(n);
  const sw: Sweep = { up: new Float64Array(n), down: new Float64Array(n), hu: new Int32Array(BUCKETS), hd: new Int32Array(BUCKETS), start: new Int32Array(BUCKETS) };
  for (const [g, js] of byStage) {
    const base = stageBase(q, g);
    for (let i = 0; i < k; i++) {
      const w = weights[base.off + i];
      scoreLines(q, base, i, C, D);
      for (const j of js) {
        const res = out[j];
        const intervals = res.vetoed ? [] : onListIntervals(rule, C, D, res.row, scopeOf(q, res.row, outerPercent, memo), n, sw);
        res.weights.push(describeWeight(i, w, intervals));
      }
    }
  }
  return out;
}
