import { FIELD_BY_ID } from '../data/fields.ts';
import type { NumberColumn, RawColumn, TypedRawTable } from '../data/raw-table.ts';
import { DEMO_FIELD_IDS, demoHeader } from './columns.ts';
import { formatNumber } from './csv.ts';
import type { DemoRecord } from './enterprise.ts';
import { DEMO_EVALUATION_YEAR, demoRecords, type DemoOptions } from './generate.ts';
import { DEMO_PREVIOUS_YEAR, demoPreviousRecords } from './previous-year.ts';

/**
 * The demo as the raw table that reading its CSV gives (`npm run demo` writes the same records),
 * built straight from the generator so the page shows the demo without waiting for DuckDB:
 * every cell is the text the CSV writes (empty = null), and number fields are NumberColumns
 * whose text is kept wherever it is not the canonical spelling of the value, exactly as the
 * typed readers do, so the same parser and messages see the same cells.
 */
function isNumeric(id: string): boolean {
  const def = FIELD_BY_ID.get(id) ?? FIELD_BY_ID.get(id.replace(/_prev$/, ''));
  return def?.type === 'number' || def?.type === 'count';
}

/**
 * The value of the cell `formatNumber(v)` writes (for |v| < 1e13): integers as is, the rest
 * rounded to cents. The text is canonical, so the cell needs no text: an integer prints as
 * `String(v)`, and cents/100 (correctly rounded, as is parsing "x.yz") prints as "x.yz".
 */
function csvValue(v: number): number {
  if (Number.isInteger(v)) return v === 0 ? 0 : v; // −0 is written "0"
  const cents = Math.round(Math.abs(v) * 100);
  return cents === 0 ? 0 : (v < 0 ? -cents : cents) / 100;
}

export function demoRawTable(opts: DemoOptions, year: 'current' | 'previous' = 'current'): TypedRawTable {
  return year === 'current'
    ? recordsRawTable(demoRecords(opts), DEMO_EVALUATION_YEAR, opts.rows)
    : recordsRawTable(demoPreviousRecords(opts), DEMO_PREVIOUS_YEAR, opts.rows + Math.ceil(opts.rows / 80));
}

/** `capacity`: at least as many as the records (the previous year's are fewer than this year's rows plus one in 80). */
function recordsRawTable(records: Iterable<DemoRecord>, evalYear: number, capacity: number): TypedRawTable {
  const ids = DEMO_FIELD_IDS;
  const numeric = ids.map(isNumeric);
  const n = capacity;
  const plain = ids.map((_, j) => (numeric[j] ? new Float64Array(n) : null));
  const textRows = ids.map(() => [] as number[]);
  const textCells = ids.map(() => [] as string[]);
  const text = ids.map((_, j) => (numeric[j] ? null : new Array<string | null>(n)));
  const rowNumbers: number[] = [];
  let i = 0; // kept rows
  let position = 0;
  for (const rec of records) {
    position++;
    let filled = false;
    for (let j = 0; j < ids.length; j++) {
      const v = rec[ids[j]];
      const p = plain[j];
      if (p && typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e13) {
        p[i] = csvValue(v); // the common cell, without formatting and parsing its text
        filled = true;
        continue;
      }
      const cell = v === null || v === undefined ? null : typeof v === 'number' ? formatNumber(v) || null : v === '' ? null : v;
      if (cell !== null && cell.trim() !== '') filled = true;
      if (p) {
        const value = cell === null ? NaN : Number(cell);
        const canonical = cell !== null && String(value) === cell;
        p[i] = canonical ? value : NaN;
        if (cell !== null && !canonical) {
          textRows[j].push(i);
          textCells[j].push(cell);
        }
      } else text[j]![i] = cell;
    }
    // A blank row is not a data row (dropBlankRows): undo it, its position still counts.
    if (!filled) {
      for (let j = 0; j < ids.length; j++) {
        if (textRows[j].at(-1) !== i) continue;
        textRows[j].pop();
        textCells[j].pop();
      }
      continue;
    }
    rowNumbers.push(position + 1);
    i++;
  }
  const columns = ids.map((_, j): RawColumn => {
    const p = plain[j];
    if (!p) return text[j]!.slice(0, i);
    const col: NumberColumn = { kind: 'number', plain: p.slice(0, i), text: { rows: Int32Array.from(textRows[j]), cells: textCells[j] } };
    return col;
  });
  return { headers: ids.map((id) => demoHeader(id, evalYear)), columns, rowNumbers, headerRowNumber: 1, source: { format: 'csv', encoding: 'utf-8', delimiter: ',' } };
}
