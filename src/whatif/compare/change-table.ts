import type { IndicatorSystem } from '../../engine/index.ts';
import { roundForDisplay, type Cell, type ExportTable, type NoteTable } from '../export/table.ts';
import type { ChangeReason } from './change-reasons.ts';
import type { ListChange } from './list-diff.ts';
import type { WeightDelta } from './weight-diff.ts';

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
  opts: { system: IndicatorSystem; reasonText: (r: ChangeReason) => string; nameA: string; nameB: string; notes: [string, string][]; noteTables?: NoteTable[] },
): ExportTable {
  const { system, nameA: a, nameB: b } = opts;
  const row = (c: NamedListChange, i: number): Cell[] => [
    i + 1,
    c.change === 'enter' ? '进入名单' : '退出名单',
    c.name,
    c.uscc,
    system.stages[c.stage]?.name.zh ?? '',
    c.rankA,
    c.rankB,
    roundForDisplay(c.scoreA),
    roundForDisplay(c.scoreB),
    roundForDisplay(c.scoreB - c.scoreA),
    c.reasons.map(opts.reasonText).join('；'),
    c.scoreA,
    c.scoreB,
  ];
  return {
    name: '进出名单',
    columns: [
      { header: '序号', kind: 'number' },
      { header: '变动', kind: 'text' },
      { header: '企业名称', kind: 'text' },
      { header: '统一社会信用代码', kind: 'text' },
      { header: '生命周期阶段', kind: 'text' },
      { header: `名次（A：${a}）`, kind: 'number' },
      { header: `名次（B：${b}）`, kind: 'number' },
      { header: `积分（A：${a}）`, kind: 'number', decimals: 2 },
      { header: `积分（B：${b}）`, kind: 'number', decimals: 2 },
      { header: '积分变化（B − A）', kind: 'number', decimals: 2 },
      { header: '原因', kind: 'text' },
      { header: '积分 A（精确值）', kind: 'number' },
      { header: '积分 B（精确值）', kind: 'number' },
    ],
    rows: [...entries, ...exits].map(row),
    notes: opts.notes,
    ...(opts.noteTables ? { noteTables: opts.noteTables } : {}),
  };
}

/** The weights that differ between A and B, for the 方案说明 of a comparison. */
export function weightDiffNoteTable(system: IndicatorSystem, weights: readonly WeightDelta[], nameA: string, nameB: string): NoteTable {
  const stage = (id: string) => system.stages.find((s) => s.id === id)?.name.zh ?? id;
  const ind = (id: string) => system.indicators.find((x) => x.id === id)?.name.zh ?? id;
  return {
    title: '不同的权重 Weights that differ',
    columns: [
      { header: '阶段', kind: 'text' },
      { header: '指标', kind: 'text' },
      { header: `A：${nameA}（%）`, kind: 'number', decimals: 2 },
      { header: `B：${nameB}（%）`, kind: 'number', decimals: 2 },
      { header: 'A（小数）', kind: 'number' },
      { header: 'B（小数）', kind: 'number' },
    ],
    rows: weights.map((w) => [stage(w.stage), ind(w.indicator), roundForDisplay(w.a * 100), roundForDisplay(w.b * 100), w.a, w.b]),
  };
}
