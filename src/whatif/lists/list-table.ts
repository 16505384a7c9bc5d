import type { IndicatorSystem, ScoreResult } from '../../engine/index.ts';
import { roundForDisplay, type Cell, type ExportColumn, type ExportTable, type NoteTable } from '../export/table.ts';
import type { ListEntry } from './build-list.ts';
import type { ListRule } from './list-rule.ts';
import { EXPORTS } from '../../i18n/exports.ts';
import type { Lang } from '../../i18n/lang.ts';

/** What a list table reads per row besides the list itself (the scoring worker's dataset). */
export interface ListRowSource {
  system: IndicatorSystem;
  result: ScoreResult;
  stage: Uint8Array;
  usccs: readonly string[];
  names?: readonly string[];
  /** Text fields by data-model id (tech_field, city, loan_start, loan_purpose, loan_term, intended_banks). */
  text?: Record<string, readonly string[]>;
  /** Numeric fields by id (loan_demand). */
  columns?: Record<string, Float64Array>;
  /** The row's 数据提示 cell (its data-quality flags in Chinese, '' for none); absent = no column. */
  flagText?: (r: number) => string;
}

/** Loan-demand fields of the re-lending candidate list (data-model.md, "Loan demand"), headed by their catalogue names. */
export const LOAN_FIELDS: { id: string; kind: 'text' | 'number' }[] = [
  { id: 'loan_demand', kind: 'number' },
  { id: 'loan_start', kind: 'text' },
  { id: 'loan_purpose', kind: 'text' },
  { id: 'loan_term', kind: 'text' },
  { id: 'intended_banks', kind: 'text' },
];

/**
 * The re-lending candidate list (备选企业名单): the entries of a list whose loan demand
 * (`loan_demand`, 万元) is a positive number. Without the column, none (the caller says so).
 */
export function relendingEntries(entries: ListEntry[], loanDemand: Float64Array | undefined): ListEntry[] {
  if (!loanDemand) return [];
  return entries.filter((e) => loanDemand[e.row] > 0);
}

/** One column of a list export: its header and kind, and the cell of an entry. */
interface ListColumn extends ExportColumn {
  cell: (e: ListEntry, i: number) => Cell;
}

/**
 * Rows of a list as an export table, headed in `lang` (default Chinese: the data model's headers
 * where one exists, so the workbench can read an exported list back). Scores are rounded to 2 decimals as
 * the screen shows them, and 积分（精确值） keeps the exact score. 分组 / 组内名次 are there only
 * when the rule has groups (a scope other than overall), 档次 only for a band rule, and the tech
 * field / city columns only when some row has a value: a column is never empty throughout.
 * `relending` adds the loan fields.
 */
export function listTable(
  entries: ListEntry[],
  src: ListRowSource,
  opts: { rule: ListRule; name: string; notes: [string, string][]; noteTables?: NoteTable[]; relending?: boolean; lang?: Lang },
): ExportTable {
  const lang = opts.lang ?? 'zh';
  const { system, result, stage } = src;
  const text = (id: string, r: number) => src.text?.[id]?.[r] ?? '';
  const scoped = (opts.rule.scope ?? 'overall') !== 'overall';
  const rule = opts.rule;
  const anyText = (id: string) => entries.some((e) => text(id, e.row) !== '');
  const h = EXPORTS[lang];
  const cols: (ListColumn | false)[] = [
    { header: h.seq, kind: 'number', cell: (_, i) => i + 1 },
    scoped && {
      header: h.group,
      kind: 'text',
      cell: (e) => (rule.scope === 'stage' ? (system.stages.find((s) => s.id === e.group)?.name[lang] ?? e.group) : e.group || h.emptyGroup),
    },
    rule.kind === 'bands' && { header: h.band, kind: 'text', cell: (e) => rule.bands[e.band - 1]?.name[lang] ?? '' },
    scoped && { header: h.scopeRank, kind: 'number', cell: (e) => e.scopeRank },
    { header: h.rank, kind: 'number', cell: (e) => e.rank },
    { header: h.uscc, kind: 'text', cell: (e) => src.usccs[e.row] },
    { header: h.name, kind: 'text', cell: (e) => src.names?.[e.row] ?? '' },
    { header: h.stage, kind: 'text', cell: (e) => system.stages[stage[e.row]]?.name[lang] ?? '' },
    anyText('tech_field') && { header: h.techField, kind: 'text', cell: (e) => text('tech_field', e.row) },
    anyText('city') && { header: h.city, kind: 'text', cell: (e) => text('city', e.row) },
    { header: h.score, kind: 'number', decimals: 2, cell: (e) => roundForDisplay(result.score[e.row]) },
    { header: h.base, kind: 'number', decimals: 2, cell: (e) => roundForDisplay(result.base[e.row]) },
    { header: h.bonus, kind: 'number', decimals: 2, cell: (e) => roundForDisplay(result.bonus[e.row]) },
    { header: h.scoreExact, kind: 'number', cell: (e) => result.score[e.row] },
  ];
  for (const f of opts.relending ? LOAN_FIELDS : []) {
    cols.push({ header: h.loan(f.id), kind: f.kind, cell: (e) => (f.kind === 'number' ? (src.columns?.[f.id]?.[e.row] ?? null) : text(f.id, e.row)) });
  }
  // Last, so the columns before it keep their places for a reader of earlier exports.
  if (src.flagText) {
    const flagText = src.flagText;
    cols.push({ header: h.flags, kind: 'text', cell: (e) => flagText(e.row) });
  }
  const used = cols.filter((c): c is ListColumn => c !== false);
  return {
    name: opts.name,
    columns: used.map(({ header, kind, decimals }) => ({ header, kind, ...(decimals ? { decimals } : {}) })),
    rows: entries.map((e, i) => used.map((c) => c.cell(e, i))),
    notes: opts.notes,
    notesName: EXPORTS[lang].notesSheet,
    ...(opts.noteTables ? { noteTables: opts.noteTables } : {}),
  };
}
