import { minusYears } from './calendar.ts';
import type { StageDef } from './types.ts';

/** Stage index of a row with no usable registration date. */
export const NO_STAGE = 255;

/**
 * Stage assignment by calendar age (scoring.md §2): a row belongs to the first stage whose bound
 * holds, `registration_date ≥ as_of − maxAgeYears years` (month and day kept, 29 Feb → 28 Feb);
 * rows older than every bound belong to the last stage. Missing dates get NO_STAGE.
 */
export function assignStages(regDays: Float64Array, asOfDays: number, stages: readonly StageDef[]): Uint8Array {
  if (stages.length === 0 || stages.length >= NO_STAGE) throw new Error(`a system needs 1 to ${NO_STAGE - 1} stages`);
  const cutoffs = stageCutoffDays(asOfDays, stages);
  const last = stages.length - 1;
  const out = new Uint8Array(regDays.length);
  for (let r = 0; r < regDays.length; r++) {
    const d = regDays[r];
    if (d !== d) {
      out[r] = NO_STAGE;
      continue;
    }
    let s = 0;
    while (s < last && d < cutoffs[s]) s++;
    out[r] = s;
  }
  return out;
}

/** For each bounded stage, the earliest registration day that still belongs to it. */
export function stageCutoffDays(asOfDays: number, stages: readonly StageDef[]): number[] {
  return stages.slice(0, -1).map((s, i) => {
    if (s.maxAgeYears === undefined) throw new Error(`stage "${s.id}" (#${i + 1}) needs maxAgeYears: only the last stage is unbounded`);
    return minusYears(asOfDays, s.maxAgeYears);
  });
}
