import { formatIsoDate } from '../engine/calendar.ts';
import { resolveStages, type Scenario } from '../engine/scenario.ts';
import { stageCutoffDays } from '../engine/stages.ts';
import type { IndicatorSystem } from '../engine/types.ts';
import { filtersCondition, parseFiltersCondition, type SegmentFilters } from './filters.ts';

/**
 * The stage filter of 按字段筛选. A stage is not a column of the data: it follows from the
 * registration date and the as-of date (scoring.md §2). So picking stages composes a condition
 * on `registration_date` with the exact cut-off days the scoring uses at this moment (the
 * scenario's as-of date and stage cut-offs), written out in the condition: the dates are on screen,
 * the CLI reads the same condition, and a later change of the as-of date does not silently change
 * what the segment selects (the form then shows the condition as typed).
 *
 * Stage i holds `c_i ≤ registration_date < c_{i−1}` (c = stageCutoffDays, youngest first; the
 * first stage has no upper bound, the last no lower one). Adjacent picked stages merge into one
 * range; separate ranges are OR-ed in brackets.
 */
/** Systems with more stages than this read a stage condition back as typed (see parseWithStages). */
export const MAX_READ_STAGES = 8;

export interface StageBounds {
  ids: string[];
  /** Earliest registration day of each stage but the last (days since 1970-01-01). */
  cutoffs: number[];
}

export function stageBounds(system: IndicatorSystem, scenario: Scenario, asOfDays: number): StageBounds {
  const stages = resolveStages(system, scenario);
  return { ids: stages.map((s) => s.id), cutoffs: stageCutoffDays(asOfDays, stages) };
}

const date = (days: number) => `DATE '${formatIsoDate(days)}'`;

/** The condition of the picked stages ('' when none or all are picked: no restriction). */
export function stageCondition(picked: readonly string[], b: StageBounds): string {
  const on = b.ids.map((id) => picked.includes(id));
  if (!on.some(Boolean) || on.every(Boolean)) return '';
  const ranges: string[] = [];
  for (let i = 0; i < on.length; i++) {
    if (!on[i]) continue;
    let j = i;
    while (j + 1 < on.length && on[j + 1]) j++;
    // Stages i..j: registration ≥ cutoff of j (none for the last), < cutoff of i − 1 (none for the first).
    const lower = j < b.cutoffs.length ? `registration_date >= ${date(b.cutoffs[j])}` : '';
    const upper = i > 0 ? `registration_date < ${date(b.cutoffs[i - 1])}` : '';
    ranges.push(lower && upper ? `(${lower} AND ${upper})` : lower || upper);
    i = j;
  }
  return ranges.length === 1 ? ranges[0] : `(${ranges.join(' OR ')})`;
}

/** The field filters and the stage picks as one condition (stages last). */
export function composeWithStages(f: SegmentFilters, stages: readonly string[], b: StageBounds): string {
  return [filtersCondition(f), stageCondition(stages, b)].filter((s) => s !== '').join(' AND ');
}

/**
 * Reads a condition back into filters and stage picks: exactly the canonical form
 * `composeWithStages` writes with these bounds, else null (typed, or composed at another as-of).
 */
export function parseWithStages(text: string, b: StageBounds): { filters: SegmentFilters; stages: string[] } | null {
  const t = text.trim();
  const plain = parseFiltersCondition(t);
  if (plain) return { filters: plain, stages: [] };
  const k = b.ids.length;
  // Every pick set is tried (2^k conditions): presets have 3 stages; beyond 8 a condition is shown as typed.
  if (k > MAX_READ_STAGES) return null;
  for (let mask = 1; mask < (1 << k) - 1; mask++) {
    const stages = b.ids.filter((_, i) => mask & (1 << i));
    const clause = stageCondition(stages, b);
    if (t === clause) return { filters: parseFiltersCondition('')!, stages };
    if (t.endsWith(` AND ${clause}`)) {
      const filters = parseFiltersCondition(t.slice(0, -` AND ${clause}`.length));
      if (filters) return { filters, stages };
    }
  }
  return null;
}
