import type { NormalizationMethod } from '../types.ts';
import type { NormalizeFn } from './method.ts';
import { winsorizedMinmax } from './winsorized-minmax.ts';
import { minmax } from './minmax.ts';
import { zscore } from './zscore.ts';
import { percentileRank } from './percentile-rank.ts';
import { logMinmax } from './log-minmax.ts';
import { efficacy } from './efficacy.ts';

export type { NormalizeFn, NormalizeContext } from './method.ts';
export { QUANTILE_METHODS, usesQuantiles, canonicalSpec, specKey } from './method.ts';

/** The normalisation methods by name; see each file and docs/methodology.md for the formulas. */
export const NORMALIZERS: Readonly<Record<NormalizationMethod, NormalizeFn>> = {
  'winsorized-minmax': winsorizedMinmax,
  minmax,
  zscore,
  'percentile-rank': percentileRank,
  'log-minmax': logMinmax,
  efficacy,
};

export const NORMALIZATION_METHODS = Object.keys(NORMALIZERS) as NormalizationMethod[];

export function normalizer(method: string): NormalizeFn {
  const fn = (NORMALIZERS as Record<string, NormalizeFn | undefined>)[method];
  if (!fn) throw new Error(`unknown normalisation method "${method}"; known: ${NORMALIZATION_METHODS.join(', ')}`);
  return fn;
}
