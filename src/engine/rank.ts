/**
 * Ranking on the re-score path: an LSD radix argsort on the IEEE-754 bits of the scores (exact:
 * distinct doubles never merge, equal doubles stay equal) followed by competition ranks. A
 * comparator sort of a million indices costs ~300 ms; this costs a few passes over typed arrays and
 * allocates nothing once its workspace exists.
 */

const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;

export class RankWorkspace {
  readonly idxA: Uint32Array;
  readonly idxB: Uint32Array;
  readonly loA: Uint32Array;
  readonly loB: Uint32Array;
  readonly hiA: Uint32Array;
  readonly hiB: Uint32Array;
  readonly counts = new Uint32Array(BUCKETS);
  constructor(readonly n: number) {
    this.idxA = new Uint32Array(n);
    this.idxB = new Uint32Array(n);
    this.loA = new Uint32Array(n);
    this.loB = new Uint32Array(n);
    this.hiA = new Uint32Array(n);
    this.hiB = new Uint32Array(n);
  }
}

/**
 * Fills `order` with row indices sorted by `score` descending. Ties keep no particular order (ranks
 * do not depend on it). NaN is not expected (scores are always finite).
 */
export function argsortDescending(score: Float64Array, order: Uint32Array, ws: RankWorkspace): void {
  const n = score.length;
  const bits = new Uint32Array(score.buffer, score.byteOffset, n * 2);
  let { idxA: idx, idxB: idx2, loA: lo, loB: lo2, hiA: hi, hiB: hi2 } = ws;
  // Map each double to a 64-bit key whose unsigned order is the DEScending order of the doubles:
  // the usual order-preserving transform (flip all bits of negatives, the sign bit of positives),
  // then complemented.
  for (let r = 0; r < n; r++) {
    const l = bits[2 * r];
    const h = bits[2 * r + 1];
    if (h & 0x80000000) {
      hi[r] = h; // ~(~h) for negatives
      lo[r] = l;
    } else {
      hi[r] = ~(h | 0x80000000) >>> 0;
      lo[r] = ~l >>> 0;
    }
    idx[r] = r;
  }
  const counts = ws.counts;
  for (let pass = 0; pass < 4; pass++) {
    const useHi = pass >= 2;
    const shift = (pass & 1) * DIGIT_BITS;
    const keys = useHi ? hi : lo;
    counts.fill(0);
    for (let r = 0; r < n; r++) counts[(keys[r] >>> shift) & 0xffff]++;
    // A digit that is the same for every row cannot reorder anything: skip the pass.
    if (n === 0 || counts[(keys[0] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let r = 0; r < n; r++) {
      const d = (keys[r] >>> shift) & 0xffff;
      const p = counts[d]++;
      idx2[p] = idx[r];
      lo2[p] = lo[r];
      hi2[p] = hi[r];
    }
    [idx, idx2] = [idx2, idx];
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
  }
  order.set(idx);
}

/**
 * Competition ranks ("1224") from a descending order, overall and within each row's stage.
 * `stageCount` bounds the stage indices (rows with stage ≥ stageCount get stageRank 0).
 */
export function competitionRanks(
  score: Float64Array,
  order: Uint32Array,
  stage: Uint8Array,
  rank: Int32Array,
  stageRank: Int32Array,
  seen: Int32Array,
  lastScore: Float64Array,
  lastRank: Int32Array,
): void {
  seen.fill(0);
  let prev = NaN;
  let prevRank = 0;
  for (let p = 0; p < order.length; p++) {
    const r = order[p];
    const v = score[r];
    prevRank = p > 0 && v === prev ? prevRank : p + 1;
    rank[r] = prevRank;
    prev = v;
    const st = stage[r];
    if (st >= seen.length) {
      stageRank[r] = 0;
      continue;
    }
    const c = ++seen[st];
    if (c === 1 || v !== lastScore[st]) lastRank[st] = c;
    lastScore[st] = v;
    stageRank[r] = lastRank[st];
  }
}
