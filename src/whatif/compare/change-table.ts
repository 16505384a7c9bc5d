import type { IndicatorSystem } from '../../engine/index.ts';
import { roundForDisplay, type Cell, type ExportTable, type NoteTable } from '../export/table.ts';
import type { ChangeReason } from './change-reasons.ts';
import type { ListChange } from './list-diff.ts';
import type { WeightDelta } from './weight-diff.ts';
import { COMMON } from '../../i18n/common.ts';
import { EXPORTS } from '../../i18n/exports.ts';
import type { Lang } from '../../i18n/lang.ts';

/** A list change with the enterprise's name and code, as the 方案对比 tables show it. */
export type NamedListChange = ListChange & { name: string; uscc: string };

/**
 * The 方案对比 enter/leave table as an export: who enters and who leaves the list when going
 * from scenario A to B, with the ranks, the scores (2 decimals as on screen, and exact) and the
 * reasons (the same text as the screen's, through `reasonText`). Entries first, then exits, each
 * in the order the screen lists them.
 */
export function changeTable(
  entries: readonly NamedListChange[],
  exits: readonly NamedListChange[],
  opts: { system: IndicatorSystem; reasonText: (r: ChangeReason) => string; nameA: string; nameB: string; notes: [string, string][]; noteTables?: NoteTable[]; lang?: Lang },
): ExportTable {
  const { system, nameA: a, nameB: b } = opts;
  const lang = opts.lang ?? 'zh';
  const h = EXPORTS[lang];
  const row = (c: NamedListChange, i: number): Cell[] => [
    i + 1,
    c.change === 'enter' ? h.enter : h.exit,
    c.name,
    c.uscc,
    system.stages[c.stage]?.name[lang] ?? '',
    c.rankA,
    c.rankB,
    roundForDisplay(c.scoreA),
    roundForDisplay(c.scoreB),
    roundForDisplay(c.scoreB - c.scoreA),
    c.reasons.map(opts.reasonText).join(COMMON[lang].clauseSep),
    c.scoreA,
    c.scoreB,
  ];
  return {
    name: h.changesSheet,
    columns: [
      { header: h.seq, kind: 'number' },
      { header: h.change, kind: 'text' },
      { header: h.name, kind: 'text' },
      { header: h.uscc, kind: 'text' },
      { header: h.stage, kind: 'text' },
      { header: h.rankOf('A', a), kind: 'number' },
      { header: h.rankOf('B', b), kind: 'number' },
      { header: h.scoreOf('A', a), kind: 'number', decimals: 2 },
      { header: h.scoreOf('B', b), kind: 'number', decimals: 2 },
      { header: h.scoreDelta, kind: 'number', decimals: 2 },
      { header: h.reasons, kind: 'text' },
      { header: h.scoreExactOf('A'), kind: 'number' },
      { header: h.scoreExactOf('B'), kind: 'number' },
    ],
    rows: [...entries, ...exits].map(row),
    notes: opts.notes,
    notesName: h.notesSheet,
    ...(opts.noteTables ? { noteTables: opts.noteTables } : {}),
  };
}

/** The weights that differ between A and B, for the 方案说明 of a comparison. */
export function weightDiffNoteTable(system: IndicatorSystem, weights: readonly WeightDelta[], nameA: string, nameB: string, lang: Lang = 'zh'): NoteTable {
  const h = EXPORTS[lang];
  const stage = (id: string) => system.stages.find((s) => s.id === id)?.name[lang] ?? id;
  const ind = (id: string) => system.indicators.find((x) => x.id === id)?.name[lang] ?? id;
  return {
    title: h.weightsDiffer,
    columns: [
      { header: COMMON[lang].stage, kind: 'text' },
      { header: h.indicator, kind: 'text' },
      { header: h.sidePercent('A', nameA), kind: 'number', decimals: 2 },
      { header: h.sidePercent('B', nameB), kind: 'number', decimals: 2 },
      { header: h.sideDecimal('A'), kind: 'number' },
      { header: h.sideDecimal('B'), kind: 'number' },
    ],
    rows: weights.map((w) => [stage(w.stage), ind(w.indicator), roundForDisplay(w.a * 100), roundForDisplay(w.b * 100), w.a, w.b]),
  };
}
