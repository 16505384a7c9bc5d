import type { Lang } from './lang.ts';
import { COMMON } from './common.ts';

/** Texts of the 权重 view, Chinese first. */
const zh = {
  title: '权重',
  intro: '拖动滑块或输入数值调整各阶段指标权重，排名实时更新。',
  mode: '权重模式',
  modeRescale: '保持各阶段合计 100%（按比例调整其他权重）',
  modeFree: '自由权重，评分时归一',
  reset: '重置为公布权重',
  indicator: COMMON.zh.indicator,
  weightOf: (indicator: string, stage: string) => `${indicator} — ${stage} 权重`,
  sum: '权重合计',
  sumFreeNote: '自由模式：评分时各阶段权重除以其合计',
  sumZero: '该阶段权重全为0，基础分为0',
  normalization: '无量纲化（标准化）',
  method: '标准化方法',
  lowerQuantile: '下分位数',
  upperQuantile: '上分位数',
  quantileNote: '仅用于极值调整类方法（基于极端值调整的极值法、非线性无量纲、功效系数法）',
  quantileInvalid: '分位数须满足 0 ≤ 下分位数 < 上分位数 ≤ 1',
  bonus: '加分项（特色指标）',
  bonusDetail: (points: string, cap: string | null) => (cap ? `每项 ${points} 分，最高 ${cap} 分` : `每项 ${points} 分`),
  vetoes: '否决项（约束指标，触发即清零）',
  mandatory: '（强制，不可关闭）',
  // Weights as percentages (issue 10, bullet 1)
  percentNote: '权重以百分比输入和显示：8 表示 8%，即公布的小数 0.08（显示在输入框右侧）。',
  sliderScale: (max: string) => `滑块范围 0–${max}，步长 0.1%（可用方向键微调）`,
  percentLabel: (label: string) => `${label}（%）`,
  publishedAs: (d: string) => `公布 ${d}`,
  inputError: {
    empty: () => '请输入 0 到 100 之间的百分数（8 表示 8%），未应用',
    'not-a-number': (text: string) => `“${text}”不是数字：请输入 0 到 100 之间的百分数（8 表示 8%），未应用`,
    'out-of-range': (text: string) => `${text}% 超出范围：权重须在 0% 到 100% 之间，未应用`,
  },
  escapeHint: '按 Esc 恢复当前值',
  sumUsed: '评分所用合计',
  stageEdits: (touched: number, rescaled: number) => (rescaled ? `修改 ${touched} 项 · 按比例调整 ${rescaled} 项` : `修改 ${touched} 项`),
  editsNone: '权重与公布权重一致。',
  editsRescale: (touched: number, rescaled: number) => `已修改 ${touched} 项权重；为保持各阶段合计 100%，同阶段另有 ${rescaled} 项按比例调整。`,
  editsFree: (touched: number) => `已修改 ${touched} 项权重（自由模式：评分时各阶段权重按其合计折算为 100%）。`,
  methods: COMMON.zh.methods,
};

export type WeightsText = typeof zh;

const en: WeightsText = {
  title: 'Weights',
  intro: 'Drag a slider or type a value to change a stage weight; the ranking updates live.',
  mode: 'Weight mode',
  modeRescale: 'Keep each stage at 100 % by rescaling the others',
  modeFree: 'Free weights, normalised at scoring',
  reset: 'Reset to the published weights',
  indicator: COMMON.en.indicator,
  weightOf: (indicator: string, stage: string) => `${indicator} — ${stage} weight`,
  sum: 'Sum of weights',
  sumFreeNote: 'Free mode: each stage is divided by its sum at scoring',
  sumZero: 'All weights of this stage are 0: base score 0',
  normalization: 'Normalisation',
  method: 'Method',
  lowerQuantile: 'Lower quantile',
  upperQuantile: 'Upper quantile',
  quantileNote: 'Used by the winsorising methods only (winsorised min–max, log min–max, efficacy coefficient)',
  quantileInvalid: 'Quantiles must satisfy 0 ≤ lower < upper ≤ 1',
  bonus: 'Bonus items',
  bonusDetail: (points: string, cap: string | null) => (cap ? `${points} per item, at most ${cap}` : `${points} per item`),
  vetoes: 'Vetoes (the score is set to 0)',
  mandatory: '(mandatory, cannot be switched off)',
  // Weights as percentages (issue 10, bullet 1)
  percentNote: 'Weights are typed and shown as percentages: 8 means 8 %, the published decimal 0.08 (shown right of the field).',
  sliderScale: (max: string) => `Sliders 0–${max}, steps of 0.1 % (arrow keys for fine steps)`,
  percentLabel: (label: string) => `${label} (%)`,
  publishedAs: (d: string) => `published ${d}`,
  inputError: {
    empty: () => 'Type a percentage between 0 and 100 (8 means 8 %); not applied',
    'not-a-number': (text: string) => `“${text}” is not a number: type a percentage between 0 and 100 (8 means 8 %); not applied`,
    'out-of-range': (text: string) => `${text} % is out of range: a weight must be between 0 % and 100 %; not applied`,
  },
  escapeHint: 'Esc restores the current value',
  sumUsed: 'Sum used in scoring',
  stageEdits: (touched: number, rescaled: number) => (rescaled ? `${touched} set · ${rescaled} rescaled` : `${touched} set`),
  editsNone: 'The weights are the published ones.',
  editsRescale: (touched: number, rescaled: number) => `${touched} weight(s) changed; to keep each stage at 100 %, ${rescaled} other weight(s) of the same stage were rescaled.`,
  editsFree: (touched: number) => `${touched} weight(s) changed (free mode: each stage is scaled to 100 % at scoring).`,
  methods: COMMON.en.methods,
};

export const WEIGHTS: Record<Lang, WeightsText> = { zh, en };

export function weightsText(lang: Lang): WeightsText {
  return WEIGHTS[lang];
}

/** The accessible name of a weight input: the indicator and the stage, in the reader's language. */
export function weightLabel(lang: Lang, indicator: string, stageName: string): string {
  return WEIGHTS[lang].weightOf(indicator, stageName);
}
