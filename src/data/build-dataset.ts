import type { Label } from '../engine/types.ts';
import { checkDuplicateFields } from './duplicate-fields.ts';
import type { DataWarning, Exclusion } from './issues.ts';
import type { ColumnMapping } from './mapping.ts';
import { parseColumns } from './parse-columns.ts';
import { cellAt, textCells, type RawColumn, type RawTable } from './raw-table.ts';
import { exclusionMessage } from './messages.ts';
import { normalizeUscc } from './uscc.ts';
import { checkKeys, crossFieldWarnings } from './validate.ts';
import { WarningCollector, type WarningCount } from './warning-collector.ts';
import { indexOfSorted, type RowFlags, type WarningRows } from './row-flags.ts';

/**
 * Conversion of a raw table + column mapping into the engine's input, for the scored rows only
 * (scoring.md §1: excluded rows are reported, not scored).
 */
export interface EngineDataset {
  /** Number of scored rows. */
  n: number;
  /** Numeric fields (numbers, counts, booleans 1/0), NaN = missing; scored rows only. */
  columns: Record<string, Float64Array>;
  /** registration_date in days since 1970-01-01. */
  regDays: Float64Array;
  /** Text fields (uscc normalised: trimmed, upper case); '' = empty. Always has `uscc`. */
  text: Record<string, string[]>;
  /** Per scored row: its row number in the user's file. */
  sourceRow: Int32Array;
  /** Data rows read, scored or not. */
  totalRows: number;
  excluded: Exclusion[];
  /** Rows with an invalid uscc that are scored anyway (only with `keepInvalidUscc`). */
  flagged?: Exclusion[];
  /** Warnings on scored rows, in row order: the first `perKind` of each (field, code) pair. */
  warnings: DataWarning[];
  /** Every warning counted, per (field, code). */
  warningCounts: WarningCount[];
  warningTotal: number;
  /** Every warning of `warningCounts` by scored-row index (row-flags.ts turns it into flags). */
  warningRows?: WarningRows;
  /** Data-quality flags per scored row (row-flags.ts computeRowFlags), set by the workbench. */
  rowFlags?: RowFlags;
  evalYear?: number;
  asOfDays: number;
  /** Fields found in several identical columns, resolved to the first (duplicate-fields.ts). */
  mappingNotes?: Label[];
}

export class MissingFieldError extends Error {
  constructor(readonly fields: string[]) {
    super(`required fields not mapped: ${fields.join(', ')}`);
  }
}

export interface BuildOptions {
  asOfDays: number;
  /** Warnings kept with a message per (field, code) pair (all are counted). */
  warningsPerKind?: number;
  /** Score rows with a missing or invalid uscc (flagged) instead of excluding them. */
  keepInvalidUscc?: boolean;
}

