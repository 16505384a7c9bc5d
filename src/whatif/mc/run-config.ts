import { NORMALIZATION_METHODS } from '../../engine/index.ts';
import { COMMON } from '../../i18n/common.ts';
import { EXPORTS } from '../../i18n/exports.ts';
import type { Lang } from '../../i18n/lang.ts';
import { describeRule, whatifText } from '../../i18n/whatif.ts';
import type { ListRule } from '../lists/list-rule.ts';
import type { McConfig } from './config.ts';
import type { McSortKey } from './list-table.ts';

/** The Monte Carlo form's starting values, the same in the workbench and `analyze --mc`. */
export const MC_DEFAULTS: { readonly samples: number; readonly seed: number; readonly spread: number } = { samples: 200, seed: 20240601, spread: 0.2 };

/** What the Monte Carlo form (or the command line) asks for. */
export interface McForm {
  samples: number;
  mode: 'perturb' | 'simplex';
  spread: number;
  /** The list's N (listPlaces). */
  topN: number;
  sampleMethods: boolean;
}

/** The Monte Carlo config a form describes (config.ts). */
export function mcConfig(f: McForm, list: ListRule | undefined): McConfig {
  return {
    samples: f.samples,
    weights: f.mode === 'perturb' ? { mode: 'perturb', spread: f.spread } : { mode: 'simplex' },
    topN: [f.topN],
    ...(list ? { list } : {}),
    ...(f.sampleMethods ? { methods: [...NORMALIZATION_METHODS] } : {}),
  };
}

export interface McNotesInput {
  /** The scenario's name ('' → 当前方案). */
  scenarioName: string;
  datasetName: string;
  rule: ListRule;
  mode: 'perturb' | 'simplex';
  spread: number;
  sort: McSortKey;
  reverse: boolean;
  /** Samples counted, and requested (they differ after a cancel). */
  samples: number;
  requested: number;
  seed: number;
  topN: number;
  search: string;
  /** The segment condition of the run ('' or absent: all enterprises). */
  segment?: string;
  /** Export time as shown ('' → no line: the command line's files are reproducible). */
  exportedAt: string;
}

/**
 * The run's own lines of the Monte Carlo table's 方案说明 (mcExportTable adds the system, source
 * and normalisation after the first): one builder for the workbench's export and `analyze --mc`.
 */
export function mcExportNotes(x: McNotesInput, lang: Lang): [string, string][] {
  const t = whatifText(lang);
  const notes: [string, string][] = [
    ['方案 Scenario', x.scenarioName || t.current],
    ['数据集 Data set', x.datasetName],
    ['名单规则 List rule', describeRule(x.rule, lang)],
    ['抽样方式 Sampling', x.mode === 'perturb' ? `${t.perturb} ±${Math.round(x.spread * 100)}%` : t.simplex],
    ['排序 Order', `${t.mcSorts[x.sort]}${x.reverse ? COMMON[lang].paren(t.mcReverse) : ''}`],
    ['抽样次数 Samples', `${x.samples}${x.samples < x.requested ? EXPORTS[lang].cancelledOf(x.requested) : ''}`],
    ['种子 Seed', String(x.seed)],
    ['名额 N', String(x.topN)],
  ];
  if (x.segment) notes.push(['细分范围 Segment', x.segment]);
  if (x.search.trim()) notes.push(['搜索 Search', x.search.trim()]);
  if (x.exportedAt) notes.push(['导出时间 Exported', x.exportedAt]);
  notes.push(['生成工具 Tool', '创新积分工作台 innovation-points workbench']);
  return notes;
}
