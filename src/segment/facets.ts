import { splitMulti } from '../data/parse-columns.ts';
import type { TextDictionary } from './dictionary.ts';
import { VALUE_FIELDS, type FilterField } from './filters.ts';

/** A value a filter can pick and how many enterprises the filter would then select. */
export interface FacetValue {
  value: string;
  count: number;
}

export type SegmentFacets = Partial<Record<FilterField, FacetValue[]>>;

/** Per distinct value of a text column, its number of rows ('' = missing, left out). */
function valueCounts(t: readonly string[] | TextDictionary): Map<string, number> {
  const counts = new Map<string, number>();
  if (Array.isArray(t)) {
    for (const v of t as readonly string[]) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
  }
  const d = t as TextDictionary;
  const perCode = new Float64Array(d.values.length);
  for (let r = 0; r < d.codes.length; r++) perCode[d.codes[r]]++;
  d.values.forEach((v, c) => v !== '' && perCode[c] > 0 && counts.set(v, (counts.get(v) ?? 0) + perCode[c]));
  return counts;
}

const byCount = (counts: Map<string, number>): FacetValue[] =>
  [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

/**
 * The values each field filter offers, with counts that mean what the composed condition selects
 * (src/segment/filters.ts): rows equal to the value; for 企业类型, rows whose text contains the type
 * (the condition's contains()); for the industry code, rows whose code starts with the 大类 (its
 * first three characters, e.g. C39).
 */
export function segmentFacets(text: Readonly<Record<string, readonly string[] | TextDictionary>>): SegmentFacets {
  const out: SegmentFacets = {};
  for (const f of VALUE_FIELDS) {
    const t = text[f];
    if (!t) continue;
    const counts = valueCounts(t);
    if (f !== 'enterprise_types') {
      out[f] = byCount(counts);
      continue;
    }
    const types = new Map<string, number>();
    for (const v of counts.keys()) for (const part of splitMulti(v)) types.set(part, 0);
    for (const part of types.keys()) {
      let n = 0;
      for (const [v, c] of counts) if (v.includes(part)) n += c;
      types.set(part, n);
    }
    out[f] = byCount(types);
  }
  const code = text.industry_code;
  if (code) {
    const divisions = new Map<string, number>();
    for (const [v, c] of valueCounts(code)) {
      if (v.length < 3) continue; // a shorter code is no 大类, and as a prefix it would take in others
      const d = v.slice(0, 3).toUpperCase();
      // starts_with is case-sensitive: only codes written as the prefix is offered count.
      if (v.startsWith(d)) divisions.set(d, (divisions.get(d) ?? 0) + c);
    }
    out.industry_code = byCount(divisions);
  }
  return out;
}
