import type { Prepared, ScoreResult } from '../../engine/index.ts';

/**
 * Year on year (年度对比): two data sets of consecutive evaluation years, each scored under the
 * same scenario over its own population (its own normalisation bounds and as-of date), linked by
 * USCC. For every enterprise in both years the score change is split into indicator points:
 *
 *   Δscore = Σ_i Δpoints_i + Δbonus + Δveto,  points_i = baseScale · w[stage][i] · s_i,
 *   veto   = score − base − bonus  (−(base + bonus) when cleared, 0 otherwise),
 *
 * so the parts add up to the change exactly (up to rounding), a stage change included (the row's
 * weights are those of its stage in each year).
 */

/** One year's scored population. */
export interface YearRun {
  /** Normalised codes by row. */
  usccs: readonly string[];
  prepared: Prepared;
  weights: Float64Array;
  result: ScoreResult;
  /** Band (≥ 1) where the row is on the year's list under the list rule, 0 where it is not. */
  listed: Uint8Array;
}

/** The list status of an enterprise between the years (its presence in the data apart). */
export const YOY_STATUSES = ['stayed', 'entered', 'left', 'neither'] as const;
export type YoyStatus = (typeof YOY_STATUSES)[number];

/** The enterprises of both years: those of the current year by row, then those of the previous year only. */
export interface YearLink {
  /** Enterprises in the union. */
  count: number;
  /** Indicators of the system. */
  k: number;
  /** Row in each year, −1 when the enterprise is not among that year's scored rows. */
  cur: Int32Array;
  prev: Int32Array;
  /** Index into YOY_STATUSES. */
  status: Uint8Array;
  /** Score change (NaN unless in both years) and its parts: `delta[e · k + i]` per indicator. */
  dScore: Float64Array;
  delta: Float64Array;
  dBonus: Float64Array;
  dVeto: Float64Array;
}

function pointsInto(out: Float64Array, y: YearRun, row: number): void {
  const { k, s, stage, system } = y.prepared;
  const st = stage[row];
  const scale = system.baseScale;
  for (let i = 0; i < k; i++) out[i] = st < system.stages.length ? scale * y.weights[st * k + i] * s[row * k + i] : 0;
}

const vetoPart = (y: YearRun, row: number) => y.result.score[row] - y.result.base[row] - y.result.bonus[row];

/**
 * Links the years by USCC and decomposes every change (O((n₁ + n₂) · k)). With `within` (a
 * segment evaluated in each year's own data, 1 = in it), only the enterprises in the segment in
 * at least one year are linked — still with both years' rows, so one that left the segment is
 * shown leaving its list.
 */
export function linkYears(current: YearRun, previous: YearRun, within?: { current: Uint8Array; previous: Uint8Array }): YearLink {
  const k = current.prepared.k;
  if (previous.prepared.k !== k || previous.prepared.system.id !== current.prepared.system.id) throw new Error('the two years must be scored with the same indicator system');
  const nCur = current.usccs.length;
  const nPrev = previous.usccs.length;
  const prevRow = new Map<string, number>();
  for (let r = 0; r < nPrev; r++) prevRow.set(previous.usccs[r], r);
  const matched = new Uint8Array(nPrev);
  const curOf: number[] = [];
  const prevOf: number[] = [];
  for (let r = 0; r < nCur; r++) {
    const p = prevRow.get(current.usccs[r]);
    if (p !== undefined) matched[p] = 1;
    if (within && within.current[r] !== 1 && (p === undefined || within.previous[p] !== 1)) continue;
    curOf.push(r);
    prevOf.push(p ?? -1);
  }
  for (let p = 0; p < nPrev; p++) {
    if (matched[p] || (within && within.previous[p] !== 1)) continue;
    curOf.push(-1);
    prevOf.push(p);
  }
  const count = curOf.length;
  const link: YearLink = {
    count,
    k,
    cur: Int32Array.from(curOf),
    prev: Int32Array.from(prevOf),
    status: new Uint8Array(count),
    dScore: new Float64Array(count).fill(NaN),
    delta: new Float64Array(count * k).fill(NaN),
    dBonus: new Float64Array(count).fill(NaN),
    dVeto: new Float64Array(count).fill(NaN),
  };
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  for (let e = 0; e < count; e++) {
    const c = link.cur[e];
    const p = link.prev[e];
    const onNow = c >= 0 && current.listed[c] > 0;
    const onBefore = p >= 0 && previous.listed[p] > 0;
    link.status[e] = onNow && onBefore ? 0 : onNow ? 1 : onBefore ? 2 : 3;
    if (c < 0 || p < 0) continue;
    pointsInto(a, current, c);
    pointsInto(b, previous, p);
    for (let i = 0; i < k; i++) link.delta[e * k + i] = a[i] - b[i];
    link.dBonus[e] = current.result.bonus[c] - previous.result.bonus[p];
    link.dVeto[e] = vetoPart(current, c) - vetoPart(previous, p);
    link.dScore[e] = current.result.score[c] - previous.result.score[p];
  }
  return link;
}

