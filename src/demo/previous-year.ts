import { FIELD_BY_ID } from '../data/fields.ts';
import { parseDate } from '../data/parse-date.ts';
import { daysFromCivil } from '../engine/calendar.ts';
import { DEMO_FIELD_IDS } from './columns.ts';
import { makeEnterprise, type DemoRecord } from './enterprise.ts';
import { DEMO_EVALUATION_YEAR, DEMO_SEED, demoRecords, type DemoOptions } from './generate.ts';
import { Rng } from './prng.ts';

/**
 * The demo's previous evaluation year (2022), for 年度对比: the same enterprises a year earlier,
 * derived from this year's records with a known set of changes, so a test can say what the year
 * on year view must find:
 * - an enterprise registered after the end of 2022 is not in last year's data (new this year), and
 *   about 2% of the others were not reported last year;
 * - one enterprise in 80 of last year's data has closed since (a code this year's data lacks);
 * - a two-year fact's value last year is this year's "previous year" column (研发费用 2022 is the
 *   2022 column of this year's file), and its own previous year is that value over a growth factor;
 * - every other number is this year's times a factor drawn per enterprise (0.7–1.05; counts
 *   rounded), so most enterprises grew;
 * - no veto holds last year: every enterprise cleared this year (清零) was not cleared then;
 * - text (name, address, city, industry, types, the bonus yes/no fields) is unchanged, and so is
 *   the registration date: an enterprise is a year younger at 2022-12-31, so some are in an earlier
 *   stage then.
 */
export const DEMO_PREVIOUS_YEAR = DEMO_EVALUATION_YEAR - 1;

const PREVIOUS_END = daysFromCivil(DEMO_PREVIOUS_YEAR, 12, 31);
const VETO_FIELDS = ['major_safety_accident', 'research_blacklist', 'dishonest_debtor', 'tax_arrears', 'social_insurance_violation'];
const TWO_YEAR = DEMO_FIELD_IDS.filter((id) => id.endsWith('_prev')).map((id) => id.slice(0, -5));
const round2 = (v: number) => Math.round(v * 100) / 100;

function isCount(id: string): boolean {
  return FIELD_BY_ID.get(id)?.type === 'count';
}
function isMoney(id: string): boolean {
  return FIELD_BY_ID.get(id)?.type === 'number';
}

/** Last year's record of an enterprise (`rng` draws its factors), or null when it was not in last year's data. */
export function previousYearRecord(rec: DemoRecord, rng: Rng): DemoRecord | null {
  const factor = 0.7 + 0.35 * rng.next();
  const growth = 1 + 0.1 + 0.25 * rng.normal();
  const unreported = rng.chance(0.02);
  const reg = parseDate(rec.registration_date);
  // A missing or unreadable date stays in (excluded in both years alike); a later one is new this year.
  if (reg.ok && reg.days > PREVIOUS_END) return null;
  if (unreported) return null;
  const out: DemoRecord = { ...rec };
  const twoYear = new Set(TWO_YEAR);
  for (const id of DEMO_FIELD_IDS) {
    const v = rec[id];
    if (id.endsWith('_prev') || twoYear.has(id)) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (isCount(id)) out[id] = Math.round(v * factor);
    else if (isMoney(id)) out[id] = round2(v * factor);
  }
  for (const id of TWO_YEAR) {
    const prev = rec[`${id}_prev`];
    out[id] = prev;
    out[`${id}_prev`] = typeof prev === 'number' ? (isCount(id) ? Math.round(prev / Math.max(0.5, growth)) : round2(prev / Math.max(0.3, growth))) : prev;
  }
  for (const id of VETO_FIELDS) if (out[id] !== null && out[id] !== undefined) out[id] = '否';
  return out;
}

/** An enterprise of last year's data that has closed since (serials past this year's rows: codes of its own), or null when registered too late. */
function closedEnterprise(rng: Rng, serial: number): DemoRecord | null {
  const rec = makeEnterprise(rng, serial);
  const reg = parseDate(rec.registration_date);
  if (!reg.ok || reg.days > PREVIOUS_END) return null;
  for (const id of VETO_FIELDS) rec[id] = '否';
  return rec;
}

/** The previous year's records, in this year's order, one closed enterprise after every 80th (their own seeds). */
export function* demoPreviousRecords(opts: DemoOptions): Generator<DemoRecord> {
  const seed = opts.seed ?? DEMO_SEED;
  const rng = new Rng((seed ^ 0x5eed2022) >>> 0);
  const closed = new Rng((seed ^ 0xc105ed) >>> 0);
  let i = 0;
  let extra = 0;
  for (const rec of demoRecords(opts)) {
    const prev = previousYearRecord(rec, rng);
    if (prev) yield prev;
    if (++i % 80 === 0) {
      const gone = closedEnterprise(closed, opts.rows + extra++);
      if (gone) yield gone;
    }
  }
}
