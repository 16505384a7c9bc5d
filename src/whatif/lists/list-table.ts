import type { IndicatorSystem, ScoreResult } from '../../engine/index.ts';
import type { Cell, ExportColumn, ExportTable } from '../export/table.ts';
import type { ListEntry } from './build-list.ts';
import type { ListRule } from './list-rule.ts';

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

/** Loan-demand fields of the re-lending candidate list (data-model.md, "Loan demand"). */
export const LOAN_FIELDS: { id: string; header: string; kind: 'text' | 'number' }[] = [
  { id: 'loan_demand', header: '贷款需求（万元）', kind: 'number' },
  { id: 'loan_start', header: '资金预计使用时间', kind: 'text' },
  { id: 'loan_purpose', header: '资金用途', kind: 'text' },
  { id: 'loan_term', header: '贷款周期', kind: 'text' },
  { id: 'intended_banks', header: '意向贷款银行', kind: 'text' },
];

/**
 * The re-lending candidate list (备选企业名单): the entries of a list whose loan demand
 * (`loan_demand`, 万元) is a positive number. Without the column, none (the caller says so).
 */
export function relendingEntries(entries: ListEntry[], loanDemand: Float64Array | undefined): ListEntry[] {
  if (!loanDemand) return [];
  return entries.filter((e) => loanDemand[e.row] > 0);
}

/**
 * Rows of a list as an export table. Headers are the data model's Chinese headers where one
 * exists, so the workbench can read an exported list back. `relending` adds the loan fields.
 */
export function listTable(entries: ListEntry[], src: ListRowSource, opts: { rule: ListRule; name: string; notes: [string, string][]; relending?: boolean }): ExportTable {
  const { system, result, stage } = src;
  const bandName = (e: ListEntry) => (opts.rule.kind === 'bands' ? (opts.rule.bands[e.band - 1]?.name.zh ?? '') : '');
  const text = (id: string, r: number) => src.text?.[id]?.[r] ?? '';
  const columns: ExportColumn[] = [
    { header: '序号', kind: 'number' },
    { header: '分组', kind: 'text' },
    { header: '档次', kind: 'text' },
    { header: '组内名次', kind: 'number' },
    { header: '总名次', kind: 'number' },
    { header: '统一社会信用代码', kind: 'text' },
    { header: '企业名称', kind: 'text' },
    { header: '生命周期阶段', kind: 'text' },
    { header: '企业所属科技创新领域', kind: 'text' },
    { header: '市', kind: 'text' },
    { header: '积分', kind: 'number' },
    { header: '基础分', kind: 'number' },
    { header: '加分', kind: 'number' },
  ];
  const loan = opts.relending ? LOAN_FIELDS : [];
  for (const f of loan) columns.push({ header: f.header, kind: f.kind });
  // Last, so the columns before it keep their places for a reader of earlier exports.
  if (src.flagText) columns.push({ header: '数据提示', kind: 'text' });
  const rows: Cell[][] = entries.map((e, i) => {
    const r = e.row;
    const row: Cell[] = [
      i + 1,
      opts.rule.scope === 'stage' ? (system.stages.find((s) => s.id === e.group)?.name.zh ?? e.group) : e.group,
      bandName(e),
      e.scopeRank,
      e.rank,
      src.usccs[r],
      src.names?.[r] ?? '',
      system.stages[stage[r]]?.name.zh ?? '',
      text('tech_field', r),
      text('city', r),
      result.score[r],
      result.base[r],
      result.bonus[r],
    ];
    for (const f of loan) row.push(f.kind === 'number' ? (src.columns?.[f.id]?.[r] ?? null) : text(f.id, r));
    if (src.flagText) row.push(src.flagText(r));
    return row;
  });
  return { name: opts.name, columns, rows, notes: opts.notes };
}
