import { describe, expect, it } from 'vitest';
import { withBonus, withMethod, withQuantiles, withVeto, usesQuantiles, validQuantiles, normalizationOf } from '../../src/state/scenario-edit.ts';
import { miniSystem } from '../helpers/mini-system.ts';

const sys = miniSystem(['a'], [], {
  vetoes: [
    { id: 'acc', name: { zh: '事故', en: 'accident' }, fields: ['acc'], mandatory: true, defaultActive: true },
    { id: 'tax', name: { zh: '欠税', en: 'tax' }, fields: ['tax'], mandatory: false, defaultActive: false },
  ],
});
const base = { version: 1 as const, systemId: 'mini' };

describe('scenario edits', () => {
  it('sets the method and keeps the quantiles', () => {
    const s = withMethod({ ...base, normalization: { lowerQuantile: 0.05 } }, 'zscore');
    expect(s.normalization).toEqual({ lowerQuantile: 0.05, method: 'zscore' });
    expect(normalizationOf(s)).toEqual({ method: 'zscore', lowerQuantile: 0.05, upperQuantile: 0.99 });
  });

  it('validates quantile pairs (0 ≤ lower < upper ≤ 1)', () => {
    expect(withQuantiles(base, 0.05, 0.95)?.normalization).toEqual({ lowerQuantile: 0.05, upperQuantile: 0.95 });
    expect(withQuantiles(base, 0.5, 0.5)).toBeNull();
    expect(withQuantiles(base, -0.1, 0.9)).toBeNull();
    expect(withQuantiles(base, 0.1, NaN)).toBeNull();
    expect(validQuantiles(0, 1)).toBe(true);
  });

  it('knows which methods use the quantiles', () => {
    expect(usesQuantiles('winsorized-minmax')).toBe(true);
    expect(usesQuantiles('efficacy')).toBe(true);
    expect(usesQuantiles('zscore')).toBe(false);
  });

  it('toggles bonus items and optional vetoes, never a mandatory veto', () => {
    expect(withBonus(base, 'honors', false).bonus).toEqual({ honors: false });
    expect(withVeto(sys, base, 'tax', true).vetoes).toEqual({ tax: true });
    expect(withVeto(sys, base, 'acc', false)).toBe(base);
    expect(() => withVeto(sys, base, 'nope', true)).toThrow(/unknown/);
  });
});
