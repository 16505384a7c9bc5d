import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectSegmentRows } from '../../src/cli/segment-native.ts';
import type { EngineDataset } from '../../src/data/build-dataset.ts';
import { FIELD_BY_ID } from '../../src/data/fields.ts';
import { CATALOGUE_SEGMENT_COLUMNS } from '../../src/segment/columns.ts';
import { encodeText } from '../../src/segment/dictionary.ts';
import { checkSegmentExpression } from '../../src/segment/expression.ts';
import { segmentFacets } from '../../src/segment/facets.ts';
import { emptyFilters, filtersCondition, parseFiltersCondition, parseIndustryPrefixes, type SegmentFilters } from '../../src/segment/filters.ts';

const filters = (f: Partial<SegmentFilters>): SegmentFilters => ({ ...emptyFilters(), ...f });

describe('field filters → condition', () => {
  it('writes one canonical condition, fields in order, one value with =, several with IN or OR', () => {
    expect(filtersCondition(emptyFilters())).toBe('');
    expect(filtersCondition(filters({ size: ['小型'], city: ['成都市'] }))).toBe("city = '成都市' AND size = '小型'");
    expect(filtersCondition(filters({ city: ['成都市', '绵阳市'], industry_code: ['C39'], enterprise_types: ['高新技术企业', '科技型中小企业'] }))).toBe(
      "city IN ('成都市', '绵阳市') AND starts_with(industry_code, 'C39') AND (contains(enterprise_types, '高新技术企业') OR contains(enterprise_types, '科技型中小企业'))",
    );
    expect(filtersCondition(filters({ county: ["O'Hare"] }))).toBe("county = 'O''Hare'");
  });

  it('reads back exactly what it wrote, for any values (property)', () => {
    const values = fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 });
    const arb = fc.record({ city: values, county: values, industry_code: values, tech_field: values, enterprise_types: values, size: values });
    fc.assert(
      fc.property(arb, (f) => {
        expect(parseFiltersCondition(filtersCondition(f))).toEqual(f);
      }),
    );
  });

  it('passes the segment check for any values, so a filter is refused or accepted like typed SQL (property)', () => {
    const values = fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 3 });
    fc.assert(
      fc.property(fc.record({ city: values, county: values, industry_code: values, tech_field: values, enterprise_types: values, size: values }), (f) => {
        const c = filtersCondition(f);
        if (c !== '') expect(checkSegmentExpression(c, CATALOGUE_SEGMENT_COLUMNS).ok).toBe(true);
      }),
    );
  });

  it('does not read a hand-written condition as filters', () => {
    for (const t of [
      "city = '成都市' OR size = '小型'",
      "size = '小型' AND city = '成都市'", // fields out of order
      "city = '成都市' AND city = '绵阳市'",
      "city LIKE '成都%'",
      "city = '成都市' AND rd_expense > 100",
      "city  = '成都市'",
      "contains(city, '成都')",
      "(starts_with(industry_code, 'C39'))",
    ])
      expect(parseFiltersCondition(t), t).toBeNull();
    expect(parseFiltersCondition('  ')).toEqual(emptyFilters());
  });

  it('contains() picks an enterprise type exactly: no catalogue type is part of another', () => {
    const types = FIELD_BY_ID.get('enterprise_types')!.values!;
    for (const a of types) for (const b of types) if (a !== b) expect(b.includes(a), `${a} in ${b}`).toBe(false);
  });

  it('reads typed industry prefixes and refuses what is not one, at the field', () => {
    expect(parseIndustryPrefixes(' c39，C4 ; 39、C39 ')).toEqual({ ok: true, prefixes: ['C39', 'C4', '39'] });
    expect(parseIndustryPrefixes('')).toEqual({ ok: true, prefixes: [] });
    for (const bad of ['C39%', 'Z1', 'C12345', "C3' OR 1=1"]) {
      const r = parseIndustryPrefixes(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.zh).toContain('不是行业代码前缀');
    }
  });
});

