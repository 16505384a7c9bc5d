import { describe, expect, it } from 'vitest';
import { sobolBarRows, sobolBarSpec } from '../../src/charts/whatif/index.ts';
import { sobolExportHeaders, sobolText } from '../../src/i18n/sobol.ts';
import { parseSamples, profileFactor, sobolEvaluations, sobolOutputViews, sobolSentence } from '../../src/state/sobol-view.ts';
import { toCsv } from '../../src/whatif/export/csv.ts';
import { CONSTANT_OUTPUT, emptySobolPartial, sobolEnterpriseTable, sobolIndicesTable, type IndicesWithCi, type SobolResult } from '../../src/whatif/sobol/index.ts';
import { compileClean } from '../charts/compile-helper.ts';

/**
 * The 方差敏感性 view's helpers on a hand-made result of 3 indicators and 2 stages, so every
 * expectation below is read off the numbers here: the N field's rule, the table order (by S_T,
 * NaN last), the sentence, the profile's dominant weight, the chart rows and the exports.
 */
const f = (xs: number[]) => Float64Array.from(xs);
const indices = (S: number[], ST: number[], defined = true): IndicesWithCi => ({
  defined,
  ...(defined ? {} : { reason: CONSTANT_OUTPUT }),
  V: defined ? 4 : 0,
  S: f(S),
  ST: f(ST),
  ciS: { lo: f(S.map((x) => x - 0.1)), hi: f(S.map((x) => x + 0.1)) },
  ciST: { lo: f(ST.map((x) => x - 0.05)), hi: f(ST.map((x) => x + 0.05)) },
  replicates: 200,
  level: 0.95,
});

function result(churnDefined = true): SobolResult {
  const d = 3;
  return {
    n: 2,
    d,
    samples: 4,
    done: 4,
    seed: 7,
    outputs: [
      { id: 'meanRankShift', indices: indices([0.2, 0.1, 0.6], [0.25, 0.15, 0.7]) },
      { id: 'listChurn', indices: churnDefined ? indices([0.05, 0.4, 0.3], [0.1, 0.5, 0.45]) : indices([NaN, NaN, NaN], [NaN, NaN, NaN], false) },
    ],
    // Row 0: ST = (0.2, 0.9, 0.3) → indicator 1; row 1 never moved (V = 0).
    perEnterprise: { V: f([2.5, 0]), S: f([0.1, 0.8, 0.2, NaN, NaN, NaN]), ST: f([0.2, 0.9, 0.3, NaN, NaN, NaN]) },
    partial: emptySobolPartial({ key: 'k', n: 2, d, samples: 4, outputs: 2 }),
  };
}

const names = ['研发费用', '专利', '=人才'];
// w[stage·k + i]: stage 0 (0.5, 0.3, 0.2), stage 1 (0.4, 0.4, 0.2).
const weights = [0.5, 0.3, 0.2, 0.4, 0.4, 0.2];

