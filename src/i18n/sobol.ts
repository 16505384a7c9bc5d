import { CONSTANT_OUTPUT, NO_SAMPLES } from '../whatif/sobol/estimator.ts';
import type { SobolExportHeaders } from '../whatif/sobol/export.ts';
import type { Lang } from './lang.ts';

/** Texts of 情景分析 → 方差敏感性 (the Sobol view), its exports and the profile line; Chinese first. */
const zh = {
  intro:
    '把每个指标的权重看作一个不确定因素（在各阶段按同一倍数扰动后重新归一），用方差分解计算每个因素对结果波动的贡献：一阶指数 S_i 是该权重单独造成的方差份额，总效应指数 S_T 还包括它与其他权重的交互作用。权重变动范围与蒙特卡洛共用。',
  spreadShared: '权重变动范围 ±%（与蒙特卡洛共用）',
  simplexNote: '蒙特卡洛当前使用“在上下限内均匀抽取”，各权重不独立，方差分解不适用；此处按 ± 变动范围扰动。',
  samples: '基础样本数 N',
  badSamples: (max: number) => `基础样本数 N 须为 2 至 ${max} 的整数`,
  cost: (evals: number) => `将重新评分 ${evals} 次（N ×（指标数 + 2））。`,
  progressText: (d: number, t: number) => `已完成 ${d} / ${t} 个基础样本`,
  done: (n: number, ms: number, w: number, seed: number) => `${n} 个基础样本，用时 ${ms} 毫秒，${w} 个线程，种子 ${seed}（相同种子可复现）。`,
  cancelled: (d: number, t: number) => `已取消：结果基于已完成的 ${d} / ${t} 个基础样本。`,
  stale: '当前方案或名单规则已改变：下表仍是上次计算的结果，请重新计算。',
  outputs: { meanRankShift: '平均名次变动（绝对值）', listChurn: '名单进出企业数' },
  outputIntro: {
    meanRankShift: '每个抽样点上全部企业名次变动绝对值的平均数。',
    listChurn: (rule: string) => `每个抽样点上进入或退出名单（${rule}）的企业数。`,
  },
  caption: (output: string) => `${output}：各权重的方差贡献（按总效应指数排序）`,
  indicator: '指标',
  nominal: (stages: string) => `名义权重（${stages}）`,
  first: '一阶指数 S_i',
  total: '总效应指数 S_T',
  ci: '95% 区间',
  undefinedIndex: (reason: string) => `无法计算：${reason}`,
  reason: (r: string): string =>
    r === CONSTANT_OUTPUT ? '该结果在所有抽样点上取值相同（方差为 0），没有可分解的波动' : r === NO_SAMPLES ? '尚未完成任何基础样本' : '该结果的方差无法估计',
  sentence: (list: string, name: string, st: string) => `对${list}影响最大的是「${name}」的权重（总效应指数 S_T = ${st}）。`,
  sentenceShift: (name: string, st: string) => `对全部企业名次影响最大的是「${name}」的权重（总效应指数 S_T = ${st}）。`,
  topList: (n: number) => `前 ${n} 名名单`,
  ruleList: (rule: string) => `名单“${rule}”`,
  noisy: '基础样本较少时指数误差较大（见 95% 区间）；各指数的合计可能略高于或低于 1。',
  exportIndices: '导出指数 CSV',
  exportEnterprises: '导出各企业指数 CSV',
  exportDraws: '导出全部抽样点 CSV',
  fileIndices: '方差敏感性-指数',
  fileEnterprises: '方差敏感性-各企业',
  fileDraws: '方差敏感性-抽样点',
  headers: {
    output: '结果',
    indicator: '指标',
    S: '一阶指数',
    sLo: '一阶指数下限',
    sHi: '一阶指数上限',
    ST: '总效应指数',
    stLo: '总效应指数下限',
    stHi: '总效应指数上限',
    variance: '方差',
    baseSamples: '基础样本数',
    baseSample: '基础样本序号',
    replicates: '自助法重抽次数',
    note: '说明',
    uscc: '统一社会信用代码',
    name: '企业名称',
    rankVariance: '名次方差',
    sOf: (i: string) => `一阶指数：${i}`,
    stOf: (i: string) => `总效应指数：${i}`,
    point: '抽样点',
    factorFromB: '取自矩阵乙的因素',
    uOf: (i: string) => `因素值：${i}`,
    wOf: (s: string, i: string) => `权重：${s}·${i}`,
    points: { A: '矩阵甲', B: '矩阵乙', AB: '混合矩阵' },
  },
};

