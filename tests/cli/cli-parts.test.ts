import { describe, expect, it } from 'vitest';
import { parseScoreArgs } from '../../src/cli/args.ts';
import { resolveAsOf } from '../../src/cli/as-of.ts';
import { CliError } from '../../src/cli/cli-error.ts';
import { expandExponent, formatNumber } from '../../src/cli/format-number.ts';
import { formatOutputCsv, orderByRank, outputOrder } from '../../src/cli/output-csv.ts';
import { requiredFields } from '../../src/data/system-fields.ts';
import { getSystem } from '../../src/systems/index.ts';
import { plain } from '../helpers/arrays.ts';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [8, '8'],
    [1.5, '1.5'],
    [0.1 + 0.2, '0.30000000000000004'], // shortest round-trip form, all 17 digits
    [1 / 3, '0.3333333333333333'],
    [1e-7, '0.0000001'],
    [1.25e-7, '0.000000125'],
    [-2.5e-8, '-0.000000025'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [123456789.123, '123456789.123'],
  ])('%d → %s', (x, text) => {
    expect(formatNumber(x)).toBe(text);
    expect(Number(formatNumber(x))).toBe(x === 0 ? 0 : x); // reads back exactly
  });

  it('expandExponent', () => {
    expect(expandExponent('1.2345e+2')).toBe('123.45');
    expect(expandExponent('5e-1')).toBe('0.5');
  });
});

describe('OUT.csv', () => {
  it('orders by score descending, then uscc ascending', () => {
    const uscc = ['B', 'A', 'C', 'D'];
    const score = Float64Array.from([1, 1, 5, 0]);
    expect(plain(outputOrder(score, uscc))).toEqual([2, 1, 0, 3]);
  });

  it('orders by the engine ranks, equal ranks by uscc, when the ranks follow the scores', () => {
    // scores 3, 7, 3, 9 → competition ranks 3, 2, 3, 1; the two 3s are ordered A before C.
    const uscc = ['C', 'B', 'A', 'D'];
    const score = Float64Array.from([3, 7, 3, 9]);
    const rank = [3, 2, 3, 1];
    expect(plain(orderByRank(score, uscc, rank)!)).toEqual([3, 1, 2, 0]);
    expect(plain(outputOrder(score, uscc, rank))).toEqual([3, 1, 2, 0]);
  });

  it('refuses ranks that do not follow the scores, and outputOrder then sorts', () => {
    const uscc = ['A', 'B'];
    const score = Float64Array.from([1, 2]);
    expect(orderByRank(score, uscc, [1, 2])).toBeUndefined(); // row 0 ranked first but scores lower
    expect(orderByRank(score, uscc, [0, 1])).toBeUndefined(); // rank 0 is out of range
    expect(orderByRank(Float64Array.from([NaN, 2]), uscc, [2, 1])).toBeUndefined();
    expect(orderByRank(Float64Array.from([2, 2]), ['A', 'A'], [1, 1])).toBeUndefined(); // equal codes: no strict order
    expect(plain(outputOrder(score, uscc, [1, 2]))).toEqual([1, 0]);
  });

  it('writes the exact header, stage ids, true/false and ranks', () => {
    const text = formatOutputCsv({
      uscc: ['X2', 'X1'],
      stage: ['growth', 'initial'],
      base: [4, 10.5],
      bonus: [0, 0.2],
      score: [0, 10.7],
      vetoed: [1, 0],
      rank: [2, 1],
      stageRank: [1, 1],
    });
    expect(text).toBe('uscc,stage,base,bonus,vetoed,score,rank,stage_rank\nX1,initial,10.5,0.2,false,10.7,1,1\nX2,growth,4,0,true,0,2,1\n');
  });
});

describe('arguments', () => {
  it('parses the documented options', () => {
    expect(parseScoreArgs(['--system', 's', '--input', 'i.csv', '--output', 'o.csv', '--as-of', '2023-12-31', '--scenario', 'x.json'])).toEqual({
      system: 's',
      input: 'i.csv',
      output: 'o.csv',
      asOf: '2023-12-31',
      scenario: 'x.json',
    });
  });

  it('refuses missing and unknown options with one sentence', () => {
    expect(() => parseScoreArgs(['--system', 's', '--input', 'i.csv'])).toThrow(/^Missing --output; usage:/);
    expect(() => parseScoreArgs(['--system', 's', '--input', 'i', '--output', 'o', '--fast'])).toThrow(CliError);
    expect(() => parseScoreArgs(['--system', 's', '--input', 'i', '--output', 'o', 'extra'])).toThrow(CliError);
  });
});

describe('as-of date', () => {
  // 2023-12-31 = 2024-01-01 (19723, see tests/data/parse-date.test.ts) − 1 = 19722.
  it('--as-of, then the scenario, then 31 December of the evaluation year', () => {
    expect(resolveAsOf('2023-12-31', '2020-01-01', 2019, 'f.csv')).toBe(19722);
    expect(resolveAsOf(undefined, '2023-12-31', 2019, 'f.csv')).toBe(19722);
    expect(resolveAsOf(undefined, undefined, 2023, 'f.csv')).toBe(19722);
  });

  it('fails with a sentence asking for --as-of', () => {
    expect(() => resolveAsOf(undefined, undefined, undefined, 'f.csv')).toThrow(/pass --as-of YYYY-MM-DD\.$/);
    expect(() => resolveAsOf('2023-02-29', undefined, 2023, 'f.csv')).toThrow(/not a real date/);
  });
});

describe('required columns', () => {
  it('Sichuan: keys plus every indicator field; bonus and veto fields are optional', () => {
    const req = requiredFields(getSystem('sichuan-2024')!).sort();
    expect(req).toEqual(
      [
        'uscc',
        'registration_date',
        'rd_expense',
        'rd_expense_prev',
        'revenue',
        'revenue_prev',
        'tech_staff',
        'employees',
        'invention_applications',
        'pct_applications',
        'tech_contract_value',
        'high_tech_revenue',
        'postgrad_staff',
        'rd_tax_relief',
        'net_profit',
        'equity_begin',
        'equity_end',
        'new_graduates',
        'platforms',
        'platforms_prev',
        'awards',
        'awards_prev',
        'projects',
        'projects_prev',
        'venture_capital',
      ].sort(),
    );
  });
});