// A small population over the filter fields, missing values ('') included.
const POOLS = {
  city: ['成都市', '绵阳市', "O'Hare", ''],
  county: ['武侯区', '涪城区', ''],
  industry_code: ['C3911', 'C3920', 'C4011', 'I6510', 'C3', ''],
  tech_field: ['电子信息', '新材料', ''],
  enterprise_types: ['高新技术企业', '高新技术企业;科技型中小企业', '科技型中小企业、专精特新中小企业', ''],
  size: ['小型', '微型', ''],
};
type Field = keyof typeof POOLS;
const FIELDS = Object.keys(POOLS) as Field[];

function dataset(rows: Record<Field, string>[]): EngineDataset {
  const text: Record<string, string[]> = { uscc: rows.map((_, i) => `U${i}`) };
  for (const f of FIELDS) text[f] = rows.map((r) => r[f]);
  return { n: rows.length, columns: {}, regDays: new Float64Array(rows.length), text } as unknown as EngineDataset;
}

/** The filters' meaning written independently of SQL. */
function matches(row: Record<Field, string>, f: SegmentFilters): boolean {
  const any = (field: Field, test: (v: string, pick: string) => boolean) => f[field].length === 0 || (row[field] !== '' && f[field].some((p) => test(row[field], p)));
  return (
    any('city', (v, p) => v === p) &&
    any('county', (v, p) => v === p) &&
    any('industry_code', (v, p) => v.startsWith(p)) &&
    any('tech_field', (v, p) => v === p) &&
    any('enterprise_types', (v, p) => v.includes(p)) &&
    any('size', (v, p) => v === p)
  );
}

describe('field filters in DuckDB', () => {
  const rowArb = fc.record(Object.fromEntries(FIELDS.map((f) => [f, fc.constantFrom(...POOLS[f])])) as Record<Field, fc.Arbitrary<string>>);
  const pick = (f: Field) =>
    fc.subarray(f === 'enterprise_types' ? ['高新技术企业', '科技型中小企业', '专精特新中小企业'] : f === 'industry_code' ? ['C39', 'C4', 'I'] : POOLS[f].filter((v) => v !== ''));

  it('select the rows their meaning says, in native DuckDB (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 40 }),
        fc.record(Object.fromEntries(FIELDS.map((f) => [f, pick(f)])) as Record<Field, fc.Arbitrary<string[]>>),
        async (rows, f) => {
          const cond = filtersCondition(f);
          fc.pre(cond !== '');
          const got = [...(await selectSegmentRows(dataset(rows), cond))];
          const want = rows.flatMap((r, i) => (matches(r, f) ? [i] : []));
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('offer counts equal to what picking the value alone selects', async () => {
    const rows = [
      { city: '成都市', county: '武侯区', industry_code: 'C3911', tech_field: '电子信息', enterprise_types: '高新技术企业;科技型中小企业', size: '小型' },
      { city: '成都市', county: '', industry_code: 'C3920', tech_field: '', enterprise_types: '高新技术企业', size: '' },
      { city: '绵阳市', county: '涪城区', industry_code: 'C4011', tech_field: '新材料', enterprise_types: '', size: '小型' },
      { city: '', county: '涪城区', industry_code: 'C3', tech_field: '电子信息', enterprise_types: '科技型中小企业', size: '微型' },
    ];
    const data = dataset(rows);
    // Dictionaries where the import worker sends them, plain text elsewhere, as the worker holds them.
    const facets = segmentFacets({ ...data.text, county: encodeText(data.text.county), enterprise_types: encodeText(data.text.enterprise_types) });
    // By hand: 成都市 2, 绵阳市 1; 涪城区 2, 武侯区 1; C39 2, C40 1 (C3 is too short to be a 大类);
    // 高新技术企业 2, 科技型中小企业 2; 小型 2, 微型 1.
    const v = (value: string, count: number) => ({ value, count });
    expect(facets).toMatchObject({
      city: [v('成都市', 2), v('绵阳市', 1)],
      county: [v('涪城区', 2), v('武侯区', 1)],
      industry_code: [v('C39', 2), v('C40', 1)],
      enterprise_types: [v('科技型中小企业', 2), v('高新技术企业', 2)],
      size: [v('小型', 2), v('微型', 1)],
    });
    for (const field of FIELDS)
      for (const { value, count } of facets[field] ?? [])
        expect((await selectSegmentRows(data, filtersCondition(filters({ [field]: [value] })))).length, `${field} ${value}`).toBe(count);
  });
});
