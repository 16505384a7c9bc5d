/**
 * The part of the engine's `Prepared` that the analyses read. Structural, so tests can pass a few
 * hand-made rows and the worker passes its `Prepared` unchanged.
 */
export interface ScoredMatrix {
  n: number;
  /** Number of weighted indicators. */
  k: number;
  /** Normalised values, row-major: `s[r * k + i]` ∈ [0, 1] (see engine/prepare.ts). */
  s: Float64Array;
  /** Stage index per row (≥ the number of stages for a row without stage). */
  stage: Uint8Array;
}
