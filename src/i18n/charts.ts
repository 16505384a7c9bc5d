import { COMMON } from './common.ts';
import type { Lang } from './lang.ts';

/** Chart titles and axis labels, Chinese first. */
const zh = {
  scoreHistogram: '得分分布',
  scoreHistogramByStage: '各阶段得分分布',
  stageDistributions: '各阶段得分分布对比',
  stageDistributionsSub: '纵轴为阶段内占比，竖线为中位数',
  heatmap: '各阶段指标平均标准化值',
  heatmapSub: '标准化值 s ∈ [0, 1]；缺失值计为 0',
  profile: '积分构成',
  profileSub: '各指标得分 + 加分 = 总分',
  vetoNote: '触发否决指标，得分清零',
  weights: '指标权重',
  weightsSub: '竖线为公布权重',
  score: COMMON.zh.score,
  count: COMMON.zh.enterprises,
  share: '阶段内占比',
  stage: COMMON.zh.stage,
  indicator: COMMON.zh.indicator,
  mean: '平均标准化值',
  points: '得分',
  weight: COMMON.zh.weight,
  published: '公布权重',
  bonus: '加分项',
  veto: '否决清零',
  total: '总分',
  kind: '类别',
  indicatorKind: '指标得分',
  median: COMMON.zh.median,
  from: '起',
  to: '止',
  all: COMMON.zh.all,
};

export type ChartText = typeof zh;

const en: ChartText = {
  scoreHistogram: 'Score distribution',
  scoreHistogramByStage: 'Score distribution by stage',
  stageDistributions: 'Score distributions by stage',
  stageDistributionsSub: 'Share of the stage per bin; the rule marks the median',
  heatmap: 'Mean normalised value per indicator and stage',
  heatmapSub: 'Normalised value s ∈ [0, 1]; a missing value counts as 0',
  profile: 'Points breakdown',
  profileSub: 'Indicator points + bonus = score',
  vetoNote: 'A veto applies: the score is set to 0',
  weights: 'Indicator weights',
  weightsSub: 'Ticks mark the published weights',
  score: COMMON.en.score,
  count: COMMON.en.enterprises,
  share: 'Share of stage',
  stage: COMMON.en.stage,
  indicator: COMMON.en.indicator,
  mean: 'Mean normalised value',
  points: 'Points',
  weight: COMMON.en.weight,
  published: 'Published weight',
  bonus: 'Bonus',
  veto: 'Veto (set to 0)',
  total: 'Score',
  kind: 'Kind',
  indicatorKind: 'Indicator points',
  median: COMMON.en.median,
  from: 'From',
  to: 'To',
  all: COMMON.en.all,
};

export const CHARTS: Record<Lang, ChartText> = { zh, en };

export function chartText(lang: Lang): ChartText {
  return CHARTS[lang];
}
