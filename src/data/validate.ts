import type { Exclusion, ExclusionReason, WarningCode } from './issues.ts';
import type { WarningCollector } from './warning-collector.ts';
import { exclusionMessage, warningMessage } from './messages.ts';
import { normalizeUscc, usccCheckChar, usccProblem } from './uscc.ts';

/**
 * Row validation (scoring.md §1). A row is excluded when its uscc is missing, not 18
 * characters, uses a character outside the charset or fails the check digit; when its uscc
 * appears more than once (every copy: "duplicate key"); or when its registration date is
 * missing, unparseable or after the as-of date. One reason per row, in that order.
 */

export interface KeyInput {
  /** uscc cells as read (null = empty). */
  uscc: readonly (string | null)[];
  usccHeader: string;
  /** Registration dates in days (NaN missing/unparseable) and whether the cell parsed. */
  regDays: Float64Array;
  regOk: Uint8Array;
  regCells: readonly (string | null)[];
  regHeader: string;
  rowNumbers: readonly number[];
  asOfDays: number;
  /**
   * Keep rows whose uscc is missing or invalid (the user's choice in the workbench): they are
   * scored and listed in `flagged` instead of `excluded`. Duplicates of valid codes still go.
   */
  keepInvalidUscc?: boolean;
  /** Rows already excluded (their cells cannot be trusted): no key check, no duplicate count. */
  skip?: Uint8Array;
}

export interface KeyCheck {
  /** Per data row: the exclusion, or undefined when the row is scored. */
  excluded: (Exclusion | undefined)[];
  /** Per data row: an invalid uscc kept by `keepInvalidUscc` (the row is scored). */
  flagged: (Exclusion | undefined)[];
  /** Normalised codes, per data row. */
  codes: string[];
}

const USCC_REASON: Record<string, ExclusionReason> = {
  missing: 'uscc-missing',
  length: 'uscc-length',
  charset: 'uscc-charset',
  'check-digit': 'uscc-check-digit',
};

export function checkKeys(k: KeyInput): KeyCheck {
  const n = k.rowNumbers.length;
  const codes = k.uscc.map((c) => normalizeUscc(c));
  const excluded: (Exclusion | undefined)[] = new Array(n).fill(undefined);
  const flagged: (Exclusion | undefined)[] = new Array(n).fill(undefined);
  const exclude = (i: number, reason: ExclusionReason, column: string, value: string, extra: { rows?: number[]; expected?: string } = {}) => {
    const row = k.rowNumbers[i];
    excluded[i] = { row, uscc: codes[i], reason, message: exclusionMessage(reason, { row, column, value, asOfDays: k.asOfDays, ...extra }) };
  };
  // 1. the code itself
  const byCode = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (k.skip?.[i]) continue;
    const problem = usccProblem(codes[i]);
    if (problem) {
      const expected = problem === 'check-digit' ? usccCheckChar(codes[i].slice(0, 17)) : undefined;
      exclude(i, USCC_REASON[problem], k.usccHeader, k.uscc[i] ?? '', expected ? { expected } : {});
      if (k.keepInvalidUscc) {
        flagged[i] = excluded[i];
        excluded[i] = undefined;
      }
      continue;
    }
    const list = byCode.get(codes[i]);
    if (list) list.push(i);
    else byCode.set(codes[i], [i]);
  }
  // 2. duplicates: every copy goes
  for (const idx of byCode.values()) {
    if (idx.length < 2) continue;
    const rows = idx.map((i) => k.rowNumbers[i]);
    for (const i of idx) exclude(i, 'duplicate-key', k.usccHeader, codes[i], { rows });
  }
  // 3. registration date
  for (let i = 0; i < n; i++) {
    if (excluded[i] || k.skip?.[i]) continue;
    const cell = k.regCells[i] ?? '';
    const d = k.regDays[i];
    if (Number.isNaN(d)) exclude(i, k.regOk[i] ? 'registration-date-missing' : 'registration-date-invalid', k.regHeader, cell);
    else if (d > k.asOfDays) exclude(i, 'registration-date-future', k.regHeader, cell);
  }
  return { excluded, flagged, codes };
}

export interface CrossFieldInput {
  numeric: Readonly<Record<string, Float64Array>>;
  headerOf: (field: string) => string | undefined;
  cellOf: (field: string, i: number) => string;
  rowNumbers: readonly number[];
  collector: WarningCollector;
  /** 1 for rows to check (the scored rows); default all. */
  report?: Uint8Array;
}

const CROSS_CHECKS: { code: WarningCode; field: string; than: string }[] = [
  { code: 'tech-staff-exceeds-employees', field: 'tech_staff', than: 'employees' },
  { code: 'postgrad-exceeds-employees', field: 'postgrad_staff', than: 'employees' },
  { code: 'high-tech-revenue-exceeds-revenue', field: 'high_tech_revenue', than: 'revenue' },
];

/** Warnings that keep the row: 科技人员 or 研究生 > 从业人员, 高新技术产品收入 > 营业收入. */
export function crossFieldWarnings(c: CrossFieldInput): void {
  for (const chk of CROSS_CHECKS) {
    const a = c.numeric[chk.field];
    const b = c.numeric[chk.than];
    const ha = c.headerOf(chk.field);
    const hb = c.headerOf(chk.than);
    if (!a || !b || ha === undefined || hb === undefined) continue;
    for (let i = 0; i < a.length; i++) {
      if (!(a[i] > b[i]) || (c.report && !c.report[i])) continue; // NaN on either side: no comparison
      const row = c.rowNumbers[i];
      const value = c.cellOf(chk.field, i);
      c.collector.add(row, ha, chk.field, value, chk.code, () => warningMessage(chk.code, { row, column: ha, value, otherColumn: hb, otherValue: c.cellOf(chk.than, i) }));
    }
  }
}