export function buildDataset(raw: RawTable<RawColumn>, given: ColumnMapping, options: BuildOptions): EngineDataset {
  // 0. A field on two columns is used only when they agree cell by cell; else the file is refused.
  const dup = checkDuplicateFields(raw, given);
  if (dup.refusal) throw dup.refusal;
  const mapping = dup.mapping;
  const usccCol = mapping.fields.uscc;
  const regCol = mapping.fields.registration_date;
  const missing = [usccCol === undefined ? 'uscc' : '', regCol === undefined ? 'registration_date' : ''].filter(Boolean);
  if (missing.length) throw new MissingFieldError(missing);

  // 1. Rows whose cell count the header does not allow (row-width.ts), then keys, so that cell
  // warnings are raised for scored rows only.
  const reg = parseColumns(raw, mapping, { fields: ['registration_date'] }).dates.registration_date;
  const n = raw.rowNumbers.length;
  const width = widthExclusions(raw, usccCol);
  const regCells = textCells(raw.columns[regCol], n);
  const keys = checkKeys({
    uscc: textCells(raw.columns[usccCol], n),
    usccHeader: raw.headers[usccCol],
    regDays: reg.days,
    regOk: reg.ok,
    regCells,
    regHeader: raw.headers[regCol],
    rowNumbers: raw.rowNumbers,
    asOfDays: options.asOfDays,
    keepInvalidUscc: options.keepInvalidUscc === true,
    skip: width.skip,
  });
  const keep: number[] = [];
  const excluded: Exclusion[] = [];
  const scored = new Uint8Array(raw.rowNumbers.length);
  keys.excluded.forEach((e0, i) => {
    const e = width.excluded[i] ?? e0;
    if (e) excluded.push(e);
    else {
      keep.push(i);
      scored[i] = 1;
    }
  });

  // 2. Every other mapped column, then the cross-field checks.
  const collector = new WarningCollector(options.warningsPerKind ?? 100);
  // (registration_date was parsed above; every other mapped field now)
  const others = Object.keys(mapping.fields).filter((f) => f !== 'registration_date');
  const parsed = parseColumns(raw, mapping, { collector, report: scored, fields: others });
  crossFieldWarnings({
    numeric: parsed.numeric,
    headerOf: (f) => (mapping.fields[f] === undefined ? undefined : raw.headers[mapping.fields[f]]),
    cellOf: (f, i) => cellAt(raw.columns[mapping.fields[f]], i) ?? '',
    rowNumbers: raw.rowNumbers,
    collector,
    report: scored,
  });

  // 3. Compact to the scored rows.
  const pick = (a: Float64Array) => {
    const out = new Float64Array(keep.length);
    for (let j = 0; j < keep.length; j++) out[j] = a[keep[j]];
    return out;
  };
  const columns: Record<string, Float64Array> = {};
  for (const [f, a] of Object.entries(parsed.numeric)) columns[f] = pick(a);
  const text: Record<string, string[]> = { uscc: keep.map((i) => keys.codes[i]) };
  for (const [f, a] of Object.entries(parsed.text)) if (f !== 'uscc') text[f] = keep.map((i) => a[i]);

  const sourceRow = Int32Array.from(keep, (i) => raw.rowNumbers[i]);
  const out: EngineDataset = {
    n: keep.length,
    columns,
    regDays: pick(reg.days),
    text,
    sourceRow,
    totalRows: raw.rowNumbers.length,
    excluded,
    warnings: collector.warnings(),
    warningCounts: collector.counts(),
    warningTotal: collector.total,
    warningRows: warningRows(collector, sourceRow),
    asOfDays: options.asOfDays,
  };
  if (mapping.evalYear !== undefined) out.evalYear = mapping.evalYear;
  if (dup.notes.length) out.mappingNotes = dup.notes;
  if (options.keepInvalidUscc) out.flagged = keys.flagged.filter((f, i): f is Exclusion => f !== undefined && scored[i] === 1);
  return out;
}

/** The collector's every warning by scored-row index (rows are numbered ascending in the file). */
function warningRows(collector: WarningCollector, sourceRow: Int32Array): WarningRows {
  const { rows, kinds } = collector.allRows();
  const row = new Int32Array(rows.length);
  const kind = new Uint16Array(rows.length);
  let m = 0;
  for (let j = 0; j < rows.length; j++) {
    const r = indexOfSorted(sourceRow, rows[j]);
    if (r < 0) continue; // warnings are raised for scored rows only; kept for safety
    row[m] = r;
    kind[m++] = kinds[j];
  }
  return { row: row.slice(0, m), kind: kind.slice(0, m) };
}

/** Per data row: excluded because its cell count differs from the header's (row-width.ts). */
function widthExclusions(raw: RawTable<RawColumn>, usccCol: number): { skip?: Uint8Array; excluded: (Exclusion | undefined)[] } {
  const excluded: (Exclusion | undefined)[] = [];
  if (!raw.widthIssues?.length) return { excluded };
  const byRow = new Map(raw.widthIssues.map((w) => [w.row, w]));
  const skip = new Uint8Array(raw.rowNumbers.length);
  raw.rowNumbers.forEach((row, i) => {
    const w = byRow.get(row);
    if (!w) return;
    skip[i] = 1;
    const uscc = normalizeUscc(cellAt(raw.columns[usccCol], i));
    excluded[i] = {
      row,
      uscc,
      reason: 'cell-count',
      message: exclusionMessage('cell-count', { row, column: raw.headers[usccCol], value: '', cells: w.cells, headerCells: w.expected }),
    };
  });
  return { skip, excluded };
}
