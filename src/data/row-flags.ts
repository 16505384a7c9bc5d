import type { Label } from '../engine/types.ts';
import { COMMON } from '../i18n/common.ts';
import type { Lang } from '../i18n/lang.ts';
import type { EngineDataset } from './build-dataset.ts';
import { formatValue, qualityChecks, type QualityCount, type QualityFinding } from './quality-checks.ts';

/**
 * Data-quality flags per scored row (数据提示), complete: `ds.warnings` keeps only the first few
 * examples per kind, but a flag has to follow every flagged enterprise into the ranking, the
 * profile and every list export. Stored sparsely (most rows have none) as parallel typed arrays
 * that transfer between workers without copying; the messages are built per row on demand from
 * a small table of kinds and the engine's columns, never one string per flagged cell up front.
 */
export interface RowFlagKind {
  /** A WarningCode, a QualityCode ('extreme-value', 'rd-far-above-revenue') or 'uscc-kept'. */
  code: string;
  field: string;
  /** The column as the user's file names it. */
  column: string;
  /** The compared field and its column (cross-field checks). */
  otherField?: string;
  otherColumn?: string;
}

export interface RowFlags {
  kinds: RowFlagKind[];
  /** Scored-row index per entry, ascending; a row with several flags has several entries. */
  row: Int32Array;
  /** Index into `kinds` per entry. */
  kind: Uint16Array;
}

/** Every warning buildDataset counted, by scored-row index; `kind` indexes `warningCounts`. */
export interface WarningRows {
  row: Int32Array;
  kind: Uint16Array;
}

/** The field a cross-field warning compares against (validate.ts CROSS_CHECKS, quality-checks.ts). */
const OTHER_FIELD: Readonly<Record<string, string>> = {
  'tech-staff-exceeds-employees': 'employees',
  'postgrad-exceeds-employees': 'employees',
  'high-tech-revenue-exceeds-revenue': 'revenue',
  'rd-far-above-revenue': 'revenue',
};

/** Index of `value` in the ascending `sorted`, or -1. */
export function indexOfSorted(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The flags of every scored row: buildDataset's cell and cross-field warnings (all of them, from
 * `ds.warningRows`), invalid codes scored by the user's choice (`ds.flagged`), and the row-level
 * findings of qualityChecks (extreme values, 研发费用 far above 营业收入). Returns the quality
 * checks' result too, so the validation report does not run them a second time.
 */
export type QualityResult = { findings: QualityFinding[]; counts: QualityCount[] };

export function computeRowFlags(ds: EngineDataset, headerOf: (field: string) => string | undefined): { flags: RowFlags; quality: QualityResult } {
  const kinds: RowFlagKind[] = [];
  const kindIndex = new Map<string, number>();
  const kindOf = (code: string, field: string, column: string): number => {
    const key = `${field}\u0000${code}`;
    let k = kindIndex.get(key);
    if (k === undefined) {
      k = kinds.length;
      const other = OTHER_FIELD[code];
      const otherColumn = other === undefined ? undefined : headerOf(other);
      kinds.push({ code, field, column, ...(other !== undefined && otherColumn !== undefined ? { otherField: other, otherColumn } : {}) });
      kindIndex.set(key, k);
    }
    return k;
  };
  const rows: number[] = [];
  const ks: number[] = [];
  const push = (r: number, k: number) => {
    rows.push(r);
    ks.push(k);
  };
  if (ds.warningRows) {
    const map = ds.warningCounts.map((c) => kindOf(c.code, c.field, c.column));
    for (let j = 0; j < ds.warningRows.row.length; j++) push(ds.warningRows.row[j], map[ds.warningRows.kind[j]]);
  }
  const usccColumn = headerOf('uscc') ?? '';
  for (const f of ds.flagged ?? []) {
    const r = indexOfSorted(ds.sourceRow, f.row);
    if (r >= 0) push(r, kindOf('uscc-kept', 'uscc', usccColumn));
  }
  const quality = qualityChecks(ds, headerOf, 100, (r, field, code) => push(r, kindOf(code, field, headerOf(field) ?? field)));
  // One order for every reader: by row, then by kind (the order kinds were first met).
  const order = rows.map((_, j) => j).sort((a, b) => rows[a] - rows[b] || ks[a] - ks[b]);
  const row = new Int32Array(order.length);
  const kind = new Uint16Array(order.length);
  let m = 0;
  for (const j of order) {
    if (m > 0 && row[m - 1] === rows[j] && kind[m - 1] === ks[j]) continue; // one kind once per row
    row[m] = rows[j];
    kind[m] = ks[j];
    m++;
  }
  return { flags: { kinds, row: row.slice(0, m), kind: kind.slice(0, m) }, quality };
}

