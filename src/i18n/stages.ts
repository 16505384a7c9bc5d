import { COMMON } from './common.ts';
import type { Lang } from './lang.ts';
/** Texts of the 阶段对比 view, Chinese first. */
const zh = {
  title: '阶段对比',
  distributions: '各阶段得分分布',
  summary: '各阶段得分概况',
  stage: COMMON.zh.stage,
  count: COMMON.zh.enterprises,
  mean: COMMON.zh.mean,
  median: COMMON.zh.median,
  p10: '第10百分位',
  p90: '第90百分位',
  vetoed: '被否决',
  means: '各阶段指标平均标准化值',
  meansNote: '标准化值 s ∈ [0, 1]，缺失值计为 0。',
  indicator: COMMON.zh.indicator,
  comparison: '换用其他阶段权重后的排名变化',
  comparisonIntro: (share: string) =>
    `对同一批企业分别用各阶段的权重计算基础分（不含加分与否决），比较排名：表中为“按行所示权重的前 ${share} 企业中，换用列所示权重后跌出前 ${share} 的比例”。`,
  scoredWith: (stage: string) => `按${stage}权重`,
  own: '实际（各自阶段权重）',
  topChanged: (share: string) => `前 ${share} 变化比例`,
  spearman: '斯皮尔曼等级相关系数',
  rowsCompared: (n: string, top: string) => `参与比较企业 ${n} 家，前列 ${top} 家（并列者一并计入）。`,
  run: '计算对比',
  running: COMMON.zh.computing,
  notYet: '尚未计算。',
  empty: '暂无数据',
};

export type StagesText = typeof zh;

const en: StagesText = {
  title: 'Stages',
  distributions: 'Score distributions by stage',
  summary: 'Scores by stage',
  stage: COMMON.en.stage,
  count: COMMON.en.enterprises,
  mean: COMMON.en.mean,
  median: COMMON.en.median,
  p10: '10th percentile',
  p90: '90th percentile',
  vetoed: 'Vetoed',
  means: 'Mean normalised value per indicator and stage',
  meansNote: 'Normalised value s ∈ [0, 1]; a missing value counts as 0.',
  indicator: COMMON.en.indicator,
  comparison: 'How rankings change under another stage’s weights',
  comparisonIntro: (share: string) =>
    `The same enterprises are scored (base only, no bonus or veto) with each stage’s weights. Each cell: the share of the top ${share} under the row’s weights that drops out of the top ${share} under the column’s weights.`,
  scoredWith: (stage: string) => `${stage} weights`,
  own: 'Actual (own stage’s weights)',
  topChanged: (share: string) => `Share of the top ${share} that changes`,
  spearman: 'Spearman rank correlation',
  rowsCompared: (n: string, top: string) => `${n} enterprises compared; the top holds ${top} (ties at the cut included).`,
  run: 'Compare',
  running: COMMON.en.computing,
  notYet: 'Not computed yet.',
  empty: 'No data',
};

export const STAGES: Record<Lang, StagesText> = { zh, en };

export function stagesText(lang: Lang): StagesText {
  return STAGES[lang];
}
