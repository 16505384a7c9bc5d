/**
 * What one chunk of a Monte Carlo run accumulates, and the merge of two chunks. Everything is an
 * integer count (or an integer sum held exactly in a double, < 2⁵³), or a rank stored at its
 * sample's own slot, so merging is exact, commutative and associative: any split of the samples
 * over any number of workers, merged in any order, gives the same numbers as one single run.
 */
export interface PartialStats {
  /** runKey(config, seed, n): merging refuses partials of different runs. */
  key: string;
  n: number;
  /** Total samples of the run (all chunks). */
  samples: number;
  /** Samples this partial has counted. */
  done: number;
  /** 1 per sample index counted here (guards against counting a sample twice). */
  counted: Uint8Array;
  /** Rank bin edges (see rank-bins.ts) and per-row histograms, row-major `hist[r·bins + b]`. */
  edges: Int32Array;
  hist: Uint16Array | Uint32Array;
  /** Σ rank and Σ rank² per row (for the mean and standard deviation). */
  rankSum: Float64Array;
  rankSqSum: Float64Array;
  /** topN thresholds and per-threshold counts of rank ≤ N: `topCount[t·n + r]`. */
  topN: number[];
  topCount: Uint32Array;
  /** Times each row was on the list (null without a list rule), and per band `bandCount[b·n + r]`. */
  listCount: Uint32Array | null;
  bandCount: Uint32Array | null;
  bands: number;
  /** Rows whose every rank is kept, and those ranks: `exact[m·samples + i]` (0 = sample not here). */
  exactRows: Int32Array;
  exact: Int32Array;
}

export function emptyPartial(p: { key: string; n: number; samples: number; edges: Int32Array; topN: number[]; list: boolean; bands: number; exactRows: Int32Array }): PartialStats {
  const bins = p.edges.length - 1;
  const Hist = p.samples <= 0xffff ? Uint16Array : Uint32Array;
  return {
    key: p.key,
    n: p.n,
    samples: p.samples,
    done: 0,
    counted: new Uint8Array(p.samples),
    edges: p.edges,
    hist: new Hist(p.n * bins),
    rankSum: new Float64Array(p.n),
    rankSqSum: new Float64Array(p.n),
    topN: p.topN,
    topCount: new Uint32Array(p.topN.length * p.n),
    listCount: p.list ? new Uint32Array(p.n) : null,
    bandCount: p.list && p.bands > 1 ? new Uint32Array(p.bands * p.n) : null,
    bands: p.bands,
    exactRows: p.exactRows,
    exact: new Int32Array(p.exactRows.length * p.samples),
  };
}

// One adder per array type: a single generic loop would see five element kinds and go megamorphic
// (~5× slower on the 17M-entry histograms).
function addU8(a: Uint8Array, b: Uint8Array): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}
/**
 * 16-bit histograms two counts at a time where both are 4-byte aligned: a bin's merged count stays
 * within the run's samples (≤ 65,535 for 16-bit histograms), so no carry crosses from one half of
 * a 32-bit word into the other.
 */
function addU16(a: Uint16Array, b: Uint16Array): void {
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const half = a.length >> 1;
    addU32(new Uint32Array(a.buffer, a.byteOffset, half), new Uint32Array(b.buffer, b.byteOffset, half));
    i = 2 * half;
  }
  for (; i < a.length; i++) a[i] += b[i];
}
function addU32(a: Uint32Array, b: Uint32Array): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}
function addI32(a: Int32Array, b: Int32Array): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}
function addF64(a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}

/** Adds `b` into `acc` (mutating acc). Throws when they belong to different runs or share a sample. */
export function mergeInto(acc: PartialStats, b: PartialStats): PartialStats {
  if (acc.key !== b.key) throw new Error('Monte Carlo: cannot merge results of different runs (config, seed or data differ)');
  for (let i = 0; i < acc.samples; i++) {
    if (acc.counted[i] && b.counted[i]) throw new Error(`Monte Carlo: sample ${i} was counted twice`);
  }
  addU8(acc.counted, b.counted);
  acc.done += b.done;
  if (acc.hist instanceof Uint16Array) addU16(acc.hist, b.hist as Uint16Array);
  else addU32(acc.hist, b.hist as Uint32Array);
  addF64(acc.rankSum, b.rankSum);
  addF64(acc.rankSqSum, b.rankSqSum);
  addU32(acc.topCount, b.topCount);
  if (acc.listCount && b.listCount) addU32(acc.listCount, b.listCount);
  if (acc.bandCount && b.bandCount) addU32(acc.bandCount, b.bandCount);
  addI32(acc.exact, b.exact); // disjoint samples: one side holds 0 at every slot
  return acc;
}

/** A new partial holding a + b (neither input changes). */
export function merge(a: PartialStats, b: PartialStats): PartialStats {
  return mergeInto(clonePartial(a), b);
}

export function clonePartial(a: PartialStats): PartialStats {
  return {
    ...a,
    counted: a.counted.slice(),
    hist: a.hist.slice(),
    rankSum: a.rankSum.slice(),
    rankSqSum: a.rankSqSum.slice(),
    topN: [...a.topN],
    topCount: a.topCount.slice(),
    listCount: a.listCount?.slice() ?? null,
    bandCount: a.bandCount?.slice() ?? null,
    exact: a.exact.slice(),
  };
}

/** The buffers of a partial, for `postMessage` transfer lists. */
export function partialBuffers(p: PartialStats): ArrayBuffer[] {
  const arrays = [p.counted, p.hist, p.rankSum, p.rankSqSum, p.topCount, p.listCount, p.bandCount, p.exact];
  return arrays.filter((a): a is NonNullable<typeof a> => a !== null).map((a) => a.buffer as ArrayBuffer);
}
