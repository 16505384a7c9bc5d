import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSegmentExpression } from '../../src/segment/expression.ts';
import { segmentColumns } from '../../src/segment/columns.ts';

const COLUMNS = segmentColumns(['uscc', 'name', 'city', 'industry_code', 'tech_field', 'enterprise_types'], ['rd_expense', 'revenue', 'tech_staff']);

function refusal(text: string) {
  const r = checkSegmentExpression(text, COLUMNS);
  if (r.ok) throw new Error(`accepted: ${text} → ${r.sql}`);
  return r.error;
}

describe('segment expression check', () => {
  it('rebuilds an ordinary condition with quoted column names', () => {
    const r = checkSegmentExpression("city = '成都市' AND industry_code LIKE 'C39%'", COLUMNS);
    expect(r).toEqual({ ok: true, sql: `"city" = '成都市' AND "industry_code" LIKE 'C39%'`, columns: ['city', 'industry_code'] });
  });

  it('accepts Chinese headers and aliases as quoted names, functions, CAST, dates and IN lists', () => {
    const r = checkSegmentExpression(
      `"市" = '成都市' and contains(enterprise_types, '高新技术企业') and cast(rd_expense as integer) >= 100 and registration_date >= date '2020-01-01' and tech_field in ('电子信息', '新材料')`,
      COLUMNS,
    );
    expect(r.ok && r.sql).toBe(
      `"city" = '成都市' AND contains ( "enterprise_types" , '高新技术企业' ) AND CAST ( "rd_expense" AS INTEGER ) >= 100 AND "registration_date" >= DATE '2020-01-01' AND "tech_field" IN ( '电子信息' , '新材料' )`,
    );
  });

  it('keeps a semicolon or a comment marker inside a text value as text', () => {
    const r = checkSegmentExpression(`name = 'a;b -- c /* d */ ''e'''`, COLUMNS);
    expect(r.ok && r.sql).toBe(`"name" = 'a;b -- c /* d */ ''e'''`);
  });

  it('refuses a second statement', () => {
    const e = refusal("city = '成都市'; DROP TABLE segment_rows");
    expect(e.code).toBe('semicolon');
    expect(e.at).toBe(12); // c-i-t-y, space, =, space, ', 成都市, ' are characters 0–11
    expect(e.zh).toContain('第 13 个字符处');
  });

  it('refuses a function that reads files or the network, naming it', () => {
    const e = refusal("city IN (SELECT * FROM read_csv('https://example.com/x.csv'))");
    expect(e.code).toBe('statement');
    const f = refusal("read_csv('https://example.com/x.csv') IS NOT NULL");
    expect(f.code).toBe('function');
    expect(f.en).toContain('read_csv()');
    expect(refusal("getenv('HOME') = 'x'").code).toBe('function');
    expect(refusal("city = 'a' OR read_text('/etc/passwd') = ''").code).toBe('function');
  });

  it('refuses comment tricks that would hide the rest of a condition', () => {
    expect(refusal("city = '成都市' -- AND size = '大型'").code).toBe('comment');
    expect(refusal("city = '成都市' /* */ OR 1=1").code).toBe('comment');
    // an unterminated text value cannot swallow what follows
    expect(refusal("city = '成都市").code).toBe('string');
  });

  it('refuses unknown columns, table names, statement words, :: and unbalanced parentheses', () => {
    const e = refusal("town = '成都市'");
    expect(e.code).toBe('column');
    expect(e.zh).toContain('town');
    expect(refusal('duckdb_settings() IS NULL').code).toBe('function');
    expect(refusal('EXISTS (1)').code).toBe('statement');
    expect(refusal('rd_expense::integer > 1').code).toBe('character');
    expect(refusal('(rd_expense > 1').code).toBe('parenthesis');
    expect(refusal('rd_expense > 1)').code).toBe('parenthesis');
    expect(refusal('').code).toBe('empty');
    expect(refusal('rd_expense AS x').code).toBe('syntax');
    expect(refusal('市 = 1').code).toBe('character');
    expect(refusal('CAST(rd_expense AS blob) > 1').code).toBe('syntax');
  });

  it('no accepted expression carries a separator or a comment outside its text values (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(
            fc.constantFrom(
              'city',
              'rd_expense',
              '=',
              '>',
              "'a;b'",
              "'--x'",
              "'/*'",
              "''''",
              ';',
              '--',
              '/*',
              '(',
              ')',
              'AND',
              'OR',
              'NOT',
              '1',
              'lower',
              'read_csv',
              'SELECT',
              '"市"',
              "'",
            ),
            { maxLength: 12 },
          )
          .map((t) => t.join(' ')),
        (text) => {
          const r = checkSegmentExpression(text, COLUMNS);
          if (!r.ok) return true;
          // a rebuilt statement never contains a statement separator or a comment outside text values
          const outside = r.sql.replace(/'(?:[^']|'')*'/g, "''");
          expect(outside).not.toMatch(/;|--|\/\*|read_csv|SELECT/i);
          return true;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
