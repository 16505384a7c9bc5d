import type { Label } from '../engine/types.ts';

/**
 * The segment's field filters (按字段筛选): what an official picks instead of writing SQL. They
 * compose one condition in the segment's own expression language, in a fixed canonical form, which
 * goes into the condition field and then the same check, the same DuckDB and the same scenario
 * file as a typed condition. So a filter can never select rows a condition would not, the SQL it
 * stands for is always on screen, and the CLI reads it unchanged. Reading a condition back into
 * filters accepts only that canonical form (re-composed and compared), so a hand-written condition
 * is never shown as filters that mean something else.
 *
 * Within a field the choices are alternatives (OR); fields are combined with AND.
 */
export interface SegmentFilters {
  city: string[];
  county: string[];
  /** 国民经济行业代码 prefixes: a 门类 letter and/or digits (`C`, `C39`, `C3911`, `39`). */
  industry_code: string[];
  tech_field: string[];
  /** Multi-value field: an enterprise matches when it has any of these types. */
  enterprise_types: string[];
  size: string[];
}

export type FilterField = keyof SegmentFilters;

/** The order of the fields in the form and in the composed condition. */
export const FILTER_FIELDS: readonly FilterField[] = ['city', 'county', 'industry_code', 'tech_field', 'enterprise_types', 'size'];

/** Fields chosen from their values (the industry code is typed as prefixes). */
export const VALUE_FIELDS = ['city', 'county', 'tech_field', 'enterprise_types', 'size'] as const satisfies readonly FilterField[];

export function emptyFilters(): SegmentFilters {
  return { city: [], county: [], industry_code: [], tech_field: [], enterprise_types: [], size: [] };
}

export function hasFilters(f: SegmentFilters): boolean {
  return FILTER_FIELDS.some((k) => f[k].length > 0);
}

const sqlString = (v: string) => `'${v.replaceAll("'", "''")}'`;

function clause(field: FilterField, values: readonly string[]): string {
  if (field === 'enterprise_types' || field === 'industry_code') {
    // contains() is exact here: no enterprise type's name is part of another's (tested).
    const fn = field === 'enterprise_types' ? 'contains' : 'starts_with';
    const tests = values.map((v) => `${fn}(${field}, ${sqlString(v)})`);
    return tests.length === 1 ? tests[0] : `(${tests.join(' OR ')})`;
  }
  return values.length === 1 ? `${field} = ${sqlString(values[0])}` : `${field} IN (${values.map(sqlString).join(', ')})`;
}

/** The condition the filters stand for, '' when none is set. */
export function filtersCondition(f: SegmentFilters): string {
  return FILTER_FIELDS.filter((k) => f[k].length > 0)
    .map((k) => clause(k, f[k]))
    .join(' AND ');
}

const STR = "'((?:[^']|'')*)'";
const unquote = (s: string) => s.replaceAll("''", "'");
const strings = (list: string) => [...list.matchAll(new RegExp(STR, 'g'))].map((m) => unquote(m[1]));

/** One clause of the canonical form at `at`: its field, values and length, or null. */
function readClause(text: string, at: number): { field: FilterField; values: string[]; end: number } | null {
  const patterns: [RegExp, (m: RegExpExecArray) => { field: FilterField; values: string[] }][] = [
    [new RegExp(`(city|county|tech_field|size) = ${STR}`, 'y'), (m) => ({ field: m[1] as FilterField, values: [unquote(m[2])] })],
    [new RegExp(`(city|county|tech_field|size) IN \\((${STR}(?:, ${STR})*)\\)`, 'y'), (m) => ({ field: m[1] as FilterField, values: strings(m[2]) })],
    [new RegExp(`(contains|starts_with)\\((enterprise_types|industry_code), ${STR}\\)`, 'y'), (m) => ({ field: m[2] as FilterField, values: [unquote(m[3])] })],
    [
      new RegExp(
        `\\(((contains|starts_with)\\((enterprise_types|industry_code), ${STR}\\)(?: OR (?:contains|starts_with)\\((?:enterprise_types|industry_code), ${STR}\\))+)\\)`,
        'y',
      ),
      (m) => ({ field: m[3] as FilterField, values: strings(m[1]) }),
    ],
  ];
  for (const [re, read] of patterns) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) return { ...read(m), end: at + m[0].length };
  }
  return null;
}

/**
 * The filters a condition was composed from, or null when it is not exactly in the form
 * `filtersCondition` writes (a typed condition; '' gives empty filters).
 */
export function parseFiltersCondition(text: string): SegmentFilters | null {
  const t = text.trim();
  const out = emptyFilters();
  if (t === '') return out;
  let at = 0;
  for (;;) {
    const c = readClause(t, at);
    if (!c || out[c.field].length > 0) return null;
    out[c.field] = c.values;
    at = c.end;
    if (at === t.length) break;
    if (!t.startsWith(' AND ', at)) return null;
    at += 5;
  }
  return filtersCondition(out) === t ? out : null;
}

/** A typed list of industry-code prefixes (`C39, C40` or `C39，C40`), upper-cased, or why not. */
export function parseIndustryPrefixes(text: string): { ok: true; prefixes: string[] } | { ok: false; error: Label } {
  const parts = text
    .split(/[\s,，;；、]+/)
    .map((p) => p.trim().toUpperCase())
    .filter((p) => p !== '');
  const bad = parts.find((p) => !/^(?:[A-T]\d{0,4}|\d{1,4})$/.test(p));
  if (bad !== undefined)
    return {
      ok: false,
      error: {
        zh: `“${bad}”不是行业代码前缀：应为门类字母（A–T）加至多 4 位数字，或至多 4 位数字，例如 C39。`,
        en: `“${bad}” is not an industry-code prefix: a section letter (A–T) with up to 4 digits, or up to 4 digits, e.g. C39.`,
      },
    };
  return { ok: true, prefixes: [...new Set(parts)] };
}
