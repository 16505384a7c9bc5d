import { NORMALIZATION_METHODS, prepare, rescore, type Columns, type IndicatorSystem, type NormalizationMethod, type Toggles } from '../../engine/index.ts';
import { agreementVerdict, type Verdict } from './agreement-verdict.ts';
import { kendallTauB } from './kendall.ts';
import { pairMatrix, topOverlap } from './overlap.ts';
import { spearman } from './spearman.ts';

export interface MethodAgreementInput {
  system: IndicatorSystem;
  columns: Columns;
  n: number;
  stage: Uint8Array;
  weights: Float64Array;
  toggles: Toggles;
  /** Winsorisation percentiles for the methods that use them; default 0.01 / 0.99. */
  quantiles?: [number, number];
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
 * 多种积分量化方法的吻合度: the same data and weights scored under every normalisation method
 * (one prepare each), compared pairwise by Spearman ρ, Kendall τ-b and top-N overlap, with a
 * plain-language verdict (agreement-verdict.ts).
 */
export function methodAgreement(input: MethodAgreementInput): MethodAgreement {
  const methods = input.methods ?? NORMALIZATION_METHODS;
  const [lo, hi] = input.quantiles ?? [0.01, 0.99];
  const topN = input.topN ?? Math.max(1, Math.min(100, Math.ceil(input.n * 0.1)));
  const ranks = methods.map((method) => {
    const p = prepare({ system: input.system, columns: input.columns, n: input.n, stage: input.stage, normalization: { method, lowerQuantile: lo, upperQuantile: hi } });
    return rescore(p, input.weights, input.toggles).rank;
  });
  const m = methods.length;
  const rho = pairMatrix(m, (i, j) => spearman(ranks[i], ranks[j]));
  const tau = pairMatrix(m, (i, j) => kendallTauB(ranks[i], ranks[j]));
  const ov = pairMatrix(m, (i, j) => topOverlap(ranks[i], ranks[j], topN));
  return { methods, spearman: rho, kendall: tau, topOverlap: ov, topN, ranks, verdict: agreementVerdict(methods, rho, ov, topN) };
}