export interface YoySummary {
  /** Enterprises in both years, only in the current year (new in the data), only in the previous one. */
  both: number;
  onlyCurrent: number;
  onlyPrevious: number;
  /** Enterprises in both years whose stage differs. */
  stageChanged: number;
  lists: Record<YoyStatus, number>;
  /** Of those that entered the list, how many were not in last year's data; of those that left, how many are not in this year's. */
  enteredNew: number;
  leftGone: number;
  /** Mean over the enterprises in both years: score change, and its parts (per indicator, bonus, veto). */
  mean: { score: number; indicators: number[]; bonus: number; veto: number };
  /** The same means over the enterprises that left the list while still in the data (why they fell off). */
  leftMean: { count: number; score: number; indicators: number[]; bonus: number; veto: number };
}

/** Counts and mean decompositions of a link. */
export function summarizeLink(link: YearLink, current: YearRun, previous: YearRun): YoySummary {
  const { k } = link;
  const lists: Record<YoyStatus, number> = { stayed: 0, entered: 0, left: 0, neither: 0 };
  let both = 0;
  let onlyCurrent = 0;
  let onlyPrevious = 0;
  let stageChanged = 0;
  let enteredNew = 0;
  let leftGone = 0;
  const sums = { score: 0, indicators: new Float64Array(k), bonus: 0, veto: 0 };
  const left = { count: 0, score: 0, indicators: new Float64Array(k), bonus: 0, veto: 0 };
  for (let e = 0; e < link.count; e++) {
    const c = link.cur[e];
    const p = link.prev[e];
    const status = YOY_STATUSES[link.status[e]];
    lists[status]++;
    if (c < 0) {
      onlyPrevious++;
      if (status === 'left') leftGone++;
      continue;
    }
    if (p < 0) {
      onlyCurrent++;
      if (status === 'entered') enteredNew++;
      continue;
    }
    both++;
    if (current.prepared.stage[c] !== previous.prepared.stage[p]) stageChanged++;
    const add = (acc: typeof sums) => {
      acc.score += link.dScore[e];
      for (let i = 0; i < k; i++) acc.indicators[i] += link.delta[e * k + i];
      acc.bonus += link.dBonus[e];
      acc.veto += link.dVeto[e];
    };
    add(sums);
    if (status === 'left') {
      left.count++;
      add(left);
    }
  }
  const mean = (acc: typeof sums, n: number) => ({
    score: n ? acc.score / n : NaN,
    indicators: Array.from(acc.indicators, (x) => (n ? x / n : NaN)),
    bonus: n ? acc.bonus / n : NaN,
    veto: n ? acc.veto / n : NaN,
  });
  return { both, onlyCurrent, onlyPrevious, stageChanged, lists, enteredNew, leftGone, mean: mean(sums, both), leftMean: { count: left.count, ...mean(left, left.count) } };
}

/**
 * With a segment: of the enterprises in both years' data, how many are in the segment this year
 * only (moved into it: e.g. registered anew in 成都市) and last year only (moved out of it).
 */
export function segmentMoves(link: YearLink, within: { current: Uint8Array; previous: Uint8Array }): { into: number; outOf: number } {
  let into = 0;
  let outOf = 0;
  for (let e = 0; e < link.count; e++) {
    const c = link.cur[e];
    const p = link.prev[e];
    if (c < 0 || p < 0) continue;
    const now = within.current[c] === 1;
    const before = within.previous[p] === 1;
    if (now && !before) into++;
    else if (before && !now) outOf++;
  }
  return { into, outOf };
}

/** One part of a change: an indicator's points, the bonus, or a veto. */
export interface YoyPart {
  kind: 'indicator' | 'bonus' | 'veto';
  /** Indicator id ('' for the bonus and the veto). */
  id: string;
  delta: number;
}

/** The `top` parts of enterprise `e`'s change with the largest |Δ| (a veto that switched first), zero parts left out. */
export function topParts(link: YearLink, indicatorIds: readonly string[], e: number, top = 3): YoyPart[] {
  // Not in both years, or no change (vetoed in both: the veto cancels whatever the points did).
  if (!(Math.abs(link.dScore[e]) > 0)) return [];
  const parts: YoyPart[] = [];
  for (let i = 0; i < link.k; i++) parts.push({ kind: 'indicator', id: indicatorIds[i], delta: link.delta[e * link.k + i] });
  parts.push({ kind: 'bonus', id: '', delta: link.dBonus[e] });
  const sorted = parts.filter((x) => x.delta !== 0).sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
  const veto: YoyPart[] = link.dVeto[e] !== 0 ? [{ kind: 'veto', id: '', delta: link.dVeto[e] }] : [];
  return veto.concat(sorted).slice(0, top);
}

/** A year's `listed` array from its list entries (src/whatif/lists/build-list.ts). */
export function listedRows(entries: readonly { row: number; band: number }[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (const e of entries) out[e.row] = e.band;
  return out;
}
