import type { IndicatorSystem, NormalizationSpec } from '../../engine/index.ts';

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

export interface ProvenanceInput {
  system: IndicatorSystem;
  weights: ArrayLike<number>;
  normalization: NormalizationSpec;
  scenarioName: string;
  datasetName: string;
  /** What the file lists, e.g. "领跑/竞跑/进取 bands within each stage". */
  listDescription?: string;
  /** ISO date-time of the export (pass it in: pure code does not read the clock). */
  exportedAt: string;
  rows?: number;
}

/** Label/value lines for the notes of an exported file (bilingual labels). */
export function provenanceNotes(p: ProvenanceInput): [string, string][] {
  const n = p.normalization;
  const notes: [string, string][] = [
    ['方案 Scenario', p.scenarioName],
    ['指标体系 System', `${p.system.id} (${p.system.name.zh}, v${p.system.version})`],
    ['无量纲化方法 Normalisation', `${n.method}; percentiles ${n.lowerQuantile} / ${n.upperQuantile}`],
    ['权重指纹 Weights hash', weightsHash(p.system, p.weights)],
    ['数据集 Data set', p.datasetName],
    ['导出时间 Exported', p.exportedAt],
  ];
  if (p.listDescription) notes.push(['名单规则 List rule', p.listDescription]);
  if (p.rows !== undefined) notes.push(['行数 Rows', String(p.rows)]);
  notes.push(['生成工具 Tool', '创新积分工作台 innovation-points workbench']);
  return notes;
}
