import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveValues, parseExpr, ruleFields, valueRuleFormula, type Columns } from '../../src/engine/index.ts';

const f64 = (xs: number[]) => Float64Array.from(xs);

/** Evaluates a formula over small hand-made columns. */
function evalText(text: string, columns: Columns, n: number): number[] {
  return [...deriveValues({ kind: 'expr', expr: text }, columns, n)];
}

describe('expression language: values', () => {
  const cols: Columns = {
    rd_expense: f64([100, 50, 0, -10, NaN, 30]),
    tech_staff: f64([4, 0, 0, 0, 2, -1]),
    revenue: f64([200, 100, 10, 10, 10, 60]),
    revenue_prev: f64([100, 0, 20, 10, 5, NaN]),
  };

  it('follows the ratio rule of scoring.md §3 for "/"', () => {
    // Row by row: 100/4 = 25; 50/0 → +∞; 0/0 → 0; −10/0 → −∞; NaN/2 → missing; 30/−1 → missing.
    expect(evalText('rd_expense / tech_staff', cols, 6)).toEqual([25, Infinity, 0, -Infinity, NaN, NaN]);
  });

  it('computes growth(a, b) as (a − b) / b under the ratio rule', () => {
    // (200−100)/100 = 1; (100−0)/0 → +∞; (10−20)/20 = −0.5; 0/10 = 0; (10−5)/5 = 1; prev missing.
    expect(evalText('growth(revenue, revenue_prev)', cols, 6)).toEqual([1, Infinity, -0.5, 0, 1, NaN]);
  });

  it('respects precedence, brackets, unary minus and constants', () => {
    // 100 + 200 * 2 = 500 ; (100 + 200) * 2 = 600 ; −(100) + 1e3 = 900 ; 2 * 100 / 4 = 50
    const c: Columns = { rd_expense: f64([100]), revenue: f64([200]), tech_staff: f64([4]) };
    expect(evalText('rd_expense + revenue * 2', c, 1)).toEqual([500]);
    expect(evalText('(rd_expense + revenue) * 2', c, 1)).toEqual([600]);
    expect(evalText('-rd_expense + 1e3', c, 1)).toEqual([900]);
    expect(evalText('2 * rd_expense / tech_staff', c, 1)).toEqual([50]);
    expect(evalText('rd_expense - revenue - tech_staff', c, 1)).toEqual([-104]); // left-associative
    expect(evalText('rd_expense / tech_staff / 5', c, 1)).toEqual([5]);
  });

  it('gives missing, never 0, for a missing field or an undefined result', () => {
    const c: Columns = { rd_expense: f64([1, 5]), tech_staff: f64([0, 0]) };
    // A field the data set lacks is missing for every row.
    expect(evalText('rd_expense + employees', c, 2)).toEqual([NaN, NaN]);
    // (1/0) − (5/0) = ∞ − ∞ → missing; (1/0) * 0 → missing.
    expect(evalText('rd_expense / tech_staff - rd_expense / tech_staff', c, 2)).toEqual([NaN, NaN]);
    expect(evalText('rd_expense / tech_staff * tech_staff', c, 2)).toEqual([NaN, NaN]);
  });

  it('lists the fields it reads, once each, in first-use order', () => {
    expect(ruleFields({ kind: 'expr', expr: 'growth(revenue, revenue_prev) + revenue / tech_staff' })).toEqual(['revenue', 'revenue_prev', 'tech_staff']);
  });

  it('agrees with the preset value rules on random data (property)', () => {
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(0), fc.constant(NaN));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 40 }), (rows) => {
        const n = rows.length;
        const c: Columns = { a_x: f64(rows.map((r) => r[0])), b_x: f64(rows.map((r) => r[1])), c_x: f64(rows.map((r) => r[2])) };
        const same = (x: Float64Array, y: Float64Array) => x.every((v, i) => Object.is(v, y[i]) || (Number.isNaN(v) && Number.isNaN(y[i])));
        expect(same(deriveValues({ kind: 'expr', expr: 'a_x / b_x' }, c, n), deriveValues({ kind: 'ratio', numerator: 'a_x', denominator: 'b_x' }, c, n))).toBe(true);
        expect(same(deriveValues({ kind: 'expr', expr: 'a_x / (b_x + c_x)' }, c, n), deriveValues({ kind: 'ratio', numerator: 'a_x', denominator: ['b_x', 'c_x'] }, c, n))).toBe(
          true,
        );
        expect(same(deriveValues({ kind: 'expr', expr: 'growth(a_x, b_x)' }, c, n), deriveValues({ kind: 'growth', current: 'a_x', previous: 'b_x' }, c, n))).toBe(true);
        expect(same(deriveValues({ kind: 'expr', expr: 'a_x + b_x + c_x' }, c, n), deriveValues({ kind: 'sum', fields: ['a_x', 'b_x', 'c_x'] }, c, n))).toBe(true);
      }),
    );
  });
});

describe('built-in rules as formulas', () => {
  it('writes each rule kind in the language', () => {
    expect(valueRuleFormula({ kind: 'field', field: 'revenue' })).toBe('revenue');
    expect(valueRuleFormula({ kind: 'sum', fields: ['platforms', 'platforms_prev'] })).toBe('platforms + platforms_prev');
    expect(valueRuleFormula({ kind: 'growth', current: 'revenue', previous: 'revenue_prev' })).toBe('growth(revenue, revenue_prev)');
    expect(valueRuleFormula({ kind: 'ratio', numerator: 'net_profit', denominator: ['equity_begin', 'equity_end'] })).toBe('net_profit / (equity_begin + equity_end)');
    expect(valueRuleFormula({ kind: 'expr', expr: 'a_x * 2' })).toBe('a_x * 2');
  });
});

describe('expression language: refused text', () => {
  const err = (text: string) => {
    const r = parseExpr(text);
    if (r.ok) throw new Error(`"${text}" parsed`);
    return r.error;
  };

  it.each([
    ['', 0, '公式为空'],
    ['rd_expense /', 12, '公式结尾处缺少字段名'],
    ['(rd_expense / revenue', 21, '缺少右括号'],
    ['rd_expense / revenue)', 20, '多了一个右括号'],
    ['rd_expense revenue', 11, '缺少运算符'],
    ['rd_expense; DROP TABLE x', 10, '“;”不能用在公式里'],
    ['rd_expense（', 10, '全角符号'],
    ['read_csv(revenue)', 0, '没有函数“read_csv”'],
    ['growth(revenue)', 14, '两个参数'],
    ['Revenue / 2', 0, '不是字段名'],
    ['1e999 * revenue', 0, '超出范围'],
    ['revenue /* x */', 9, '缺少字段名'], // there are no comments: "/*" is two operators
  ])('%j → at %d, “%s”', (text, at, zh) => {
    const e = err(text);
    expect(e.at).toBe(at);
    expect(e.message.zh).toContain(zh);
    expect(e.message.en.length).toBeGreaterThan(10);
  });

  it('refuses deep nesting and long text without exhausting the stack', () => {
    expect(err(`${'('.repeat(200)}revenue${')'.repeat(200)}`).message.en).toContain('nested too deeply');
    expect(err('revenue+'.repeat(100)).message.en).toContain('too long');
  });
});
