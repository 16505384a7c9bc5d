/**
 * Seedable, counter-based randomness. Every Monte Carlo sample `i` draws from its own stream
 * `mulberry32(sampleSeed(seed, i))`, so a sample's weights depend on (seed, i) only — not on which
 * worker draws it or in which order. That is what makes a run split over a pool of workers equal,
 * bit for bit, to a single-threaded run with the same seed.
 */

/** murmur3's 32-bit finaliser: a bijective avalanche mix of a uint32. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seed of sample `i` of a run seeded with `seed` (both taken as uint32). */
export function sampleSeed(seed: number, i: number): number {
  return fmix32((fmix32(seed >>> 0) ^ Math.imul(i >>> 0, 0x9e3779b9)) >>> 0);
}

/** mulberry32: a small, fast 32-bit PRNG with good statistical quality for simulation; u ∈ [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normalises a user-given seed (any finite number) to a uint32. */
export function toSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new Error(`the seed must be a finite number, got ${seed}`);
  return Math.trunc(seed) >>> 0;
}
