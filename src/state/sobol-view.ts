/**
 * What the 方差敏感性 view and the profile show of a Sobol result, as pure functions (tested in
 * tests/state/sobol-view.test.ts): the N field's rule, one table per output sorted by the total
 * index, the plain-language sentence, and one enterprise's dominant weight.
 */
import { describeRule } from '../i18n/whatif.ts';
import type { ListRule } from '../whatif/lists/index.ts';
import { dominantFactor, type SobolOutputId, type SobolResult } from '../whatif/sobol/index.ts';
import { sobolText } from '../i18n/sobol.ts';
import type { Lang } from '../i18n/lang.ts';

/** Largest N the form accepts: N = 100,000 with 18 indicators is 2 million re-scorings, hours here. */
export const MAX_UI_SAMPLES = 100_000;

/** The N field's value, or null when it is not a whole number in 2..MAX_UI_SAMPLES (the field then says so). */
export function parseSamples(text: string): number | null {
  const s = text.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= 2 && n <= MAX_UI_SAMPLES ? n : null;
}

/** Re-scorings of a run: A, B and one A_B^i per factor for each base sample. */
export function sobolEvaluations(samples: number, d: number): number {
  return samples * (d + 2);
}

export interface SobolRowView {
  factor: number;
  name: string;
  /** The scenario's weight of this indicator in each stage (stage order). */
  nominal: number[];
  S: number;
  sLo: number;
  sHi: number;
  ST: number;
  stLo: number;
  stHi: number;
}

export interface SobolOutputView {
  id: SobolOutputId;
  defined: boolean;
  /** The estimator's reason when not defined (translated by src/i18n/sobol.ts `reason`). */
  reason: string | null;
  /** One row per indicator, largest total index first (ties and NaN by system order). */
  rows: SobolRowView[];
}

/** The tables of a result: `names` in the reader's language, `weights` the scenario's `w[stage·k + i]`. */
export function sobolOutputViews(res: SobolResult, names: readonly string[], weights: ArrayLike<number>, stages: number): SobolOutputView[] {
  const d = res.d;
  if (names.length !== d || weights.length !== stages * d) throw new Error(`Sobol view: ${names.length} names and ${weights.length} weights for ${d} factors × ${stages} stages`);
  return res.outputs.map(({ id, indices: x }) => {
    const rows: SobolRowView[] = Array.from({ length: d }, (_, i) => ({
      factor: i,
      name: names[i],
      nominal: Array.from({ length: stages }, (_, g) => weights[g * d + i]),
      S: x.S[i],
      sLo: x.ciS.lo[i],
      sHi: x.ciS.hi[i],
      ST: x.ST[i],
      stLo: x.ciST.lo[i],
      stHi: x.ciST.hi[i],
    }));
    const key = (r: SobolRowView) => (Number.isFinite(r.ST) ? r.ST : -Infinity);
    rows.sort((a, b) => key(b) - key(a) || a.factor - b.factor);
    return { id, defined: x.defined, reason: x.defined ? null : (x.reason ?? ''), rows };
  });
}

/**
 * "对前 100 名名单影响最大的是「…」的权重": the weight with the largest total index for the list
 * churn (b); without a list rule or when (b) is not defined, for the mean rank shift (a); null when
 * neither is defined.
 */
export function sobolSentence(views: readonly SobolOutputView[], rule: ListRule | null, lang: Lang): string | null {
  const t = sobolText(lang);
  const fmt = (x: number) => x.toFixed(2);
  const churn = views.find((v) => v.id === 'listChurn');
  if (churn?.defined && rule) {
    const top = churn.rows[0];
    const list = rule.kind === 'top-n' && (rule.scope ?? 'overall') === 'overall' ? t.topList(rule.n) : t.ruleList(describeRule(rule, lang));
    return t.sentence(list, top.name, fmt(top.ST));
  }
  const shift = views.find((v) => v.id === 'meanRankShift');
  if (shift?.defined) return t.sentenceShift(shift.rows[0].name, fmt(shift.rows[0].ST));
  return null;
}

/** Enterprise `row`'s largest-S_T weight; `{ factor: null }` when its rank never moved; null for a row outside the run. */
export function profileFactor(res: SobolResult, row: number): ReturnType<typeof dominantFactor> | null {
  if (!(Number.isInteger(row) && row >= 0 && row < res.n)) return null;
  return dominantFactor(res, row);
}