export type SobolText = typeof zh;

const en: SobolText = {
  intro:
    "Each indicator's weight is one uncertain factor (scaled by the same multiplier in every stage, then each stage renormalised); a variance decomposition apportions the variation of each result among them: the first-order index S_i is the share of variance a weight causes alone, the total index S_T adds its interactions with the other weights. The weight range is shared with Monte Carlo.",
  spreadShared: 'Weight range ±% (shared with Monte Carlo)',
  simplexNote:
    'Monte Carlo currently draws weights uniformly within bounds, which makes them dependent and the variance decomposition inapplicable; here the weights are perturbed by the ± range.',
  samples: 'Base samples N',
  badSamples: (max) => `Base samples N must be a whole number from 2 to ${max}`,
  cost: (evals) => `${evals} re-scorings (N × (indicators + 2)).`,
  progressText: (d, t) => `${d} / ${t} base samples done`,
  done: (n, ms, w, seed) => `${n} base samples in ${ms} ms on ${w} threads, seed ${seed} (the same seed gives the same result).`,
  cancelled: (d, t) => `Cancelled: results from the ${d} / ${t} base samples done.`,
  stale: 'The scenario or the list rule has changed: the tables below are from the last run; run again.',
  outputs: { meanRankShift: 'Mean absolute rank shift', listChurn: 'Enterprises entering or leaving the list' },
  outputIntro: {
    meanRankShift: "At each sample point, the mean of every enterprise's absolute rank change.",
    listChurn: (rule) => `At each sample point, the number of enterprises entering or leaving the list (${rule}).`,
  },
  caption: (output) => `${output}: variance share of each weight (by total index)`,
  indicator: 'Indicator',
  nominal: (stages) => `Nominal weight (${stages})`,
  first: 'First-order S_i',
  total: 'Total S_T',
  ci: '95% interval',
  undefinedIndex: (reason) => `Not defined: ${reason}`,
  reason: (r) =>
    r === CONSTANT_OUTPUT
      ? 'the result takes the same value at every sample point (variance 0), so there is no variation to apportion'
      : r === NO_SAMPLES
        ? 'no base sample has been evaluated'
        : 'the variance of this result cannot be estimated',
  sentence: (list, name, st) => `The weight of "${name}" matters most for the ${list} (total index S_T = ${st}).`,
  sentenceShift: (name, st) => `The weight of "${name}" matters most for the ranks of all enterprises (total index S_T = ${st}).`,
  topList: (n) => `top-${n} list`,
  ruleList: (rule) => `list "${rule}"`,
  noisy: 'With few base samples the indices are noisy (see the 95% intervals); they may add up to a little more or less than 1.',
  exportIndices: 'Export indices CSV',
  exportEnterprises: 'Export per-enterprise indices CSV',
  exportDraws: 'Export every sample point CSV',
  fileIndices: 'sobol-indices',
  fileEnterprises: 'sobol-enterprises',
  fileDraws: 'sobol-draws',
  headers: {
    output: 'Result',
    indicator: 'Indicator',
    S: 'First-order index',
    sLo: 'First-order low',
    sHi: 'First-order high',
    ST: 'Total index',
    stLo: 'Total low',
    stHi: 'Total high',
    variance: 'Variance',
    baseSamples: 'Base samples',
    baseSample: 'Base sample',
    replicates: 'Bootstrap replicates',
    note: 'Note',
    uscc: 'Credit code',
    name: 'Enterprise',
    rankVariance: 'Rank variance',
    sOf: (i) => `First-order: ${i}`,
    stOf: (i) => `Total: ${i}`,
    point: 'Point',
    factorFromB: 'Factor taken from B',
    uOf: (i) => `Factor value: ${i}`,
    wOf: (s, i) => `Weight: ${s} · ${i}`,
    points: { A: 'A', B: 'B', AB: 'A_B' },
  },
};

export const SOBOL: Record<Lang, SobolText> = { zh, en };

export function sobolText(lang: Lang): SobolText {
  return SOBOL[lang];
}

/** The export headers in the reader's language (the CLI uses ID_HEADERS). */
export function sobolExportHeaders(lang: Lang): SobolExportHeaders {
  const t = SOBOL[lang];
  const h = t.headers;
  return { ...h, outputName: (id) => t.outputs[id], reason: t.reason, pointName: (p) => h.points[p] };
}