describe('the Sobol view helpers', () => {
  it('N: a whole number from 2 to 100,000, else the field refuses it', () => {
    expect(parseSamples('32')).toBe(32);
    expect(parseSamples(' 64 ')).toBe(64);
    expect(parseSamples('2')).toBe(2);
    expect(parseSamples('100000')).toBe(100000);
    for (const bad of ['', '1', '0', '-4', '3.5', '1e3', 'abc', '100001']) expect(parseSamples(bad), bad).toBeNull();
    expect(sobolEvaluations(32, 18)).toBe(640);
  });

  it('one table per output, rows by total index, with the nominal weight of each stage', () => {
    const [shift, churn] = sobolOutputViews(result(), names, weights, 2);
    expect(shift.id).toBe('meanRankShift');
    expect(shift.rows.map((r) => r.name)).toEqual(['=人才', '研发费用', '专利']);
    expect(shift.rows[0]).toEqual({ factor: 2, name: '=人才', nominal: [0.2, 0.2], S: 0.6, sLo: 0.5, sHi: 0.7, ST: 0.7, stLo: 0.7 - 0.05, stHi: 0.75 });
    expect(churn.rows.map((r) => [r.factor, r.ST])).toEqual([
      [1, 0.5],
      [2, 0.45],
      [0, 0.1],
    ]);
    expect(churn.rows[0].nominal).toEqual([0.3, 0.4]);
    const undef = sobolOutputViews(result(false), names, weights, 2)[1];
    expect(undef.defined).toBe(false);
    expect(undef.reason).toBe(CONSTANT_OUTPUT);
    expect(undef.rows.map((r) => r.factor)).toEqual([0, 1, 2]); // NaN everywhere: system order
    expect(sobolText('zh').reason(undef.reason!)).toBe('该结果在所有抽样点上取值相同（方差为 0），没有可分解的波动');
    expect(() => sobolOutputViews(result(), names.slice(1), weights, 2)).toThrow(/names/);
  });

  it('the sentence names the largest-S_T weight for the list, else for the ranks, else nothing', () => {
    const top100 = { kind: 'top-n', n: 100, scope: 'overall' } as const;
    expect(sobolSentence(sobolOutputViews(result(), names, weights, 2), top100, 'zh')).toBe('对前 100 名名单影响最大的是「专利」的权重（总效应指数 S_T = 0.50）。');
    expect(sobolSentence(sobolOutputViews(result(), names, weights, 2), top100, 'en')).toBe('The weight of "专利" matters most for the top-100 list (total index S_T = 0.50).');
    expect(sobolSentence(sobolOutputViews(result(), names, weights, 2), { kind: 'threshold', minScore: 60 }, 'zh')).toMatch(/^对名单“.+”影响最大的是「专利」的权重/);
    // (b) not defined: the mean rank shift's largest S_T (=人才, 0.70).
    expect(sobolSentence(sobolOutputViews(result(false), names, weights, 2), top100, 'zh')).toBe('对全部企业名次影响最大的是「=人才」的权重（总效应指数 S_T = 0.70）。');
    expect(sobolSentence(sobolOutputViews(result(), names, weights, 2), null, 'zh')).toBe('对全部企业名次影响最大的是「=人才」的权重（总效应指数 S_T = 0.70）。');
    const none = result(false);
    none.outputs[0].indices = indices([NaN, NaN, NaN], [NaN, NaN, NaN], false);
    expect(sobolSentence(sobolOutputViews(none, names, weights, 2), top100, 'zh')).toBeNull();
  });

  it('the profile: the dominant weight of a row, nothing for a rank that never moved or a row outside the run', () => {
    expect(profileFactor(result(), 0)).toEqual({ factor: 1, S: 0.8, ST: 0.9 });
    expect(profileFactor(result(), 1)).toEqual({ factor: null, reason: CONSTANT_OUTPUT });
    expect(profileFactor(result(), 2)).toBeNull();
    expect(profileFactor(result(), -1)).toBeNull();
  });

  it('chart: S_i then S_T per indicator with their intervals, a clean vega-lite spec', () => {
    const view = sobolOutputViews(result(), names, weights, 2)[1];
    const input = { output: '名单进出企业数', samples: 4, rows: view.rows.map((r) => ({ label: r.name, ...r })) };
    expect(sobolBarRows(input, 'zh').slice(0, 2)).toEqual([
      { indicator: '专利', kind: '一阶指数 S_i', value: 0.4, lo: 0.30000000000000004, hi: 0.5 },
      { indicator: '专利', kind: '总效应指数 S_T', value: 0.5, lo: 0.45, hi: 0.55 },
    ]);
    const spec = sobolBarSpec(input, { lang: 'zh' });
    const { vega, warnings } = compileClean(spec);
    expect(warnings).toEqual([]);
    expect(vega.marks?.length).toBeGreaterThan(0);
    expect(JSON.stringify(spec)).not.toMatch(/"url"/);
    expect(JSON.stringify(sobolBarSpec(input, { lang: 'en' }))).toContain('Variance share of each weight');
    // Undefined values become nulls (Vega's missing), never NaN in the JSON.
    expect(sobolBarRows({ output: 'x', samples: 1, rows: [{ label: 'a', S: NaN, sLo: NaN, sHi: NaN, ST: NaN, stLo: NaN, stHi: NaN }] }, 'en')[0].value).toBeNull();
  });

  it('exports in the reader’s language: translated reasons, names protected against formula injection', () => {
    const csv = toCsv(sobolIndicesTable(result(false), names, sobolExportHeaders('zh')));
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('结果,指标,一阶指数,一阶指数下限,一阶指数上限,总效应指数,总效应指数下限,总效应指数上限,方差,基础样本数,自助法重抽次数,说明');
    expect(lines[1]).toBe('平均名次变动（绝对值）,研发费用,0.2,0.1,0.30000000000000004,0.25,0.2,0.3,4,4,200,');
    expect(lines[3].startsWith("平均名次变动（绝对值）,'=人才,")).toBe(true);
    expect(lines[4]).toBe('名单进出企业数,研发费用,,,,,,,0,4,200,该结果在所有抽样点上取值相同（方差为 0），没有可分解的波动');
    const ent = toCsv(sobolEnterpriseTable(result(), ['91510100MA61234567', '91510100MA61234568'], names, sobolExportHeaders('en'), ['=HYPERLINK("x")', '乙公司']));
    const el = ent.slice(1).split('\r\n');
    expect(el[0]).toBe('Credit code,Enterprise,Rank variance,First-order: 研发费用,First-order: 专利,First-order: =人才,Total: 研发费用,Total: 专利,Total: =人才');
    expect(el[1]).toBe(`91510100MA61234567,"'=HYPERLINK(""x"")",2.5,0.1,0.8,0.2,0.2,0.9,0.3`);
    expect(el[2]).toBe('91510100MA61234568,乙公司,0,,,,,,');
  });
});
