import { NORMALIZATION_METHODS, resolveNormalization, scoreScenario, type IndicatorSystem, type NormalizationMethod, type Population, type Scenario } from '../../engine/index.ts';
import { agreementVerdict, type Verdict } from './agreement-verdict.ts';
import { kendallTauB } from './kendall.ts';
import { pairMatrix, topOverlap } from './overlap.ts';
import { spearman } from './spearman.ts';

export interface MethodAgreementOptions {
  methods?: NormalizationMethod[];
  topN?: number;
}

export interface MethodAgreement {
  methods: NormalizationMethod[];
  /** m×m row-major matrices (diagonal 1). */
  spearman: Float64Array;
  kendall: Float64Array;
  topOverlap: Float64Array;
  topN: number;
  /** Overall rank per method (for a drill-down). */
  ranks: Int32Array[];
  verdict: Verdict;
}

/**
 * 多种积分量化方法的吻合度: the scenario scored under every normalisation method (its weights,
 * toggles, stages and percentiles; only the method changes), compared pairwise by Spearman ρ,
 * Kendall τ-b and top-N overlap, with a plain-language verdict (agreement-verdict.ts).
 */
export function methodAgreement(population: Population, system: IndicatorSystem, scenario: Scenario, opts: MethodAgreementOptions = {}): MethodAgreement {
  const methods = opts.methods ?? NORMALIZATION_METHODS;
  const normalization = resolveNormalization(scenario);
  const topN = opts.topN ?? Math.max(1, Math.min(100, Math.ceil(population.n * 0.1)));
  const ranks = methods.map((method) => scoreScenario(population, system, { ...scenario, normalization: { ...normalization, method } }).result.rank);
  const m = methods.length;
  const rho = pairMatrix(m, (i, j) => spearman(ranks[i], ranks[j]));
  const tau = pairMatrix(m, (i, j) => kendallTauB(ranks[i], ranks[j]));
  const ov = pairMatrix(m, (i, j) => topOverlap(ranks[i], ranks[j], topN));
  return { methods, spearman: rho, kendall: tau, topOverlap: ov, topN, ranks, verdict: agreementVerdict(methods, rho, ov, topN) };
}
