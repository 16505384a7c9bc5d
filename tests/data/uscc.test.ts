import { describe, expect, it } from 'vitest';
import { isValidUscc, makeUscc, normalizeUscc, usccCheckChar, usccProblem } from '../../src/data/uscc.ts';

// Character values: 0–9 → 0–9, A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25
// T26 U27 W28 X29 Y30. Weights of positions 1–17: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.

describe('USCC check character (GB 32100-2015)', () => {
  it('91350100M000100Y4 → 3', () => {
    // 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13 + 1·8
    //   + 0·24 + 0·10 + Y(30)·30 + 4·28
    // = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31 = 1640 − 1612 = 28;
    // 31 − 28 = 3.
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('91440300192203821 → 6', () => {
    // 9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16 + 0·17 + 1·20 + 9·29 + 2·25 + 2·13 + 0·8
    //   + 3·24 + 8·10 + 2·30 + 1·28
    // = 9 + 3 + 36 + 108 + 78 + 20 + 261 + 50 + 26 + 72 + 80 + 60 + 28 = 831;
    // 831 mod 31 = 831 − 806 = 25; 31 − 25 = 6.
    expect(usccCheckChar('91440300192203821')).toBe('6');
    expect(isValidUscc('914403001922038216')).toBe(true);
  });

  it('91510100000000000 → E', () => {
    // 9·1 + 1·3 + 5·9 + 1·27 + 0 + 1·26 = 110; 110 mod 31 = 17; 31 − 17 = 14 → E.
    expect(usccCheckChar('91510100000000000')).toBe('E');
  });

  it('a sum divisible by 31 gives 0 (31 → 0)', () => {
    // all zeros: Σ = 0, 31 − 0 = 31 → 0.
    expect(usccCheckChar('00000000000000000')).toBe('0');
    // 1·1 + M(21)·28 = 589 = 19·31 → 31 − 0 → 0.
    expect(usccCheckChar('1000000000000000M')).toBe('0');
    expect(isValidUscc('1000000000000000M0')).toBe(true);
  });

  it('classifies problems', () => {
    expect(usccProblem('')).toBe('missing');
    expect(usccProblem('91350100M000100Y4')).toBe('length');
    expect(usccProblem('91350100M000100Y433')).toBe('length');
    expect(usccProblem('91350100M000100Y44')).toBe('check-digit');
    expect(usccProblem('91350100I000100Y43')).toBe('charset'); // I is never used
    expect(usccProblem('91350100M000100Y4I')).toBe('charset');
    expect(usccProblem('91350100M000100Y43')).toBeUndefined();
  });

  it('trims and upper-cases (also full-width) before checking', () => {
    expect(normalizeUscc('  91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(isValidUscc(' 91350100m000100y43\t')).toBe(true);
    expect(isValidUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe(true);
  });

  it('makeUscc appends the check character and rejects bad input', () => {
    expect(makeUscc('91350100M000100Y4')).toBe('91350100M000100Y43');
    expect(makeUscc('1000000000000000M')).toBe('1000000000000000M0');
    expect(() => makeUscc('9135')).toThrow();
    expect(() => makeUscc('91350100O000100Y4')).toThrow(); // O is not in the charset
  });
});
