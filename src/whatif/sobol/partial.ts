/**
 * What one chunk of a Sobol run accumulates, and the merge of chunks. Per base sample j the chunk
 * stores its slot of the design (u's of A_j and B_j) and of the scalar outputs; per enterprise it
 * accumulates sums of integer rank shifts, held exactly in doubles (config.ts checks the bound). So
 * merging is exact, commutative and associative: any split over any number of workers gives the
 * numbers of one single run.
 */
export interface SobolPartial {
  /** sobolKey(config, seed, n, d): merging refuses partials of different runs. */
  key: string;
  n: number;
  /** Factors (= indicators). */
  d: number;
  /** N, base samples of the whole run. */
  samples: number;
  /** Base samples evaluated here, and which (1 per j). */
  done: number;
  counted: Uint8Array;
  /** The design actually used: `uA[j·d + i]`, `uB[j·d + i]` (0 where not counted). */
  uA: Float64Array;
  uB: Float64Array;
  /** Number of scalar outputs (1 without a list rule, 2 with). */
  outputs: number;
  /** Scalar output o at A_j: `fA[o·N + j]`; at B_j: `fB[o·N + j]`; at A_B^i_j: `fAB[(o·N + j)·d + i]`. */
  fA: Float64Array;
  fB: Float64Array;
  fAB: Float64Array;
  /**
   * Per enterprise r, with y = rank − the scenario's rank: Σ over A and B of y (`sumY[r]`) and y²
   * (`sumY2[r]`); per factor i, Σ y_B·(y_ABi − y_A) (`first[i·n + r]`) and Σ (y_A − y_ABi)²
   * (`total[i·n + r]`). Factor-major so each re-scoring updates one contiguous n-long run.
   */
  sumY: Float64Array;
  sumY2: Float64Array;
  first: Float64Array;
  total: Float64Array;
}

export function emptySobolPartial(p: { key: string; n: number; d: number; samples: number; outputs: number }): SobolPartial {
  const { n, d, samples: N, outputs } = p;
  return {
    ...p,
    done: 0,
    counted: new Uint8Array(N),
    uA: new Float64Array(N * d),
    uB: new Float64Array(N * d),
    fA: new Float64Array(outputs * N),
    fB: new Float64Array(outputs * N),
    fAB: new Float64Array(outputs * N * d),
    sumY: new Float64Array(n),
    sumY2: new Float64Array(n),
    first: new Float64Array(d * n),
    total: new Float64Array(d * n),
  };
}

function add(a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}

/** Adds `b` into `acc` (mutating acc). Throws when they belong to different runs or share a base sample. */
export function mergeSobolInto(acc: SobolPartial, b: SobolPartial): SobolPartial {
  if (acc.key !== b.key) throw new Error('Sobol: cannot merge results of different runs (config, seed or data differ)');
  for (let j = 0; j < acc.samples; j++) if (acc.counted[j] && b.counted[j]) throw new Error(`Sobol: base sample ${j} was counted twice`);
  for (let j = 0; j < acc.samples; j++) acc.counted[j] += b.counted[j];
  acc.done += b.done;
  // Disjoint slots: one side holds 0 at each, so adding copies exactly.
  add(acc.uA, b.uA);
  add(acc.uB, b.uB);
  add(acc.fA, b.fA);
  add(acc.fB, b.fB);
  add(acc.fAB, b.fAB);
  add(acc.sumY, b.sumY);
  add(acc.sumY2, b.sumY2);
  add(acc.first, b.first);
  add(acc.total, b.total);
  return acc;
}

/** The buffers of a partial, for `postMessage` transfer lists. */
export function sobolPartialBuffers(p: SobolPartial): ArrayBuffer[] {
  return [p.counted, p.uA, p.uB, p.fA, p.fB, p.fAB, p.sumY, p.sumY2, p.first, p.total].map((a) => a.buffer as ArrayBuffer);
}
