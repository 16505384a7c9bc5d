import type { Label } from '../engine/types.ts';
import type { SegmentFilters } from './filters.ts';
import { composeWithStages, parseWithStages, type StageBounds } from './stage-filter.ts';
import { SEGMENT_SCORE } from './columns.ts';

/**
 * The score range of 按字段筛选 (得分范围): a condition on `score`, the score under the scenario
 * on screen (columns.ts SEGMENT_SCORE), both ends included. It is written last in the composed
 * condition, after the field filters and the stages, so the form can read it back.
 */
export interface ScoreRange {
  min: number | null;
  max: number | null;
}

export const NO_SCORE_RANGE: ScoreRange = { min: null, max: null };

/** `score BETWEEN a AND b`, `score >= a`, `score <= b`, or '' with no bound. */
export function scoreCondition(r: ScoreRange): string {
  if (r.min !== null && r.max !== null) return `${SEGMENT_SCORE} BETWEEN ${r.min} AND ${r.max}`;
  if (r.min !== null) return `${SEGMENT_SCORE} >= ${r.min}`;
  if (r.max !== null) return `${SEGMENT_SCORE} <= ${r.max}`;
  return '';
}

export type BoundCheck = { ok: true; value: number | null } | { ok: false; error: Label };

/**
 * A typed bound: empty (no bound) or a plain non-negative number of points. A percentage or a
 * number with a unit is refused rather than read as something else.
 */
export function parseScoreBound(text: string): BoundCheck {
  // Full-width digits and point (a Chinese input method's) read as their ASCII ones; "60." is 60.
  const t = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (t === '') return { ok: true, value: null };
  if (/^\d{1,6}(?:\.\d{0,6})?$/.test(t)) return { ok: true, value: Number(t) };
  if (/%|％/.test(t))
    return {
      ok: false,
      error: { zh: `“${t}”是百分比：这里填得分（分），例如 60。`, en: `“${t}” is a percentage: enter a score in points, e.g. 60.` },
    };
  return {
    ok: false,
    error: { zh: `“${t}”不是分数：请填不小于 0 的数，例如 60 或 72.5。`, en: `“${t}” is not a score: enter a number of at least 0, e.g. 60 or 72.5.` },
  };
}

/** Both bounds checked together: each as parseScoreBound, and the lower one not above the upper one. */
export function checkScoreRange(minText: string, maxText: string): { ok: true; range: ScoreRange } | { ok: false; field: 'min' | 'max'; error: Label } {
  const min = parseScoreBound(minText);
  if (!min.ok) return { ok: false, field: 'min', error: min.error };
  const max = parseScoreBound(maxText);
  if (!max.ok) return { ok: false, field: 'max', error: max.error };
  if (min.value !== null && max.value !== null && min.value > max.value)
    return {
      ok: false,
      field: 'max',
      error: {
        zh: `上限 ${max.value} 小于下限 ${min.value}：没有企业能满足。`,
        en: `The upper bound ${max.value} is below the lower bound ${min.value}: no enterprise could match.`,
      },
    };
  return { ok: true, range: { min: min.value, max: max.value } };
}

/** The field filters, the stages and the score range as one condition, in that order. */
export function composeSegment(f: SegmentFilters, stages: readonly string[], range: ScoreRange, b: StageBounds): string {
  return [composeWithStages(f, stages, b), scoreCondition(range)].filter((s) => s !== '').join(' AND ');
}

const NUM = '(\\d{1,6}(?:\\.\\d{1,6})?)';
const TAIL: [RegExp, (m: RegExpExecArray) => ScoreRange][] = [
  [new RegExp(`(?:^| AND )${SEGMENT_SCORE} BETWEEN ${NUM} AND ${NUM}$`), (m) => ({ min: Number(m[1]), max: Number(m[2]) })],
  [new RegExp(`(?:^| AND )${SEGMENT_SCORE} >= ${NUM}$`), (m) => ({ min: Number(m[1]), max: null })],
  [new RegExp(`(?:^| AND )${SEGMENT_SCORE} <= ${NUM}$`), (m) => ({ min: null, max: Number(m[1]) })],
];

/**
 * Reads a condition back into filters, stages and score range: exactly the canonical form
 * `composeSegment` writes with these bounds, else null (a typed condition).
 */
export function parseSegment(text: string, b: StageBounds): { filters: SegmentFilters; stages: string[]; range: ScoreRange } | null {
  const t = text.trim();
  for (const [re, read] of TAIL) {
    const m = re.exec(t);
    if (!m) continue;
    const range = read(m);
    const rest = parseWithStages(t.slice(0, m.index), b);
    if (rest && composeSegment(rest.filters, rest.stages, range, b) === t) return { ...rest, range };
  }
  const plain = parseWithStages(t, b);
  return plain ? { ...plain, range: NO_SCORE_RANGE } : null;
}
