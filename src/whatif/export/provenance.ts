import { segmentNamesScore } from '../../segment/columns.ts';
import { usesQuantiles, type IndicatorSystem, type NormalizationSpec } from '../../engine/index.ts';
import { COMMON } from '../../i18n/common.ts';
import { EXPORTS } from '../../i18n/exports.ts';
import type { Lang } from '../../i18n/lang.ts';
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

/** Percent of a share as the files show it: 0.01 → "1%", 0.025 → "2.5%". */
const pct = (x: number) => `${roundForDisplay(x * 100, 2)}%`;

/**
 * "基于极端值调整的极值法（下分位数 1%，上分位数 99%）"; parameters only where the method reads them.
 * The method by the name the published documents and the 权重 view use (src/i18n/common.ts), never
 * an internal id.
 */
export function normalizationText(n: NormalizationSpec, lang: Lang = 'zh'): string {
  const name = COMMON[lang].methods[n.method] ?? n.method;
  return usesQuantiles(n.method) ? `${name}${EXPORTS[lang].quantiles(pct(n.lowerQuantile), pct(n.upperQuantile))}` : name;
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
export function weightsNoteTable(system: IndicatorSystem, w: ArrayLike<number>, lang: Lang = 'zh'): NoteTable {
  const h = EXPORTS[lang];
  const k = system.indicators.length;
  const className = (id: string) => system.classes.find((c) => c.id === id)?.name[lang] ?? id;
  const rows: NoteTable['rows'] = [];
  system.stages.forEach((st, s) => {
    let sum = 0;
    system.indicators.forEach((ind, i) => {
      const x = w[s * k + i];
      sum += x;
      rows.push([st.name[lang], className(ind.classId), ind.name[lang], roundForDisplay(x * 100, 2), x]);
    });
    rows.push([st.name[lang], '', h.total, roundForDisplay(sum * 100, 2), sum]);
  });
  return {
    title: h.weightsTitle,
    columns: [
      { header: COMMON[lang].stage, kind: 'text' },
      { header: h.indicatorClass, kind: 'text' },
      { header: h.indicator, kind: 'text' },
      { header: h.weightPercent, kind: 'number', decimals: 2 },
      { header: h.weightDecimal, kind: 'number' },
    ],
    rows,
  };
}

/**
 * The system by name and edition, as the screen's report names it ("四川…（2024 版）"); ids and
 * versions are for developers. A system without an edition (an imported one) is named alone.
 */
export function systemNote(system: IndicatorSystem, lang: Lang = 'zh'): string {
  return `${system.name[lang]}${system.about ? COMMON[lang].paren(system.about.edition[lang]) : ''}`;
}

export interface ProvenanceInput {
  system: IndicatorSystem;
  weights: ArrayLike<number>;
  normalization: NormalizationSpec;
  scenarioName: string;
  datasetName: string;
  /** What the file lists, e.g. "领跑/竞跑/进取 bands within each stage". */
  listDescription?: string;
  /** The segment's condition, when the file covers a segment only (SQL, as the user wrote it). */
  segment?: string;
  /** Local date-time of the export with its UTC offset (localDateTime; pure code reads no clock). */
  exportedAt: string;
  rows?: number;
  /** The data set's data-quality warnings (数据核验), one line each, when there are any. */
  quality?: readonly string[];
}

/** Label/value lines for the notes of an exported file: bilingual labels, values in `lang`. */
export function provenanceNotes(p: ProvenanceInput, lang: Lang = 'zh'): [string, string][] {
  const notes: [string, string][] = [
    ['方案 Scenario', p.scenarioName],
    ['指标体系 System', systemNote(p.system, lang)],
    ['体系来源 Source', p.system.source.seed],
    ['公布内容 Published', p.system.source.published],
    ['无量纲化方法 Normalisation', normalizationText(p.normalization, lang)],
    ['权重 Weights', EXPORTS[lang].weightsSeeBelow],
    ['权重指纹 Weights hash', weightsHash(p.system, p.weights)],
    ['数据集 Data set', p.datasetName],
    ['导出时间 Exported', p.exportedAt],
  ];
  if (p.listDescription) notes.push(['名单规则 List rule', p.listDescription]);
  if (p.segment) notes.push(...segmentNotes(p.segment, lang));
  if (p.rows !== undefined) notes.push(['行数 Rows', String(p.rows)]);
  (p.quality ?? []).forEach((q, i) => notes.push([i === 0 ? '数据提示 Data quality' : '', q]));
  notes.push(['生成工具 Tool', '创新积分工作台 innovation-points workbench']);
  return notes;
}

/** The notes' lines for a segment: its condition, and whose scores a `score` in it tested. */
export function segmentNotes(condition: string, lang: Lang): [string, string][] {
  return [['细分范围 Segment', condition], ...(segmentNamesScore(condition) ? [['', EXPORTS[lang].segmentScore] as [string, string]] : [])];
}
