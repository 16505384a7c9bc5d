import type { Label } from '../../engine/index.ts';

/**
 * Plain-language verdict on how well several rankings agree (methods or systems), from the
 * smallest pairwise Spearman ρ and the smallest top-N overlap:
 *   high (高度吻合)      min ρ ≥ 0.90 and min overlap ≥ 0.80
 *   moderate (基本吻合)  min ρ ≥ 0.70 and min overlap ≥ 0.50
 *   low (吻合度较低)     otherwise
 * Thresholds follow the usual reading of rank correlations (≥ 0.9 very strong, ≥ 0.7 strong);
 * the overlap condition guards the list, which is what a policy acts on.
 */
export const VERDICT_THRESHOLDS = { high: { rho: 0.9, overlap: 0.8 }, moderate: { rho: 0.7, overlap: 0.5 } } as const;

export interface Verdict {
  level: 'high' | 'moderate' | 'low' | 'undefined';
  minSpearman: number;
  minOverlap: number;
  /** The least agreeing pair (indices into the names), by Spearman ρ. */
  weakest: [number, number] | null;
  text: Label;
}

export function agreementVerdict(names: string[], spearman: Float64Array, overlap: Float64Array, topN: number): Verdict {
  const m = names.length;
  let minRho = Infinity;
  let minOv = Infinity;
  let weakest: [number, number] | null = null;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const rho = spearman[i * m + j];
      if (rho < minRho) {
        minRho = rho;
        weakest = [i, j];
      }
      if (overlap[i * m + j] < minOv) minOv = overlap[i * m + j];
    }
  }
  if (!weakest || !Number.isFinite(minRho)) {
    return {
      level: 'undefined',
      minSpearman: NaN,
      minOverlap: NaN,
      weakest: null,
      text: { zh: '可比较的排名不足两个，无法判断吻合度。', en: 'Fewer than two comparable rankings: agreement cannot be judged.' },
    };
  }
  if (!Number.isFinite(minOv)) minOv = NaN;
  const t = VERDICT_THRESHOLDS;
  const level = minRho >= t.high.rho && minOv >= t.high.overlap ? 'high' : minRho >= t.moderate.rho && minOv >= t.moderate.overlap ? 'moderate' : 'low';
  const pair = `${names[weakest[0]]} / ${names[weakest[1]]}`;
  const rho = minRho.toFixed(2);
  const ov = Number.isFinite(minOv) ? `${Math.round(minOv * 100)}%` : '—';
  const text: Record<typeof level, Label> = {
    high: {
      zh: `高度吻合：各排名之间的斯皮尔曼 ρ 均不低于 ${rho}，前 ${topN} 名至少 ${ov} 相同。结论基本不受方法选择影响。`,
      en: `High agreement: every pair of rankings has Spearman ρ ≥ ${rho} and shares at least ${ov} of its top ${topN}. The conclusions hardly depend on the choice.`,
    },
    moderate: {
      zh: `基本吻合：最低斯皮尔曼 ρ 为 ${rho}（${pair}），前 ${topN} 名最少 ${ov} 相同。整体排序一致，但名单边缘的企业会随方法变化。`,
      en: `Moderate agreement: the lowest Spearman ρ is ${rho} (${pair}) and top-${topN} lists share at least ${ov}. The overall order holds, but firms near the list boundary change with the choice.`,
    },
    low: {
      zh: `吻合度较低：最低斯皮尔曼 ρ 为 ${rho}（${pair}），前 ${topN} 名最少只有 ${ov} 相同。名单明显取决于方法选择，建议说明所用方法并做敏感性分析。`,
      en: `Low agreement: the lowest Spearman ρ is ${rho} (${pair}) and top-${topN} lists share as little as ${ov}. The list depends on the choice; state the method used and check its sensitivity.`,
    },
  };
  return { level, minSpearman: minRho, minOverlap: minOv, weakest, text: text[level] };
}
