import type { ExportSheet, ExportTable, NoteTable } from '../export/table.ts';
import { EXPORTS } from '../../i18n/exports.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ListEntry } from './build-list.ts';
import type { ListRule } from './list-rule.ts';
import { listTable, type ListRowSource } from './list-table.ts';

/**
 * The publication pack (公示包) of a list, one XLSX: the whole list (公示名单); one sheet per scope
 * group and tier (e.g. 成长期-领跑), in the list's order, each numbered from 1; the listed
 * enterprises with data flags (数据提示), so a flag is published with the enterprise; an empty
 * objections register (异议登记) with the columns a 公示 period records; and the 方案说明. Every
 * sheet is the list table's own columns (listTable), so a tier sheet holds what the list holds.
 */
// The label column of the 方案说明 is bilingual in both languages (provenance.ts).
export function publicationPack(entries: ListEntry[], src: ListRowSource, opts: { rule: ListRule; notes: [string, string][]; noteTables?: NoteTable[]; lang?: Lang }): ExportTable {
  const lang = opts.lang ?? 'zh';
  const h = EXPORTS[lang];
  const rule = opts.rule;
  const main = listTable(entries, src, { rule, name: h.packSheet, notes: [...opts.notes, ['公示包 Publication pack', h.packNoteText]], noteTables: opts.noteTables, lang });

  const scoped = (rule.scope ?? 'overall') !== 'overall';
  const groupName = (g: string) => (rule.scope === 'stage' ? (src.system.stages.find((s) => s.id === g)?.name[lang] ?? g) : g || h.emptyGroup);
  const bandName = (b: number) => (rule.kind === 'bands' ? (rule.bands[b - 1]?.name[lang] ?? '') : '');
  const parts = new Map<string, ListEntry[]>();
  for (const e of entries) {
    const key = [scoped ? groupName(e.group) : '', bandName(e.band)].filter(Boolean).join('-');
    if (!key) continue; // an overall list without tiers has no part apart from the whole
    const list = parts.get(key) ?? [];
    list.push(e);
    parts.set(key, list);
  }
  const sheets: ExportSheet[] = [...parts].map(([name, part]) => {
    const t = listTable(part, src, { rule, name, notes: [], lang });
    return { name, columns: t.columns, rows: t.rows };
  });

  if (src.flagText) {
    const flagged = entries.filter((e) => src.flagText!(e.row) !== '');
    const t = listTable(flagged, src, { rule, name: h.packFlagsSheet, notes: [], lang });
    sheets.push({ name: h.packFlagsSheet, columns: t.columns, rows: t.rows });
  }
  sheets.push({ name: h.packObjectionsSheet, columns: h.objectionColumns.map((header, i) => ({ header, kind: i === 0 ? 'number' : 'text' })), rows: [] });
  return { ...main, sheets };
}
