import { COMMON } from './common.ts';
import type { Lang } from './lang.ts';

/** Titles and axis labels of the what-if charts, Chinese first. */
const zh = {
  tornado: '单因素权重敏感性（龙卷风图）',
  tornadoSub: (pct: string) => `各指标权重上调 / 下调 ${pct}（同阶段其余权重按比例调整）后的平均名次变化`,
  meanAbs: '平均名次变化（绝对值）',
  indicator: COMMON.zh.indicator,
  direction: '方向',
  up: '上调',
  down: '下调',
  entries: '进入名单',
  exits: '退出名单',
  shift: '名次对比',
  shiftSub: '每格为企业数；对角线上表示名次基本不变',
  rankA: '方案 A 名次',
  rankB: '方案 B 名次',
  count: COMMON.zh.enterprises,
  interval: '名次不确定性（前列企业）',
  intervalSub: (samples: number) => `${samples} 次抽样：点为中位名次，线为 5%–95% 区间`,
  enterprise: '企业',
  median: '中位名次',
  p05: '5% 分位名次',
  p95: '95% 分位名次',
  rank0: '当前名次',
  pTop: (n: number) => `进入前 ${n} 名的概率`,
  correlation: '排名相关系数',
  rho: COMMON.zh.spearman,
  sobol: '各权重的方差贡献',
  sobolSub: (output: string, n: number) => `${output}；${n} 个基础样本，细线为 95% 区间`,
  sobolFirst: '一阶指数 S_i',
  sobolTotal: '总效应指数 S_T',
  sobolIndex: '指数',
  sobolKind: '指数类型',
  sobolLo: '95% 区间下限',
  sobolHi: '95% 区间上限',
};

export type WhatifChartText = typeof zh;

const en: WhatifChartText = {
  tornado: 'One-at-a-time weight sensitivity (tornado)',
  tornadoSub: (pct: string) => `Mean rank change when a weight moves up / down by ${pct} (the others of its stage rescaled)`,
  meanAbs: 'Mean absolute rank change',
  indicator: COMMON.en.indicator,
  direction: 'Direction',
  up: 'Up',
  down: 'Down',
  entries: 'List entries',
  exits: 'List exits',
  shift: 'Rank under A vs B',
  shiftSub: 'Enterprises per cell; the diagonal means an unchanged rank',
  rankA: 'Rank under A',
  rankB: 'Rank under B',
  count: COMMON.en.enterprises,
  interval: 'Rank uncertainty (top of the ranking)',
  intervalSub: (samples: number) => `${samples} samples: dot = median rank, line = 5–95% interval`,
  enterprise: 'Enterprise',
  median: 'Median rank',
  p05: '5th percentile rank',
  p95: '95th percentile rank',
  rank0: 'Current rank',
  pTop: (n: number) => `P(top ${n})`,
  correlation: 'Rank correlation',
  rho: COMMON.en.spearman,
  sobol: 'Variance share of each weight',
  sobolSub: (output: string, n: number) => `${output}; ${n} base samples, thin lines = 95% intervals`,
  sobolFirst: 'First-order S_i',
  sobolTotal: 'Total S_T',
  sobolIndex: 'Index',
  sobolKind: 'Index',
  sobolLo: '95% interval low',
  sobolHi: '95% interval high',
};

export const WHATIF_CHARTS: Record<Lang, WhatifChartText> = { zh, en };

export function whatifChartText(lang: Lang): WhatifChartText {
  return WHATIF_CHARTS[lang];
}
