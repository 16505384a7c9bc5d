/**
 * The borderline enterprises of a list (边缘企业): the m listed enterprises closest to their group's
 * cut line and the m unlisted ones closest to it, each with its weight stability intervals
 * (stability.ts), summarised as "the weight whose change removes it soonest" / "the weight whose
 * change brings it in soonest". These are the enterprises whose place a weight decision actually
 * settles, so they are the ones a list's authors are asked about.
 *
 * Cut line of a group: for a threshold rule its minimum score; otherwise the lowest score that made
 * the list in the row's scope group (a group that lists nobody has no cut line, and its rows are not
 * borderline). Margin = score − cut line, ≥ 0 on the list and < 0 off it (a tie with the cut line
 * is on it). Vetoed rows and rows without a stage cannot move with the weights and are left out.
 */
import type { Prepared, ScoreResult } from '../engine/index.ts';
import { ListEvaluator, type ListGroups } from './lists/list-evaluator.ts';
import type { ListRule } from './lists/list-rule.ts';
import { stabilityOfRows, type StabilityResult } from './stability.ts';

export interface BorderlineSummary {
  /** On the list: the weight whose smallest change (in either direction) removes the row. */
  tightest: { indicator: number; weight: number; interval: [number, number]; distance: number } | null;
  /** Off the list: the weight whose smallest change brings the row onto it. */
  nearestEntry: { indicator: number; weight: number; enterAt: number; distance: number } | null;
  /** Weights whose change alone (within 0–100 %) can move the row on or off the list. */
  decisive: number;
}

export interface BorderlineEntry extends BorderlineSummary {
  row: number;
  rank: number;
  scopeRank: number;
  score: number;
  onList: boolean;
  /** Score − the scope group's cut line. */
  margin: number;
  stability: StabilityResult;
}

/** Keeps the `m` best items under `better` (a small sorted buffer: m is tens, n is up to millions). */
function keepBest(m: number, better: (a: number, b: number) => boolean): { offer: (r: number) => void; rows: () => number[] } {
  const kept: number[] = [];
  return {
    offer(r) {
      if (kept.length === m && !better(r, kept[m - 1])) return;
      let j = kept.length === m ? m - 1 : kept.length;
      while (j > 0 && better(r, kept[j - 1])) {
        kept[j] = kept[j - 1];
        j--;
      }
      kept[j] = r;
    },
    rows: () => kept.slice(),
  };
}

/** The weights' summary of one row's stability result (see BorderlineSummary). */
export function summarizeStability(st: StabilityResult): BorderlineSummary {
  let tightest: BorderlineSummary['tightest'] = null;
  let nearestEntry: BorderlineSummary['nearestEntry'] = null;
  let decisive = 0;
  for (const w of st.weights) {
    if (w.current) {
      const [lo, hi] = w.current;
      // An interval end at 0 or 1 is the end of the weight's range, not a point where the row leaves.
      const distance = Math.min(lo > 0 ? w.weight - lo : Infinity, hi < 1 ? hi - w.weight : Infinity);
      if (distance === Infinity) continue;
      decisive++;
      if (!tightest || distance < tightest.distance) tightest = { indicator: w.indicator, weight: w.weight, interval: [lo, hi], distance };
    } else if (w.enterAt !== null) {
      decisive++;
      const distance = Math.abs(w.enterAt - w.weight);
      if (!nearestEntry || distance < nearestEntry.distance) nearestEntry = { indicator: w.indicator, weight: w.weight, enterAt: w.enterAt, distance };
    }
  }
  return { tightest, nearestEntry, decisive };
}

export interface BorderlineQuery {
  prepared: Prepared;
  weights: ArrayLike<number>;
  result: ScoreResult;
  rule: ListRule;
  groups?: ListGroups;
  /** How many listed and how many unlisted rows (each). */
  count: number;
}

/**
 * The borderline rows of a list with their stability: listed ones by margin ascending, then
 * unlisted ones by margin descending (closest to the line first).
 */
export function borderline(q: BorderlineQuery): BorderlineEntry[] {
  const { prepared: p, result, rule, groups } = q;
  const n = p.n;
  const stages = p.system.stages.length;
  if (!(Number.isInteger(q.count) && q.count >= 1 && q.count <= 200)) throw new Error(`borderline: count must be a whole number in 1..200, got ${q.count}`);
  const ev = new ListEvaluator(rule, n, p.stage, groups);
  const band = new Uint8Array(n);
  ev.evaluate(result, band);
  const scopeRank = Int32Array.from(ev.scopeRanks(result));
  const scope = rule.scope ?? 'overall';
  const codes = scope === 'stage' ? p.stage : scope === 'city' ? groups?.city?.codes : scope === 'tech-field' ? groups?.techField?.codes : null;
  const groupOf = (r: number) => (codes ? codes[r] : 0);
  // Cut line per group code (codes are small integers: stage index or dictionary code).
  const cut = new Map<number, number>();
  if (rule.kind === 'threshold') cut.set(-1, rule.minScore);
  else
    for (let r = 0; r < n; r++) {
      if (!band[r]) continue;
      const g = groupOf(r);
      const c = cut.get(g);
      if (c === undefined || result.score[r] < c) cut.set(g, result.score[r]);
    }
  const cutOf = (r: number) => (rule.kind === 'threshold' ? rule.minScore : cut.get(groupOf(r)));
  const margin = new Float64Array(n).fill(NaN);
  for (let r = 0; r < n; r++) {
    if (result.vetoed[r] || p.stage[r] >= stages) continue;
    const c = cutOf(r);
    if (c !== undefined) margin[r] = result.score[r] - c;
  }
  const tie = (a: number, b: number) => result.rank[a] - result.rank[b] || a - b;
  const on = keepBest(q.count, (a, b) => margin[a] < margin[b] || (margin[a] === margin[b] && tie(a, b) < 0));
  const off = keepBest(q.count, (a, b) => margin[a] > margin[b] || (margin[a] === margin[b] && tie(a, b) < 0));
  for (let r = 0; r < n; r++) {
    if (Number.isNaN(margin[r])) continue;
    if (band[r]) on.offer(r);
    else off.offer(r);
  }
  const rows = [...on.rows(), ...off.rows()];
  const stab = stabilityOfRows({ prepared: p, weights: q.weights, result, rule, groups, rows });
  return rows.map((r, j) => ({
    row: r,
    rank: result.rank[r],
    scopeRank: scopeRank[r],
    score: result.score[r],
    onList: band[r] > 0,
    margin: margin[r],
    stability: stab[j],
    ...summarizeStability(stab[j]),
  }));
}
