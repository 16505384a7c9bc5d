import type { Label } from '../engine/types.ts';
import { FIELDS, FIELD_BY_ID, type FieldDef } from './fields.ts';
import { finalizeMapping, type ColumnMapping, type ColumnMatch } from './mapping.ts';
import { headerKey, looseForms, normalizeHeader, type NormalizedHeader } from './normalize-header.ts';
import { isPersonalHeader } from './personal-data.ts';

/**
 * Header matching: each input column is matched to a canonical field when its header equals the
 * id, the Chinese header, an alias, or a close variant (see normalize-header.ts). A year in the
 * header chooses between a field and its `_prev` sibling: the evaluation year (the largest year
 * found in matched headers) means 当年, the year before means 上年.
 */

/** Normalised base → field (当年 fields only, and every id). */
const LOOKUP: ReadonlyMap<string, FieldDef> = (() => {
  const m = new Map<string, FieldDef>();
  const put = (text: string, f: FieldDef) => {
    const base = normalizeHeader(text).base;
    if (base && !m.has(base)) m.set(base, f);
  };
  for (const f of FIELDS) m.set(f.id, f);
  for (const f of FIELDS) {
    if (f.prevOf) continue;
    put(f.zh, f);
    if (f.unit) put(`${f.zh}(${f.unit})`, f);
    for (const a of f.aliases ?? []) put(a, f);
  }
  return m;
})();

const PREV_OF: ReadonlyMap<string, string> = new Map(FIELDS.filter((f) => f.prevOf).map((f) => [f.prevOf as string, f.id]));

export interface MatchOptions {
  /** Fields the caller needs; reported in `missingRequired` when no column maps to them. */
  required?: readonly string[];
  /** The evaluation year, when known; otherwise inferred from the headers. */
  evalYear?: number;
  /**
   * Extension field ids an indicator system defines itself (its `optionalFields` that are not in
   * the data model): matched by exact id only, parsed as numbers (or yes/no as 1/0).
   */
  extensions?: readonly string[];
}

interface Resolved {
  norm: NormalizedHeader;
  def?: FieldDef;
  /** Matched by its exact id (the year in the header, if any, is not consulted). */
  byId: boolean;
  personal: boolean;
}

function resolve(header: string, extensions: ReadonlySet<string> = new Set()): Resolved {
  const norm = normalizeHeader(header);
  const idKey = headerKey(header).replace(/\((?:万元|人|件|个|项)\)$/, '');
  const byId = FIELD_BY_ID.get(idKey) ?? (extensions.has(idKey) ? extensionDef(idKey) : undefined);
  if (byId) return { norm, def: byId, byId: true, personal: false };
  if (isPersonalHeader(norm.base)) return { norm, byId: false, personal: true };
  let def = LOOKUP.get(norm.base);
  for (const form of def ? [] : looseForms(norm.base)) {
    def = LOOKUP.get(form);
    if (def) break;
  }
  return { norm, def, byId: false, personal: false };
}

/** The evaluation year: the largest year written in a header that names a known field. */
export function inferEvalYear(headers: readonly string[]): number | undefined {
  let best: number | undefined;
  for (const h of headers) {
    const r = resolve(h);
    if (r.def && r.norm.year !== undefined && (best === undefined || r.norm.year > best)) best = r.norm.year;
  }
  return best;
}

const note = (zh: string, en: string): Label => ({ zh, en });

function chooseField(r: Resolved, evalYear: number | undefined): { field?: string; note?: Label } {
  const def = r.def as FieldDef;
  if (r.byId) return { field: def.id };
  const prevId = PREV_OF.get(def.id);
  const wantPrev =
    r.norm.year !== undefined && evalYear !== undefined ? (r.norm.year === evalYear ? false : r.norm.year === evalYear - 1 ? true : undefined) : r.norm.relative === 'prev';
  if (wantPrev === undefined) {
    return {
      note: note(
        `年份 ${r.norm.year} 既不是评价年度 ${evalYear} 也不是上一年度，未使用此列`,
        `year ${r.norm.year} is neither the evaluation year ${evalYear} nor the year before; column not used`,
      ),
    };
  }
  if (!wantPrev) return { field: def.id };
  if (prevId) return { field: prevId };
  return { note: note(`「${def.zh}」没有上年字段，未使用此列`, `"${def.zh}" has no previous-year field; column not used`) };
}

/** The catalogue entry of an extension field: a number (yes/no accepted as 1/0). */
export function extensionDef(id: string): FieldDef {
  return { id, zh: id, en: id, type: 'number' };
}

export function matchHeaders(headers: readonly string[], options: MatchOptions = {}): ColumnMapping {
  const extensions = new Set((options.extensions ?? []).filter((id) => !FIELD_BY_ID.has(id)));
  const resolved = headers.map((h) => resolve(h, extensions));
  const evalYear = options.evalYear ?? inferEvalYear(headers);
  const columns: ColumnMatch[] = resolved.map((r, index) => {
    const header = headers[index];
    if (r.personal) {
      return { index, header, status: 'personal', note: note('个人信息列，已丢弃', 'personal data; column dropped') };
    }
    if (!r.def) return { index, header, status: 'unmatched' };
    const { field, note: why } = chooseField(r, evalYear);
    return field ? { index, header, status: 'matched', field } : { index, header, status: 'unmatched', ...(why ? { note: why } : {}) };
  });
  return finalizeMapping({ headers: [...headers], columns, required: [...(options.required ?? [])], evalYear, extensions: [...extensions] });
}

/** True when a header names a known field or a personal-data column (used to find the header row). */
export function isKnownHeader(header: string): boolean {
  if (header.trim() === '') return false;
  const r = resolve(header);
  return r.def !== undefined || r.personal;
}
