import type { BonusItem, VetoRule } from './types.ts';
import type { Columns } from './derive.ts';

/**
 * Bonus points of one item per row: `min(cap, points × count)`; a boolean counts as 1, a missing
 * value as 0 (scoring.md §7), and a negative count — invalid data, flagged by validation — as 0.
 */
export function bonusPoints(item: BonusItem, columns: Columns, n: number): Float64Array {
  const out = new Float64Array(n);
  const col = columns[item.field];
  if (!col) return out;
  const cap = item.cap ?? Infinity;
  for (let r = 0; r < n; r++) {
    const c = col[r];
    out[r] = c > 0 ? Math.min(cap, item.points * c) : 0;
  }
  return out;
}

/** 1 where a veto rule holds: any of its fields true (1, or any positive number); missing = false. */
export function vetoHits(rule: VetoRule, columns: Columns, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (const f of rule.fields) {
    const col = columns[f];
    if (!col) continue;
    for (let r = 0; r < n; r++) if (col[r] > 0) out[r] = 1;
  }
  return out;
}
