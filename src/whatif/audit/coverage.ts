/**
 * Coverage (JRC/OECD Handbook step 3, missing data): the share of non-missing values per indicator
 * and per enterprise. Missing means NaN in the derived raw value; ±∞ (a ratio over 0) is a value.
 * The JRC rule flags an indicator or an enterprise with less than 65 % coverage.
 */
import type { Groups } from './groups.ts';

export const COVERAGE_THRESHOLD = 0.65;

export interface CoverageStats {
  /** Share of rows of the group with a value, `[g * k + i]`; NaN for an empty group. */
  indicator: Float64Array;
  /** Mean over the group's enterprises of their share of indicators with a value. */
  enterpriseMean: Float64Array;
  /** Enterprises of the group whose share is below the threshold. */
  enterpriseBelow: Float64Array;
}

export function coverage(raw: readonly Float64Array[], stage: Uint8Array, groups: Groups): CoverageStats {
  const k = raw.length;
  const n = stage.length;
  const G = groups.count;
  const all = groups.stages;
  const present = new Float64Array(G * k);
  // Per row count of present indicators (k ≤ 255 indicators fit a byte; checked below).
  if (k > 255) throw new Error(`coverage counts up to 255 indicators per row, got ${k}`);
  const perRow = new Uint8Array(n);
  for (let i = 0; i < k; i++) {
    const col = raw[i];
    for (let r = 0; r < n; r++) {
      const st = stage[r];
      if (st >= all) continue;
      const v = col[r];
      if (v === v) {
        present[st * k + i]++;
        perRow[r]++;
      }
    }
  }
  const sumShare = new Float64Array(G);
  const below = new Float64Array(G);
  for (let r = 0; r < n; r++) {
    const st = stage[r];
    if (st >= all) continue;
    const share = perRow[r] / k;
    sumShare[st] += share;
    if (share < COVERAGE_THRESHOLD) below[st]++;
  }
  for (let g = 0; g < all; g++) {
    for (let i = 0; i < k; i++) present[all * k + i] += present[g * k + i];
    sumShare[all] += sumShare[g];
    below[all] += below[g];
  }
  const indicator = new Float64Array(G * k);
  const enterpriseMean = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const m = groups.rows[g];
    for (let i = 0; i < k; i++) indicator[g * k + i] = m > 0 ? present[g * k + i] / m : NaN;
    enterpriseMean[g] = m > 0 ? sumShare[g] / m : NaN;
  }
  return { indicator, enterpriseMean, enterpriseBelow: below };
}
