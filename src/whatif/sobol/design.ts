import { perturbStageFrom } from '../mc/sample-weights.ts';
import { mulberry32, sampleSeed } from '../prng.ts';

/**
 * The Saltelli (2010) design. Base matrices A and B are N × d; row j of A is drawn from the stream
 * mulberry32(sampleSeed(seed, 2j)) and row j of B from mulberry32(sampleSeed(seed, 2j + 1)), d
 * draws each in factor order — so a row depends on (seed, j) only, whichever chunk or worker
 * evaluates it (the counter-based convention of prng.ts). A_B^(i) is A with column i taken from B.
 * Base sample j is evaluated at A_j, B_j and A_B^(i)_j for every i: N·(d + 2) evaluations.
 */
export function designRows(seed: number, j: number, d: number, uA: Float64Array, uB: Float64Array, off = 0): void {
  const ra = mulberry32(sampleSeed(seed, 2 * j));
  for (let i = 0; i < d; i++) uA[off + i] = ra();
  const rb = mulberry32(sampleSeed(seed, 2 * j + 1));
  for (let i = 0; i < d; i++) uB[off + i] = rb();
}

/** Row A_B^(i)_j into `out`: A_j with factor i from B_j. */
export function mixedRow(uA: ArrayLike<number>, uB: ArrayLike<number>, off: number, d: number, i: number, out: Float64Array): void {
  for (let t = 0; t < d; t++) out[t] = uA[off + t];
  out[i] = uB[off + i];
}

/**
 * The weights `w[stage·k + i]` of one design point u (k factors, one per indicator, shared by all
 * stages): the perturb multiplier of config.ts applied to the scenario's weights, each stage
 * renormalised.
 */
export function factorWeights(base: ArrayLike<number>, stages: number, k: number, spread: number, u: ArrayLike<number>, uOff: number, out: Float64Array): void {
  for (let st = 0; st < stages; st++) perturbStageFrom(base, st * k, k, spread, u, uOff, out);
}

/**
 * Factors that cannot change any weight (zero spread, a weight of zero in every stage, or held
 * fixed): every
 * A_B^(i) point then scores exactly like A, so the chunk copies A's outputs instead of re-scoring.
 */
export function inertFactors(base: ArrayLike<number>, stages: number, k: number, spread: number, fixed: readonly number[] = []): Uint8Array {
  const inert = new Uint8Array(k);
  for (let i = 0; i < k; i++) {
    let any = false;
    for (let st = 0; st < stages; st++) if (base[st * k + i] !== 0) any = true;
    inert[i] = spread === 0 || !any ? 1 : 0;
  }
  for (const i of fixed) inert[i] = 1;
  return inert;
}