/** 1 for each scored row with at least one flag. */
export function flaggedMask(flags: RowFlags | undefined, n: number): Uint8Array {
  const mask = new Uint8Array(n);
  if (flags) for (const r of flags.row) if (r >= 0 && r < n) mask[r] = 1;
  return mask;
}

/** The kinds flagged on scored row `r`, in `flags`' order. */
export function flagKindsOf(flags: RowFlags | undefined, r: number): RowFlagKind[] {
  if (!flags) return [];
  let lo = 0;
  let hi = flags.row.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (flags.row[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  const out: RowFlagKind[] = [];
  for (let j = lo; j < flags.row.length && flags.row[j] === r; j++) out.push(flags.kinds[flags.kind[j]]);
  return out;
}

/**
 * One flag's message for scored row `r`, short enough for a table cell: the column as the user
 * names it, the values where the engine still holds them (a cell that was not a number is gone,
 * NaN), and what was done with it.
 */
export function flagMessage(k: RowFlagKind, columns: Readonly<Record<string, Float64Array>>, r: number): Label {
  const c = k.column;
  const v = columns[k.field]?.[r];
  const shown = v !== undefined && Number.isFinite(v) ? formatValue(v) : '';
  const ov = k.otherField ? columns[k.otherField]?.[r] : undefined;
  const other = ov !== undefined && Number.isFinite(ov) ? formatValue(ov) : '';
  switch (k.code) {
    case 'tech-staff-exceeds-employees':
    case 'postgrad-exceeds-employees':
    case 'high-tech-revenue-exceeds-revenue':
      return { zh: `「${c}」${shown} 大于「${k.otherColumn}」${other}`, en: `"${c}" ${shown} is larger than "${k.otherColumn}" ${other}` };
    case 'rd-far-above-revenue':
      return { zh: `「${c}」${shown} 是「${k.otherColumn}」${other} 的 10 倍以上`, en: `"${c}" ${shown} is more than 10× "${k.otherColumn}" ${other}` };
    case 'extreme-value':
      return { zh: `「${c}」${shown} 远超出该列正常范围（评分时截断）`, en: `"${c}" ${shown} lies far outside the column's range (clipped when scored)` };
    case 'negative':
      return { zh: `「${c}」为负数 ${shown}（按原值使用）`, en: `"${c}" is negative, ${shown} (used as given)` };
    case 'not-a-count':
      return { zh: `「${c}」${shown} 不是非负整数（按原值使用）`, en: `"${c}" ${shown} is not a whole non-negative number (used as given)` };
    case 'not-a-number':
      return { zh: `「${c}」不是数字（按缺失处理）`, en: `"${c}" is not a number (treated as missing)` };
    case 'not-a-boolean':
      return { zh: `「${c}」不是“是/否”（按缺失处理）`, en: `"${c}" is not yes/no (treated as missing)` };
    case 'not-a-date':
      return { zh: `「${c}」不是有效日期（按缺失处理）`, en: `"${c}" is not a valid date (treated as missing)` };
    case 'unknown-value':
      return { zh: `「${c}」的值不在可选项中（按原文保留）`, en: `"${c}" is not one of the listed options (kept as written)` };
    case 'uscc-kept':
      return { zh: `「${c}」代码无效（按您的选择仍参与评分）`, en: `"${c}": invalid code (scored by your choice)` };
    default:
      return { zh: `「${c}」需核对`, en: `"${c}" needs checking` };
  }
}

/** Every flag message of scored row `r` (empty when the row has none). */
export function rowFlagMessages(flags: RowFlags | undefined, columns: Readonly<Record<string, Float64Array>>, r: number): Label[] {
  return flagKindsOf(flags, r).map((k) => flagMessage(k, columns, r));
}

/** The 数据提示 cell of an export: the messages in `lang` joined, '' for a row without flags. */
export function flagCellText(messages: readonly Label[], lang: Lang = 'zh'): string {
  return messages.map((m) => m[lang]).join(COMMON[lang].clauseSep);
}
