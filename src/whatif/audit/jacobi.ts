/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method (Golub & Van Loan
 * §8.5): rotations zero each off-diagonal element in turn until their sum of squares is below
 * 1e-30 of the matrix's. Exact enough and simple for the k ≤ 25 indicators of a system.
 */
export interface Eigen {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** Unit eigenvectors, `vectors[c * m + i]` = component c, coordinate i. */
  vectors: Float64Array;
}

export function symmetricEigen(matrix: ArrayLike<number>, m: number): Eigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  let norm = 0;
  for (let i = 0; i < m * m; i++) norm += a[i] * a[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += a[p * m + q] * a[p * m + q];
    if (off <= 1e-30 * norm || off === 0) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q];
        if (apq === 0) continue;
        const theta = (a[q * m + q] - a[p * m + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < m; r++) {
          const arp = a[r * m + p];
          const arq = a[r * m + q];
          a[r * m + p] = c * arp - s * arq;
          a[r * m + q] = s * arp + c * arq;
        }
        for (let r = 0; r < m; r++) {
          const apr = a[p * m + r];
          const aqr = a[q * m + r];
          a[p * m + r] = c * apr - s * aqr;
          a[q * m + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < m; r++) {
          const vrp = v[r * m + p];
          const vrq = v[r * m + q];
          v[r * m + p] = c * vrp - s * vrq;
          v[r * m + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const idx = Array.from({ length: m }, (_, i) => i).sort((x, y) => a[y * m + y] - a[x * m + x]);
  const values = new Float64Array(m);
  const vectors = new Float64Array(m * m);
  idx.forEach((col, c) => {
    values[c] = a[col * m + col];
    for (let i = 0; i < m; i++) vectors[c * m + i] = v[i * m + col];
  });
  return { values, vectors };
}
