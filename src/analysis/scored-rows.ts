/**
 * One scored run as the statistics and the ranking table read it: plain typed arrays (the engine's
 * `ScoreResult` columns and the stage of each row), so that any result type can be passed by
 * picking its columns and tests can pass a few hand-made rows.
 */
export interface ScoredRows {
  score: Float64Array;
  base: Float64Array;
  bonus: Float64Array;
  /** 1 when an active veto holds (the score is then 0). */
  vetoed: Uint8Array;
  /** Competition rank over the population by score descending (1 = best). */
  rank: Int32Array;
  /** Competition rank within the row's stage; 0 for a row without stage. */
  stageRank: Int32Array;
  /** Row indices by score descending. */
  order: Uint32Array;
  /** Stage index per row; ≥ nStages (NO_STAGE) for a row without stage. */
  stage: Uint8Array;
  nStages: number;
}
