/**
 * Principal components of the correlation matrix of the normalised indicators (the JRC audit's
 * step 4). Indicators that are constant in the group have no correlation and are left out (their
 * loadings are NaN); the rest form an m × m correlation matrix R.
 * - eigenvalues λ_1 ≥ … ≥ λ_m of R; explained share λ_c / Σλ = λ_c / m;
 * - loadings: the unit eigenvectors (prcomp's "rotation"), for the first PCA_COMPONENTS
 *   components. An eigenvector's sign is arbitrary; we make its largest-|coefficient| entry
 *   positive (the first such entry on an exact tie), so runs and tools can be compared.
 */
import { symmetricEigen } from './jacobi.ts';

export const PCA_COMPONENTS = 3;

export interface PcaResult {
  /** Indicator indices that entered the PCA. */
  used: number[];
  eigenvalues: number[];
  explained: number[];
  /** `loadings[c][i]` for indicator i (NaN when left out), c < min(3, m). */
  loadings: number[][];
}

export function pca(corr: Float64Array, offset: number, k: number, constant: Uint8Array, constantOffset: number): PcaResult {
  const used: number[] = [];
  for (let i = 0; i < k; i++) if (!constant[constantOffset + i]) used.push(i);
  const m = used.length;
  if (m === 0) return { used, eigenvalues: [], explained: [], loadings: [] };
  const r = new Float64Array(m * m);
  used.forEach((i, a) => used.forEach((j, b) => (r[a * m + b] = corr[offset + i * k + j])));
  const { values, vectors } = symmetricEigen(r, m);
  // A correlation matrix is positive semi-definite: a tiny negative eigenvalue is rounding.
  const eigenvalues = Array.from(values, (v) => (v < 0 && v > -1e-12 ? 0 : v));
  const sum = eigenvalues.reduce((x, y) => x + y, 0);
  const loadings: number[][] = [];
  for (let c = 0; c < Math.min(PCA_COMPONENTS, m); c++) {
    let big = 0;
    for (let a = 1; a < m; a++) if (Math.abs(vectors[c * m + a]) > Math.abs(vectors[c * m + big])) big = a;
    const sign = vectors[c * m + big] < 0 ? -1 : 1;
    const row = new Array<number>(k).fill(NaN);
    used.forEach((i, a) => (row[i] = sign * vectors[c * m + a] + 0)); // + 0 turns −0 into 0
    loadings.push(row);
  }
  return { used, eigenvalues, explained: eigenvalues.map((v) => v / sum), loadings };
}
