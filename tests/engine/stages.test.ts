import { describe, expect, it } from 'vitest';
import { assignStages, daysFromCivil, minusYears, NO_STAGE, parseIsoDate, type StageDef } from '../../src/engine/index.ts';

const sichuan: StageDef[] = [
  { id: 'initial', name: { zh: '初创期', en: 'initial' }, maxAgeYears: 5 },
  { id: 'growth', name: { zh: '成长期', en: 'growth' }, maxAgeYears: 10 },
  { id: 'stable', name: { zh: '稳定期', en: 'stable' } },
];
const d = (iso: string) => parseIsoDate(iso);
const stagesOf = (asOf: string, dates: string[]) =>
  Array.from(assignStages(Float64Array.from(dates.map(d)), d(asOf), sichuan)).map((i) => (i === NO_STAGE ? 'none' : sichuan[i].id));

describe('calendar', () => {
  it('counts days from 1970-01-01', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017); // 30 years incl. 7 leap days (72..96, 2000 Feb) = 10957 + 31 + 29
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
  });
  it('subtracts years keeping month and day; 29 Feb → 28 Feb', () => {
    expect(minusYears(d('2023-12-31'), 5)).toBe(d('2018-12-31'));
    expect(minusYears(d('2024-02-29'), 5)).toBe(d('2019-02-28'));
    expect(minusYears(d('2024-02-29'), 4)).toBe(d('2020-02-29'));
  });
  it('rejects dates that do not exist', () => {
    expect(parseIsoDate('2023-02-29')).toBeNaN();
    expect(parseIsoDate('2023-13-01')).toBeNaN();
  });
});

describe('stage assignment (scoring.md §2)', () => {
  it('puts the boundary day itself in the younger stage', () => {
    // as_of 2023-12-31: as_of − 5y = 2018-12-31, as_of − 10y = 2013-12-31
    expect(stagesOf('2023-12-31', ['2018-12-31', '2018-12-30', '2013-12-31', '2013-12-30', '2023-12-31'])).toEqual([
      'initial', // = as_of − 5y → initial (≥)
      'growth', // one day older
      'growth', // = as_of − 10y → growth (≥)
      'stable', // one day older
      'initial',
    ]);
  });
  it('handles an as-of date of 29 February', () => {
    // as_of 2024-02-29: − 5y = 2019-02-28 (no 29 Feb in 2019), − 10y = 2014-02-28
    expect(stagesOf('2024-02-29', ['2019-02-28', '2019-02-27', '2014-02-28', '2014-02-27'])).toEqual(['initial', 'growth', 'growth', 'stable']);
  });
  it('handles a registration on 29 February', () => {
    // as_of 2025-02-28: − 5y = 2020-02-28, so 2020-02-29 ≥ it → initial; 2020-02-27 → growth
    expect(stagesOf('2025-02-28', ['2020-02-29', '2020-02-28', '2020-02-27'])).toEqual(['initial', 'initial', 'growth']);
  });
  it('gives NO_STAGE to a missing date', () => {
    expect(stagesOf('2023-12-31', ['bad'])).toEqual(['none']);
  });
  it('requires every stage but the last to be bounded', () => {
    expect(() =>
      assignStages(new Float64Array(1), 0, [
        { id: 'a', name: { zh: 'a', en: 'a' } },
        { id: 'b', name: { zh: 'b', en: 'b' } },
      ]),
    ).toThrow(/maxAgeYears/);
  });
});
