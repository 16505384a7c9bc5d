import type { Dataset } from './dataset.ts';
import type { RowFilter } from '../src/protocol/whatif.ts';

/** Rows passing a stage / 科技创新领域 filter (null = every row, the fast path). */
export function filterRows(ds: Dataset, stage: Uint8Array, f: RowFilter): Uint32Array | null {
  const tf = f.techField ? ds.techFields.indexOf(f.techField) : -1;
  if (f.stage < 0 && tf < 0) return null;
  const out: number[] = [];
  for (let r = 0; r < ds.n; r++) {
    if (f.stage >= 0 && stage[r] !== f.stage) continue;
    if (tf >= 0 && ds.techField[r] !== tf) continue;
    out.push(r);
  }
  return Uint32Array.from(out);
}

/**
 * Competition ranks (1224) of `rank` restricted to `rows`: the subset ranked among itself, so the
 * rank statistics of a stage or a field read like those of a population of their own.
 */
export function subsetRanks(rank: Int32Array, rows: Uint32Array | null): Int32Array {
  if (!rows) return rank;
  const m = rows.length;
  const v = Int32Array.from(rows, (r) => rank[r]);
  const idx = Uint32Array.from({ length: m }, (_, i) => i).sort((a, b) => v[a] - v[b]);
  const out = new Int32Array(m);
  for (let p = 0; p < m; p++) out[idx[p]] = p > 0 && v[idx[p]] === v[idx[p - 1]] ? out[idx[p - 1]] : p + 1;
  return out;
}
