import type { NormalizationMethod } from '../engine/index.ts';
import type { Lang } from './lang.ts';

/**
 * Words and punctuation several features share, so one concept has one translation. The feature
 * modules (app.ts, weights.ts, whatif.ts …) refer to these entries instead of repeating them.
 */
const zh = {
  stage: '阶段',
  indicator: '指标',
  weight: '权重',
  score: '得分',
  rank: '排名',
  base: '基础分',
  bonus: '加分',
  veto: '否决',
  enterprise: '企业名称',
  enterprises: '企业数',
  uscc: '统一社会信用代码',
  mean: '平均分',
  median: '中位数',
  count: '数量',
  all: '全部',
  save: '保存',
  cancel: '取消',
  delete: '删除',
  prev: '上一页',
  next: '下一页',
  pageOf: (page: number | string, pages: number | string) => `第 ${page} / ${pages} 页`,
  computing: '计算中…',
  flags: '数据提示',
  techField: '科技创新领域',
  city: '城市',
  evalYear: '评价年度',
  row: '行号',
  item: '项目',
  publishedBaseline: '公布权重（基准）',
  exportCsv: '导出 CSV',
  exportXlsx: '导出 XLSX',
  png: '导出 PNG',
  svg: '导出 SVG',
  missing: '缺失',
  reverse: '逆向',
  total: '合计',
  /** "名称：值" — the full-width colon of Chinese prose. */
  colon: '：',
  /** Separator of an enumeration (研发费用、营业收入). */
  listSep: '、',
  /** Separator of independent clauses or notes. */
  clauseSep: '；',
  /** A parenthetical after a word: 四川（2024 版）. */
  paren: (s: string) => `（${s}）`,
  spearman: '斯皮尔曼 ρ',
  kendall: '肯德尔 τ-b',
  /**
   * The normalisation methods by the names the published documents and the 方法说明 page use
   * (scoring.md §3): one name per method everywhere (picker, agreement table, report, exports).
   */
  methods: {
    'winsorized-minmax': '基于极端值调整的极值法',
    minmax: '极值法（最小–最大）',
    zscore: '标准化（Z分数）',
    'percentile-rank': '百分位排名',
    'log-minmax': '非线性无量纲（对数极值法）',
    efficacy: '功效系数法',
  } as Record<NormalizationMethod, string>,
};

export type CommonText = typeof zh;

const en: CommonText = {
  stage: 'Stage',
  indicator: 'Indicator',
  weight: 'Weight',
  score: 'Score',
  rank: 'Rank',
  base: 'Base',
  bonus: 'Bonus',
  veto: 'Veto',
  enterprise: 'Enterprise',
  enterprises: 'Enterprises',
  uscc: 'Unified social credit code',
  mean: 'Mean',
  median: 'Median',
  count: 'Count',
  all: 'All',
  save: 'Save',
  cancel: 'Cancel',
  delete: 'Delete',
  prev: 'Previous',
  next: 'Next',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  computing: 'Computing…',
  flags: 'Data flags',
  techField: 'Tech field',
  city: 'City',
  evalYear: 'Evaluation year',
  row: 'Row',
  item: 'Item',
  publishedBaseline: 'Published weights (baseline)',
  exportCsv: 'Export CSV',
  exportXlsx: 'Export XLSX',
  png: 'Export PNG',
  svg: 'Export SVG',
  missing: 'missing',
  reverse: 'reverse',
  total: 'Total',
  colon: ': ',
  listSep: ', ',
  clauseSep: '; ',
  paren: (s) => ` (${s})`,
  spearman: 'Spearman ρ',
  kendall: 'Kendall τ-b',
  methods: {
    'winsorized-minmax': 'Winsorised min–max',
    minmax: 'Min–max',
    zscore: 'Z-score',
    'percentile-rank': 'Percentile rank',
    'log-minmax': 'Log min–max (non-linear)',
    efficacy: 'Efficacy coefficient',
  },
};

export const COMMON: Record<Lang, CommonText> = { zh, en };
