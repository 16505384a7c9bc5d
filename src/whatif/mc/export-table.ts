import type { IndicatorSystem, NormalizationSpec } from '../../engine/index.ts';
import { EXPORTS } from '../../i18n/exports.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { McListRow } from './list-table.ts';
import { normalizationText, roundForDisplay, systemNote, weightsNoteTable, type Cell, type ExportTable } from '../export/index.ts';

/** One enterprise's line of the exported Monte Carlo table (the browser's and the CLI's). */
export type McExportRow = McListRow;

/** What the run perturbed: its scenario's system, weights and normalisation (named in the notes). */
export interface McExportRun {
  system: IndicatorSystem;
  weights: ArrayLike<number>;
  normalization: NormalizationSpec;
}

/**
 * The Monte Carlo table as an export (CSV or XLSX): the same columns, order and notes from the
 * browser (workers/whatif-api.ts) and the CLI (`analyze --mc`). `notes` are the run's own
 * (samples, seed, N, …): the first one stays first, then the system, source and normalisation.
 * `inSegment`: the run ranked within a segment, so the scenario's rank is the segment's.
 */
export function mcExportTable(rows: readonly McExportRow[], run: McExportRun, notes: readonly [string, string][], lang: Lang = 'zh', inSegment = false): ExportTable {
  const h = EXPORTS[lang];
  const stageName = (s: number) => run.system.stages[s]?.name[lang] ?? '';
  const cells: Cell[][] = rows.map((r, i) => [
    i + 1,
    r.rank0,
    r.name,
    r.uscc,
    stageName(r.stage),
    roundForDisplay(r.pList * 100, 2),
    r.count,
    r.median,
    r.p05,
    r.p95,
    r.exact ? h.exact : h.approx,
    r.pList,
  ]);
  return {
    name: h.mcSheet,
    notesName: h.notesSheet,
    columns: [
      { header: h.seq, kind: 'number' as const },
      { header: inSegment ? h.segmentRank0 : h.rank0, kind: 'number' as const },
      { header: h.name, kind: 'text' as const },
      { header: h.uscc, kind: 'text' as const },
      { header: h.stage, kind: 'text' as const },
      { header: h.pListPercent, kind: 'number' as const, decimals: 2 as const },
      { header: h.listCount, kind: 'number' as const },
      { header: h.median, kind: 'number' as const },
      { header: h.p05, kind: 'number' as const },
      { header: h.p95, kind: 'number' as const },
      { header: h.interval, kind: 'text' as const },
      { header: h.pListExact, kind: 'number' as const },
    ],
    rows: cells,
    notes: [
      ...notes.slice(0, 1),
      ['指标体系 System', systemNote(run.system, lang)],
      ['体系来源 Source', run.system.source.seed],
      ['无量纲化方法 Normalisation', normalizationText(run.normalization, lang)],
      ...notes.slice(1),
    ],
    noteTables: [weightsNoteTable(run.system, run.weights, lang)],
  };
}
