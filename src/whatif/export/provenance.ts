import { usesQuantiles, type IndicatorSystem, type NormalizationMethod, type NormalizationSpec } from '../../engine/index.ts';
import { roundForDisplay, type NoteTable } from './table.ts';

/**
 * A short fingerprint of a weight matrix: cyrb53 (a fast 53-bit string hash; not cryptographic)
 * of `stage:indicator=weight;` for every cell in system order, weights written with full
 * precision, as 14 hex digits. Equal weights ⇔ equal text ⇒ equal hash; a different hash means
 * different weights.
 */
export function weightsHash(system: IndicatorSystem, w: ArrayLike<number>): string {
  const k = system.indicators.length;
  let text = '';
  system.stages.forEach((st, s) => system.indicators.forEach((ind, i) => (text += `${st.id}:${ind.id}=${w[s * k + i]};`)));
  return cyrb53(text).toString(16).padStart(14, '0');
}

export function cyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The normalisation methods as the published documents name them (the same names as the 权重
 * view's method picker): a reader of an exported file sees the method, not an internal id.
 */
export const METHOD_NAMES_ZH: Record<NormalizationMethod, string> = {
  'winsorized-minmax': '基于极端值调整的极值法',
  minmax: '极值法（最小–最大）',
  zscore: '标准化（Z分数）',
  'percentile-rank': '百分位排名',
  'log-minmax': '非线性无量纲（对数极值法）',
  efficacy: '功效系数法',
};

/** Percent of a share as the files show it: 0.01 → "1%", 0.025 → "2.5%". */
const pct = (x: number) => `${roundForDisplay(x * 100, 2)}%`;

/** "基于极端值调整的极值法（下分位数 1%，上分位数 99%）"; parameters only where the method reads them. */
export function normalizationText(n: NormalizationSpec): string {
  const name = METHOD_NAMES_ZH[n.method] ?? n.method;
  return usesQuantiles(n.method) ? `${name}（下分位数 ${pct(n.lowerQuantile)}，上分位数 ${pct(n.upperQuantile)}）` : name;
}

const pad = (x: number) => String(x).padStart(2, '0');

/**
 * A date-time as the reader's wall clock shows it, with its offset from UTC:
 * "2024-06-01 16:00:00 UTC+08:00". `offsetMinutes` is east of UTC (−Date.getTimezoneOffset()),
 * passed in so that the same instant gives the same text in a test and in Shanghai.
 */
export function localDateTime(date: Date, offsetMinutes: number, zone?: string): string {
  const t = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  const text = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} UTC${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
  return zone ? `${text}（${zone}）` : text;
}

/**
 * Every weight of the scenario per stage, as a percentage (2 decimals, as the screen shows it) and
 * as the exact decimal the scores were computed with, and each stage's sum.
 */
export function weightsNoteTable(system: IndicatorSystem, w: ArrayLike<number>): NoteTable {
  const k = system.indicators.length;
  const className = (id: string) => system.classes.find((c) => c.id === id)?.name.zh ?? id;
  const rows: NoteTable['rows'] = [];
  system.stages.forEach((st, s) => {
    let sum = 0;
    system.indicators.forEach((ind, i) => {
      const x = w[s * k + i];
      sum += x;
      rows.push([st.name.zh, className(ind.classId), ind.name.zh, roundForDisplay(x * 100, 2), x]);
    });
    rows.push([st.name.zh, '', '合计', roundForDisplay(sum * 100, 2), sum]);
  });
  return {
    title: '各阶段权重 Weights per stage',
    columns: [
      { header: '阶段', kind: 'text' },
      { header: '指标类别', kind: 'text' },
      { header: '指标', kind: 'text' },
      { header: '权重（%）', kind: 'number', decimals: 2 },
      { header: '权重（小数）', kind: 'number' },
    ],
    rows,
  };
}

export interface ProvenanceInput {
  system: IndicatorSystem;
  weights: ArrayLike<number>;
  normalization: NormalizationSpec;
  scenarioName: string;
  datasetName: string;
  /** What the file lists, e.g. "领跑/竞跑/进取 bands within each stage". */
  listDescription?: string;
  /** Local date-time of the export with its UTC offset (localDateTime; pure code reads no clock). */
  exportedAt: string;
  rows?: number;
  /** The data set's data-quality warnings (数据核验), one line each, when there are any. */
  quality?: readonly string[];
}

/** Label/value lines for the notes of an exported file (bilingual labels). */
export function provenanceNotes(p: ProvenanceInput): [string, string][] {
  const notes: [string, string][] = [
    ['方案 Scenario', p.scenarioName],
    ['指标体系 System', `${p.system.name.zh}（${p.system.id}，版本 ${p.system.version}）`],
    ['体系来源 Source', p.system.source.seed],
    ['公布内容 Published', p.system.source.published],
    ['无量纲化方法 Normalisation', normalizationText(p.normalization)],
    ['权重 Weights', '见下方“各阶段权重”表（百分比与小数）'],
    ['权重指纹 Weights hash', weightsHash(p.system, p.weights)],
    ['数据集 Data set', p.datasetName],
    ['导出时间 Exported', p.exportedAt],
  ];
  if (p.listDescription) notes.push(['名单规则 List rule', p.listDescription]);
  if (p.rows !== undefined) notes.push(['行数 Rows', String(p.rows)]);
  (p.quality ?? []).forEach((q, i) => notes.push([i === 0 ? '数据提示 Data quality' : '', q]));
  notes.push(['生成工具 Tool', '创新积分工作台 innovation-points workbench']);
  return notes;
}
