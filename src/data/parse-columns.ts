import { FIELD_BY_ID, isNumericType, type FieldDef } from './fields.ts';
import { extensionDef } from './header-match.ts';
import type { WarningCode } from './issues.ts';
import { WarningCollector } from './warning-collector.ts';
import type { ColumnMapping } from './mapping.ts';
import { warningMessage } from './messages.ts';
import { parseBool } from './parse-bool.ts';
import { parseDate } from './parse-date.ts';
import { isCount, parseNumber } from './parse-number.ts';
import { isNumberColumn, textCells, type NumberColumn, type RawColumn, type RawTable } from './raw-table.ts';

/**
 * Parses every mapped column of a raw table by its field type, over all data rows: numbers,
 * counts and booleans into Float64Array (NaN = missing), dates into days since 1970 (NaN), text
 * trimmed ('' = empty). Cell-level warnings name the row, column and value.
 */
export interface ParsedColumns {
  numeric: Record<string, Float64Array>;
  dates: Record<string, { days: Float64Array; ok: Uint8Array }>;
  text: Record<string, string[]>;
}

export interface ParseOptions {
  /** Where cell warnings go (default: a fresh collector, discarded). */
  collector?: WarningCollector;
  /** 1 for rows whose warnings matter (the scored rows); default all rows. */
  report?: Uint8Array;
  /** Parse only these fields (default: every mapped field). */
  fields?: readonly string[];
}

const normalizeOption = (s: string) => s.normalize('NFKC').replace(/["'“”‘’\s]/g, '');
const MULTI_SEPARATOR = /[;；、,，]/;

export function splitMulti(text: string): string[] {
  return text
    .split(MULTI_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function parseColumns(raw: RawTable<RawColumn>, mapping: ColumnMapping, options: ParseOptions = {}): ParsedColumns {
  const out: ParsedColumns = { numeric: {}, dates: {}, text: {} };
  const n = raw.rowNumbers.length;
  const collector = options.collector ?? new WarningCollector();
  const report = options.report;
  const wanted = options.fields ? new Set(options.fields) : undefined;
  for (const [field, col] of Object.entries(mapping.fields)) {
    if (wanted && !wanted.has(field)) continue;
    const known = FIELD_BY_ID.get(field);
    if (!known && !mapping.extensions?.includes(field)) continue;
    const def = known ?? extensionDef(field);
    const column = raw.columns[col];
    const header = raw.headers[col];
    const warn = (i: number, code: WarningCode, value: string, extra: { allowed?: readonly string[] } = {}) => {
      if (report && !report[i]) return;
      const row = raw.rowNumbers[i];
      collector.add(row, header, field, value, code, () => warningMessage(code, { row, column: header, value, ...extra }));
    };
    if (isNumberColumn(column)) {
      out.numeric[field] = def.type === 'bool' ? parseBoolColumn(column, n, warn) : parseNumberColumn(def, column, n, warn);
      continue;
    }
    const cells = textCells(column, n);
    if (isNumericType(def.type)) out.numeric[field] = parseNumeric(def, cells, n, warn);
    else if (def.type === 'date') {
      const days = new Float64Array(n);
      const ok = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const p = parseDate(cells[i]);
        days[i] = p.days;
        ok[i] = p.ok ? 1 : 0;
        // registration_date problems exclude the row (validate.ts); other dates only warn.
        if (!p.ok && field !== 'registration_date') warn(i, 'not-a-date', cells[i] ?? '');
      }
      out.dates[field] = { days, ok };
    } else {
      const texts = new Array<string>(n);
      const allowed = def.values ? new Set(def.values.map(normalizeOption)) : undefined;
      // Enum columns hold a handful of distinct texts: check each distinct text once.
      const verdict = new Map<string, boolean>();
      for (let i = 0; i < n; i++) {
        const t = (cells[i] ?? '').trim();
        texts[i] = t;
        if (!allowed || t === '') continue;
        let ok = verdict.get(t);
        if (ok === undefined) {
          const parts = def.type === 'multi-enum' ? splitMulti(t) : [t];
          ok = parts.every((p) => allowed.has(normalizeOption(p)));
          verdict.set(t, ok);
        }
        if (!ok) warn(i, 'unknown-value', t, { allowed: def.values });
      }
      out.text[field] = texts;
    }
  }
  return out;
}

type Warn = (i: number, code: WarningCode, value: string) => void;

function parseNumeric(def: FieldDef, cells: readonly (string | null)[], n: number, warn: Warn): Float64Array {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    if (def.type === 'bool') {
      const b = parseBool(cell);
      values[i] = b.value;
      if (!b.ok) warn(i, 'not-a-boolean', cell ?? '');
      continue;
    }
    values[i] = numberCell(def, cell, i, warn);
  }
  return values;
}

/** One number cell read from its text, with its warnings. */
function numberCell(def: FieldDef, cell: string | null, i: number, warn: Warn): number {
  let p = parseNumber(cell);
  if (!p.ok && !FIELD_BY_ID.has(def.id)) {
    const b = parseBool(cell); // extension fields: yes/no as 1/0
    if (b.ok) p = b;
  }
  checkValue(def, p.value, p.ok, i, cell ?? '', warn);
  return p.value;
}

function checkValue(def: FieldDef, v: number, ok: boolean, i: number, quote: string, warn: Warn): void {
  if (!ok) warn(i, 'not-a-number', quote);
  else if (v < 0 && def.nonNegative) warn(i, 'negative', quote);
  else if (def.type === 'count' && !Number.isNaN(v) && !isCount(v)) warn(i, 'not-a-count', quote);
}

/**
 * A typed number column: plain cells are already values (DuckDB cast them by the same strict
 * pattern parseNumber's fast path uses), the others go through parseNumber as text cells do, so
 * values and messages equal the text path's. Warnings quote the cell's text when it is kept
 * (a plain cell written otherwise than JS prints it), else the value, which is then its text.
 */
function parseNumberColumn(def: FieldDef, col: NumberColumn, n: number, warn: Warn): Float64Array {
  const values = col.plain.slice(0, n);
  const { rows, cells } = col.text;
  let k = 0;
  const checkRange = def.nonNegative === true || def.type === 'count';
  for (let i = 0; i < n; i++) {
    const atText = k < rows.length && rows[k] === i;
    const text = atText ? cells[k++] : null;
    const v = values[i];
    if (Number.isNaN(v)) values[i] = numberCell(def, text, i, warn);
    else if (checkRange && (v < 0 || (def.type === 'count' && !isCount(v)))) checkValue(def, v, true, i, text ?? String(v), warn);
  }
  return values;
}

/** A typed boolean column: 1/0 where DuckDB matched parse-bool's exact texts, else parseBool. */
function parseBoolColumn(col: NumberColumn, n: number, warn: Warn): Float64Array {
  const values = col.plain.slice(0, n);
  const { rows, cells } = col.text;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const text = k < rows.length && rows[k] === i ? cells[k++] : null;
    if (!Number.isNaN(values[i])) continue;
    const b = parseBool(text);
    values[i] = b.value;
    if (!b.ok) warn(i, 'not-a-boolean', text ?? '');
  }
  return values;
}
