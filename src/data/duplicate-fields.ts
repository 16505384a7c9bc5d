import type { Label } from '../engine/types.ts';
import { DataError } from './errors.ts';
import { FIELD_BY_ID } from './fields.ts';
import { finalizeMapping, type ColumnMapping } from './mapping.ts';
import { cellAt, type RawColumn, type RawTable } from './raw-table.ts';

/**
 * Issue 9, class 4: a field that two or more columns map to. Dropping both (what the mapping did
 * alone) silently loses the field — for a veto field, nobody is vetoed — and picking one would
 * silently pick a side. So the rule, shared by the CLI and the workbench (buildDataset applies it
 * for both): when every column of the field holds the same cell text on every row (empty = empty,
 * surrounding blanks ignored), the first is used and a note says so; otherwise the file is
 * refused with one sentence naming the headers, until the user removes or renames a column (or,
 * in the workbench, maps the columns by hand). A hand edit never leaves a field on two columns
 * (setColumnField), so this only meets what header matching found.
 */
export interface DuplicateFieldCheck {
  /** The mapping with every identical duplicate resolved to its first column. */
  mapping: ColumnMapping;
  /** One note per resolved field (zh + en). */
  notes: Label[];
  /** Set when some field's columns differ: the refusal to throw. */
  refusal?: DataError;
}

const label = (field: string) => {
  const f = FIELD_BY_ID.get(field);
  return { zh: f ? f.zh : field, en: f ? `${f.zh} (${field})` : field };
};
const quoted = (headers: readonly string[], zh: boolean) => headers.map((h) => (zh ? `「${h}」` : `"${h}"`)).join(zh ? '和' : ' and ');

/** Index of the first data row where columns a and b differ, or -1. */
function firstDifference(a: RawColumn, b: RawColumn, n: number): number {
  for (let i = 0; i < n; i++) if ((cellAt(a, i) ?? '').trim() !== (cellAt(b, i) ?? '').trim()) return i;
  return -1;
}

export function checkDuplicateFields(raw: RawTable<RawColumn>, mapping: ColumnMapping): DuplicateFieldCheck {
  if (mapping.ambiguous.length === 0) return { mapping, notes: [] };
  const n = raw.rowNumbers.length;
  const notes: Label[] = [];
  const conflicts: { field: string; headers: string[]; row: number }[] = [];
  const dropped = new Map<number, Label>();
  for (const { field, columns } of mapping.ambiguous) {
    const headers = columns.map((c) => mapping.headers[c]);
    const [first, ...rest] = columns;
    let differsAt = -1;
    for (const c of rest) {
      const d = firstDifference(raw.columns[first], raw.columns[c], n);
      if (d >= 0 && (differsAt < 0 || d < differsAt)) differsAt = d;
    }
    const f = label(field);
    if (differsAt >= 0) {
      conflicts.push({ field, headers, row: raw.rowNumbers[differsAt] });
      continue;
    }
    const why = { zh: `与「${headers[0]}」逐格相同，未重复使用`, en: `identical to "${headers[0]}" cell by cell; not used twice` };
    for (const c of rest) dropped.set(c, why);
    notes.push({
      zh: `${quoted(headers, true)}都对应字段「${f.zh}」且逐格相同，已使用「${headers[0]}」。`,
      en: `columns ${quoted(headers, false)} all match ${f.en} and are identical cell by cell; "${headers[0]}" is used`,
    });
  }
  const columns = mapping.columns.map((c) => {
    const why = dropped.get(c.index);
    if (!why) return c;
    const { field: _f, ...rest } = c;
    return { ...rest, status: 'unmatched' as const, note: why };
  });
  const resolved = finalizeMapping({ headers: mapping.headers, columns, required: mapping.required, evalYear: mapping.evalYear, extensions: mapping.extensions });
  if (conflicts.length === 0) return { mapping: resolved, notes };
  return { mapping: resolved, notes, refusal: duplicateFieldError(conflicts) };
}

/** One sentence about the first conflicting field; every conflict in `details`. */
function duplicateFieldError(conflicts: { field: string; headers: string[]; row: number }[]): DataError {
  const [c] = conflicts;
  const f = label(c.field);
  const more = conflicts.length > 1;
  const en = `Columns ${quoted(c.headers, false)} both match ${f.en} but differ (first at row ${c.row})${more ? `, and ${conflicts.length - 1} more fields have such columns` : ''}; delete or rename all but one of them.`;
  const zh = `${quoted(c.headers, true)}都对应字段「${f.zh}」但内容不同（第 ${c.row} 行起）${more ? `，另有 ${conflicts.length - 1} 个字段也是如此` : ''}；请只保留其中一列（删除或改名其余各列）。`;
  const details = {
    zh: conflicts.map((x) => `字段「${label(x.field).zh}」：${quoted(x.headers, true)}，第 ${x.row} 行起不同`).join('\n'),
    en: conflicts.map((x) => `${label(x.field).en}: ${quoted(x.headers, false)}, first different at row ${x.row}`).join('\n'),
  };
  return new DataError('duplicate-field', en, zh, details);
}
