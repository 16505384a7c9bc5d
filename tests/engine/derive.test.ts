import { describe, expect, it } from 'vitest';
import { deriveValues, growth, ratio } from '../../src/engine/index.ts';
import { f64, plain } from '../helpers/arrays.ts';

describe('ratio rule (scoring.md §3)', () => {
  it('divides when the denominator is positive', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(-3, 4)).toBe(-0.75);
  });
  it('maps a zero denominator by the sign of the numerator', () => {
    expect(ratio(5, 0)).toBe(Infinity);
    expect(ratio(0, 0)).toBe(0); // 0/0 is 0, not NaN
    expect(ratio(-5, 0)).toBe(-Infinity);
    expect(ratio(5, -0)).toBe(Infinity); // −0 is a zero denominator, not a negative one
  });
  it('is missing for a negative denominator or a missing side', () => {
    expect(ratio(5, -1)).toBeNaN();
    expect(ratio(NaN, 2)).toBeNaN();
    expect(ratio(2, NaN)).toBeNaN();
  });
});

describe('growth rule', () => {
  it('is (y − prev)/prev', () => {
    expect(growth(150, 100)).toBe(0.5); // (150 − 100)/100
    expect(growth(50, 100)).toBe(-0.5);
  });
  it('follows the ratio rule when prev = 0 or prev < 0', () => {
    expect(growth(10, 0)).toBe(Infinity); // a = 10 > 0, b = 0
    expect(growth(0, 0)).toBe(0);
    expect(growth(-10, 0)).toBe(-Infinity);
    expect(growth(10, -5)).toBeNaN();
    expect(growth(NaN, 5)).toBeNaN();
  });
});

describe('deriveValues', () => {
  const cols = {
    a: f64([1, 2, NaN, 4]),
    b: f64([2, 0, 1, -1]),
    c: f64([10, 20, 30, NaN]),
  };
  it('sums fields, missing when either side is missing', () => {
    expect(plain(deriveValues({ kind: 'sum', fields: ['a', 'c'] }, cols, 4))).toEqual([11, 22, NaN, NaN]);
  });
  it('ratio with a summed denominator (roe: net_profit / (equity_begin + equity_end))', () => {
    // row 0: 1/(2+10) = 1/12; row 1: 2/(0+20) = 0.1; row 2: a missing; row 3: c missing
    expect(plain(deriveValues({ kind: 'ratio', numerator: 'a', denominator: ['b', 'c'] }, cols, 4))).toEqual([1 / 12, 0.1, NaN, NaN]);
  });
  it('growth per row', () => {
    // (c − a)/a: 9, 9, missing, missing
    expect(plain(deriveValues({ kind: 'growth', current: 'c', previous: 'a' }, cols, 4))).toEqual([9, 9, NaN, NaN]);
  });
  it('a field absent from the data is missing everywhere', () => {
    expect(plain(deriveValues({ kind: 'field', field: 'nope' }, cols, 4))).toEqual([NaN, NaN, NaN, NaN]);
  });
});
