import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../src/engine/calendar.ts';
import { previousScenario } from '../../../src/whatif/yoy/previous-scenario.ts';

describe('last year’s scenario in 年度对比', () => {
  const reg = Float64Array.of(daysFromCivil(2010, 5, 1), daysFromCivil(2022, 3, 1), NaN);
  it('keeps no as-of date when the scenario sets none', () => {
    expect(previousScenario({ version: 1, systemId: 's', weightMode: 'free' }, reg)).toEqual({
      scenario: { version: 1, systemId: 's', weightMode: 'free' },
      asOf: null,
      refused: null,
    });
  });
  it('moves the as-of date back one calendar year (29 February → 28 February)', () => {
    expect(previousScenario({ version: 1, systemId: 's', asOf: '2023-06-30' }, reg)).toEqual({
      scenario: { version: 1, systemId: 's', asOf: '2022-06-30' },
      asOf: '2022-06-30',
      refused: null,
    });
    expect(previousScenario({ version: 1, systemId: 's', asOf: '2024-02-29' }, reg).asOf).toBe('2023-02-28');
    // Data sets two evaluation years apart: two years back.
    expect(previousScenario({ version: 1, systemId: 's', asOf: '2024-06-30' }, reg, 2).asOf).toBe('2022-06-30');
  });
  it('refuses a shifted date before one of last year’s registrations, and uses the default', () => {
    // 2023-02-01 − 1 year = 2022-02-01, before the registration of 2022-03-01.
    expect(previousScenario({ version: 1, systemId: 's', asOf: '2023-02-01' }, reg)).toEqual({ scenario: { version: 1, systemId: 's' }, asOf: null, refused: '2022-02-01' });
    // The registration day itself is allowed (a row registered on the as-of date is scored).
    expect(previousScenario({ version: 1, systemId: 's', asOf: '2023-03-01' }, reg).asOf).toBe('2022-03-01');
  });
});
