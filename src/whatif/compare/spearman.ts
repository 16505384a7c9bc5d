import { averageFromCompetition } from './average-ranks.ts';

/**
 * Spearman's ρ with tie correction: the Pearson correlation of the average ranks,
 * ρ = Σ(aᵢ − ā)(bᵢ − b̄) / √(Σ(aᵢ − ā)² · Σ(bᵢ − b̄)²), ā = b̄ = (n + 1)/2.
 * Without ties this equals 1 − 6Σdᵢ²/(n(n² − 1)). NaN when n < 2 or one side is all ties
 * (a constant ranking has no order to agree with).
 */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (b.length !== n) throw new Error(`rank arrays differ in length: ${n} and ${b.length}`);
  if (n < 2) return NaN;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

/** Spearman's ρ of two competition rankings of the same rows (e.g. result.rank under A and B). */
export function spearman(rankA: ArrayLike<number>, rankB: ArrayLike<number>): number {
  if (rankA.length !== rankB.length) throw new Error(`rank arrays differ in length: ${rankA.length} and ${rankB.length}`);
  return pearson(averageFromCompetition(rankA), averageFromCompetition(rankB));
}
