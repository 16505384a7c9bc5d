import type { Run } from '../../engine/index.ts';
import { agreementVerdict, type Verdict } from './agreement-verdict.ts';
import { kendallTauB } from './kendall.ts';
import { pairMatrix, topOverlap } from './overlap.ts';
import { spearman } from './spearman.ts';

export interface Favoured {
  row: number;
  rank: number;
  /** Median of the row's ranks under the other systems. */
  othersMedian: number;
  /** othersMedian − rank: how many places this system lifts the row. */
  gain: number;
}

export interface CrossSystem {
  systems: string[];
  spearman: Float64Array;
  kendall: Float64Array;
  topOverlap: Float64Array;
  topN: number;
  /** Per system, the rows it lifts most above the others' median rank (largest gain first). */
  favoured: { systemId: string; rows: Favoured[] }[];
  verdict: Verdict;
}

/**
 * Compares the overall rankings of one population under several systems (each scored with
 * `scoreScenario` at its baseline; fields a system reads that the data lacks score as missing,
 * and each run's `missingIndicators` / `missingFields` say so for the UI).
 */
export function crossSystem(runs: Run[], opts: { topN?: number; favoured?: number } = {}): CrossSystem {
  const m = runs.length;
  const n = m ? runs[0].prepared.n : 0;
  for (const r of runs) if (r.prepared.n !== n) throw new Error('cross-system comparison needs the same population under every system');
  const ranks = runs.map((r) => r.result.rank);
  const topN = opts.topN ?? Math.max(1, Math.min(100, Math.ceil(n * 0.1)));
  const rho = pairMatrix(m, (i, j) => spearman(ranks[i], ranks[j]));
  const tau = pairMatrix(m, (i, j) => kendallTauB(ranks[i], ranks[j]));
  const ov = pairMatrix(m, (i, j) => topOverlap(ranks[i], ranks[j], topN));
  const count = opts.favoured ?? 20;
  const others = new Float64Array(Math.max(0, m - 1));
  const favoured = runs.map((run, s) => {
    if (m < 2) return { systemId: run.system.id, rows: [] as Favoured[] };
    const med = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      let j = 0;
      for (let t = 0; t < m; t++) if (t !== s) others[j++] = ranks[t][r];
      others.sort();
      const h = others.length;
      med[r] = h % 2 ? others[h >> 1] : (others[h / 2 - 1] + others[h / 2]) / 2;
    }
    const rank = ranks[s];
    const idx = Uint32Array.from({ length: n }, (_, r) => r).sort((a, b) => med[b] - rank[b] - (med[a] - rank[a]) || rank[a] - rank[b] || a - b);
    const rows = Array.from(idx.subarray(0, count), (r) => ({ row: r, rank: rank[r], othersMedian: med[r], gain: med[r] - rank[r] }));
    return { systemId: run.system.id, rows };
  });
  const names = runs.map((r) => r.system.id);
  return { systems: names, spearman: rho, kendall: tau, topOverlap: ov, topN, favoured, verdict: agreementVerdict(names, rho, ov, topN) };
}
