import { toSeed } from '../prng.ts';
import { SOBOL_OUTPUTS, type SobolOutputId } from './config.ts';
import { CONSTANT_OUTPUT, DEFAULT_BOOTSTRAP, indicesFromSums, indicesWithCi, type IndicesWithCi, type SobolIndices } from './estimator.ts';
import type { SobolPartial } from './partial.ts';

export interface SobolOutputResult {
  id: SobolOutputId;
  indices: IndicesWithCi;
}

export interface SobolResult {
  n: number;
  /** Factors (= indicators, in system order). */
  d: number;
  /** N asked for, and base samples actually evaluated (fewer when cancelled). */
  samples: number;
  done: number;
  seed: number;
  /** Outputs (a) and, with a list rule, (b), with bootstrap intervals. */
  outputs: SobolOutputResult[];
  /**
   * Output (c), per enterprise r (point estimates, no intervals): `S[r·d + i]`, `ST[r·d + i]`, NaN
   * when the enterprise's rank never changed (`V[r]` = 0; CONSTANT_OUTPUT says why).
   */
  perEnterprise: { V: Float64Array; S: Float64Array; ST: Float64Array };
  /** The partial the result was computed from (its design and per-point values, for the draws export). */
  partial: SobolPartial;
}

/** The base samples a partial holds, ascending. */
export function countedRows(p: SobolPartial): Int32Array {
  const rows: number[] = [];
  for (let j = 0; j < p.samples; j++) if (p.counted[j]) rows.push(j);
  return Int32Array.from(rows);
}

/** Indices of every output from a (merged) partial; `seed` is the run's (it seeds the bootstrap). */
export function summarizeSobol(p: SobolPartial, seed: number, replicates = DEFAULT_BOOTSTRAP): SobolResult {
  const s = toSeed(seed);
  const { n, d, samples: N } = p;
  const rows = countedRows(p);
  const M = rows.length;
  const outputs: SobolOutputResult[] = [];
  for (let o = 0; o < p.outputs; o++) {
    const fA = p.fA.subarray(o * N, (o + 1) * N);
    const fB = p.fB.subarray(o * N, (o + 1) * N);
    const fAB = p.fAB.subarray(o * N * d, (o + 1) * N * d);
    outputs.push({ id: SOBOL_OUTPUTS[o], indices: indicesWithCi(fA, fB, fAB, d, rows, s, replicates) });
  }
  const V = new Float64Array(n);
  const S = new Float64Array(n * d);
  const ST = new Float64Array(n * d);
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  const one: SobolIndices = { defined: false, V: 0, S: new Float64Array(d), ST: new Float64Array(d) };
  const m2 = 2 * M;
  for (let r = 0; r < n; r++) {
    // Integer sums: 2M·Σy² − (Σy)² is exact (config.ts bound), so V is exactly 0 iff the rank never moved.
    const sy = p.sumY[r];
    V[r] = (m2 * p.sumY2[r] - sy * sy) / (m2 * m2);
    for (let i = 0; i < d; i++) {
      first[i] = p.first[i * n + r];
      total[i] = p.total[i * n + r];
    }
    indicesFromSums(M, V[r], first, total, d, one);
    S.set(one.S, r * d);
    ST.set(one.ST, r * d);
  }
  return { n, d, samples: N, done: M, seed: s, outputs, perEnterprise: { V, S, ST }, partial: p };
}

/**
 * The factor that explains most of enterprise r's rank variance (largest ST_i), for the profile's
 * "this enterprise's rank depends mostly on the weight of …"; null with the reason when undefined.
 */
export function dominantFactor(res: SobolResult, r: number): { factor: number; S: number; ST: number } | { factor: null; reason: string } {
  const { d, perEnterprise: pe } = res;
  if (!(pe.V[r] > 0)) return { factor: null, reason: CONSTANT_OUTPUT };
  let best = 0;
  for (let i = 1; i < d; i++) if (pe.ST[r * d + i] > pe.ST[r * d + best]) best = i;
  return { factor: best, S: pe.S[r * d + best], ST: pe.ST[r * d + best] };
}
