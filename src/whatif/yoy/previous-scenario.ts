import { formatIsoDate, minusYears, parseIsoDate } from '../../engine/calendar.ts';
import type { Scenario } from '../../engine/index.ts';

/**
 * The scenario last year's data set is scored under in 年度对比: the current one, with its as-of
 * date (when it sets one) moved back by the years between the two data sets (`years`, one for
 * consecutive years) — 2023-06-30 → 2022-06-30, 29 February →
 * 28 February — so both years' stages are cut at the same point of their years. Without an as-of
 * date each year keeps its own default (31 December of its evaluation year). When last year's data
 * holds an enterprise registered after the shifted date (it could not be placed in a stage), the
 * shifted date is refused, as the as-of field refuses such a date, and the default is used instead.
 */
export interface PreviousScenario {
  scenario: Scenario;
  /** The shifted as-of date used for last year, or null (no as-of date, or refused). */
  asOf: string | null;
  /** The shifted date that was refused because of later registrations, or null. */
  refused: string | null;
}

export function previousScenario(s: Scenario, prevRegDays: ArrayLike<number>, years = 1): PreviousScenario {
  const { asOf, ...rest } = s;
  if (!asOf) return { scenario: rest, asOf: null, refused: null };
  const shiftedDays = minusYears(parseIsoDate(asOf), years);
  const shifted = formatIsoDate(shiftedDays);
  for (let r = 0; r < prevRegDays.length; r++) if (prevRegDays[r] > shiftedDays) return { scenario: rest, asOf: null, refused: shifted };
  return { scenario: { ...rest, asOf: shifted }, asOf: shifted, refused: null };
}
