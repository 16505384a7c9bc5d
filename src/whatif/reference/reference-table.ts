import type { IndicatorSystem, Label } from '../../engine/index.ts';
import { COMMON } from '../../i18n/common.ts';
import { EXPORTS } from '../../i18n/exports.ts';
import type { Lang } from '../../i18n/lang.ts';
import { REFERENCE } from '../../i18n/reference.ts';
import { reasonText } from '../compare/reason-text.ts';
import { roundForDisplay, type Cell, type ExportTable, type NoteTable } from '../export/table.ts';
import type { ReferenceRow, ReferenceStatus } from './reference-list.ts';

/** A compared row with what the table shows of it. */
export interface NamedReferenceRow extends ReferenceRow {
  name: string;
  uscc: string;
  stage: number;
  cutoffName: string;
  cutoffScore: number;
}

export function statusText(s: ReferenceStatus | 'missing', lang: Lang): string {
  return REFERENCE[lang][s];
}

/** The reasons of a row as one line: "研发费用 −3.20；…", or why there are none. */
export function reasonsLine(system: IndicatorSystem, r: ReferenceRow, lang: Lang): string {
  if (r.status !== 'dropped') return '';
  if (r.cutoffRow < 0) return REFERENCE[lang].noReasons;
  return r.reasons.map((x) => reasonText(system, x, lang)).join(COMMON[lang].clauseSep);
}

/**
 * The comparison as an export: every compared enterprise (dropped, added, on both, outside the
 * segment, in the screen's order) and then every reference code not among the scored enterprises,
 * so a CSV alone holds the whole result. Scores are rounded as on screen, then exact.
 */
export function referenceTable(
  rows: readonly NamedReferenceRow[],
  missing: readonly string[],
  opts: { system: IndicatorSystem; groupName: (g: string) => string; flagText: (row: number) => string; notes: [string, string][]; noteTables?: NoteTable[]; lang?: Lang },
): ExportTable {
  const lang = opts.lang ?? 'zh';
  const h = EXPORTS[lang];
  const t = REFERENCE[lang];
  const stageName = (s: number): string => (opts.system.stages[s]?.name as Label | undefined)?.[lang] ?? '';
  const out: Cell[][] = rows.map((r, i) => [
    i + 1,
    statusText(r.status, lang),
    r.name,
    r.uscc,
    stageName(r.stage),
    opts.groupName(r.group),
    r.rank,
    roundForDisplay(r.score),
    r.vetoed ? t.vetoed : '',
    reasonsLine(opts.system, r, lang),
    r.cutoffName,
    roundForDisplay(r.cutoffScore),
    r.score,
    opts.flagText(r.row),
  ]);
  missing.forEach((code, i) => out.push([rows.length + i + 1, statusText('missing', lang), '', code, '', '', null, null, '', '', '', null, null, '']));
  return {
    name: t.sheet,
    columns: [
      { header: h.seq, kind: 'number' },
      { header: t.status, kind: 'text' },
      { header: h.name, kind: 'text' },
      { header: h.uscc, kind: 'text' },
      { header: h.stage, kind: 'text' },
      { header: h.group, kind: 'text' },
      { header: h.rank, kind: 'number' },
      { header: h.score, kind: 'number', decimals: 2 },
      { header: t.vetoed, kind: 'text' },
      { header: t.reasons, kind: 'text' },
      { header: t.cutoff, kind: 'text' },
      { header: t.cutoffScore, kind: 'number', decimals: 2 },
      { header: h.scoreExact, kind: 'number' },
      { header: h.flags, kind: 'text' },
    ],
    rows: out,
    notes: opts.notes,
    ...(opts.noteTables ? { noteTables: opts.noteTables } : {}),
  };
}
