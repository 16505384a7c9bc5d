import { toSeed } from '../prng.ts';
import { designRows, mixedRow } from './design.ts';
import { DEFAULT_BOOTSTRAP, indicesWithCi, type IndicesWithCi } from './estimator.ts';

/**
 * Sobol indices of any function of d independent U[0, 1) factors, with the same design and
 * estimators as the weight analysis — what the tests run on functions whose indices are known in
 * closed form (a linear model, Ishigami). The function receives a scratch vector it must not keep.
 */
export function sobolOfFunction(f: (u: Float64Array) => number, d: number, N: number, seed: number, replicates = DEFAULT_BOOTSTRAP): IndicesWithCi {
  const s = toSeed(seed);
  const uA = new Float64Array(N * d);
  const uB = new Float64Array(N * d);
  const fA = new Float64Array(N);
  const fB = new Float64Array(N);
  const fAB = new Float64Array(N * d);
  const x = new Float64Array(d);
  for (let j = 0; j < N; j++) {
    designRows(s, j, d, uA, uB, j * d);
    x.set(uA.subarray(j * d, (j + 1) * d));
    fA[j] = f(x);
    x.set(uB.subarray(j * d, (j + 1) * d));
    fB[j] = f(x);
    for (let i = 0; i < d; i++) {
      mixedRow(uA, uB, j * d, d, i, x);
      fAB[j * d + i] = f(x);
    }
  }
  const rows = Int32Array.from({ length: N }, (_, j) => j);
  return indicesWithCi(fA, fB, fAB, d, rows, s, replicates);
}
