import type { ListRule } from '../lists/list-rule.ts';

/**
 * "Who is safely on the list": each enterprise's probability of being on the chosen list over a
 * Monte Carlo run, for every row, with the orders the table offers. Built in the scoring worker
 * from the run's merged counts (partial-stats.ts `listCount`), so the UI receives one page at a
 * time, never an array of every row.
 */
export interface McListSource {
  /** Samples counted (S). */
  samples: number;
  /** Times each row was on the list, over the S samples. */
  listCount: Uint32Array;
  /** The scenario's overall rank per row. */
  rank0: Int32Array;
  median: Float64Array;
  p05: Float64Array;
  p95: Float64Array;
  exact: Uint8Array;
}

export type McSortKey = 'pList' | 'rank0' | 'median' | 'borderline';
export const MC_SORTS: readonly McSortKey[] = ['pList', 'rank0', 'median', 'borderline'];

/** P(on the list) = count / S (NaN before any sample). */
export function listProbability(count: number, samples: number): number {
  return samples > 0 ? count / samples : NaN;
}

/** One row's figures over a run, as the table pages and the exports (browser and CLI) show them. */
export interface McListRow {
  name: string;
  uscc: string;
  stage: number;
  rank0: number;
  /** Times on the list, and count / samples. */
  count: number;
  pList: number;
  median: number;
  p05: number;
  p95: number;
  exact: boolean;
}

/** Row `r` of a run, with its identity (name, USCC, stage) from the dataset. */
export function mcListRow(src: McListSource, r: number, name: string, uscc: string, stage: number): McListRow {
  return {
    name,
    uscc,
    stage,
    rank0: src.rank0[r],
    count: src.listCount[r],
    pList: listProbability(src.listCount[r], src.samples),
    median: src.median[r],
    p05: src.p05[r],
    p95: src.p95[r],
    exact: src.exact[r] === 1,
  };
}

/**
 * How far a row is from a coin toss: |2·count − S|, 0 when it was on the list in exactly half of
 * the samples. Integer arithmetic, so rows at 40% and 60% tie exactly (|p − 0.5| in floating
 * point would not: 0.5 − 0.4 ≠ 0.6 − 0.5).
 */
export function borderlineDistance(count: number, samples: number): number {
  return Math.abs(2 * count - samples);
}

/**
 * The row order of a sort key, in its natural direction (read it backwards for the other):
 * - `pList`: most often on the list first;
 * - `rank0`: the scenario's rank;
 * - `median`: the median sampled rank (rows without one last);
 * - `borderline`: closest to 50% first (the enterprises whose place is least certain).
 * Ties go by the scenario's rank, then the row index, so every order is total and stable.
 */
export function mcOrder(src: McListSource, sort: McSortKey): Uint32Array {
  const n = src.listCount.length;
  const order = new Uint32Array(n);
  for (let r = 0; r < n; r++) order[r] = r;
  const { listCount: c, rank0, median, samples: S } = src;
  const byRank = (a: number, b: number) => rank0[a] - rank0[b] || a - b;
  const med = (r: number) => (Number.isFinite(median[r]) ? median[r] : Infinity);
  const cmp: Record<McSortKey, (a: number, b: number) => number> = {
    pList: (a, b) => c[b] - c[a] || byRank(a, b),
    rank0: byRank,
    median: (a, b) => med(a) - med(b) || byRank(a, b),
    borderline: (a, b) => borderlineDistance(c[a], S) - borderlineDistance(c[b], S) || byRank(a, b),
  };
  return order.sort(cmp[sort]);
}

/** Rows whose name or credit code contains `query` (case-insensitive); null when the query is empty. */
export function searchMask(query: string, names: readonly string[], usccs: readonly string[]): { mask: Uint8Array; total: number } | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const mask = new Uint8Array(names.length);
  let total = 0;
  for (let r = 0; r < names.length; r++) {
    if ((names[r] ?? '').toLowerCase().includes(q) || (usccs[r] ?? '').toLowerCase().includes(q)) {
      mask[r] = 1;
      total++;
    }
  }
  return { mask, total };
}

/** The rows both of a search and of a segment (either may be absent); null when neither narrows. */
export function withinMask(found: { mask: Uint8Array; total: number } | null, within: ArrayLike<number> | null, n: number): { mask: Uint8Array; total: number } | null {
  if (!within) return found;
  const mask = new Uint8Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    if (within[r] && (!found || found.mask[r])) {
      mask[r] = 1;
      total++;
    }
  }
  return { mask, total };
}

/**
 * The N of a list rule, the one number the Monte Carlo view states: a top-n rule's n; for any
 * other rule (a percentage, bands, a threshold) the number of enterprises on the list under the
 * scenario, `listedNow`. At least 1 (a top-N threshold needs N ≥ 1).
 */
export function listPlaces(rule: ListRule, listedNow: number): number {
  return Math.max(1, rule.kind === 'top-n' ? rule.n : listedNow);
}
