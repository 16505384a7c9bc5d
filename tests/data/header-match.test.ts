import { describe, expect, it } from 'vitest';
import { inferEvalYear, matchHeaders } from '../../src/data/header-match.ts';
import { setColumnField, withRequired } from '../../src/data/mapping.ts';
import { normalizeHeader } from '../../src/data/normalize-header.ts';

const fieldOf = (header: string, others: string[] = []) => {
  const m = matchHeaders([header, ...others]);
  return m.columns[0].status === 'matched' ? m.columns[0].field : m.columns[0].status;
};

describe('normalizeHeader', () => {
  it('removes units, brackets, spaces and years', () => {
    expect(normalizeHeader('注册资本（万元）')).toEqual({ key: '注册资本(万元)', base: '注册资本' });
    expect(normalizeHeader('截至 2023 年底科技人员数量')).toMatchObject({ base: '科技人员数量', year: 2023 });
    expect(normalizeHeader('2022年度研发费用【万元】')).toMatchObject({ base: '研发费用', year: 2022 });
    expect(normalizeHeader('上年研发费用')).toMatchObject({ base: '研发费用', relative: 'prev' });
    expect(normalizeHeader('研发费用(当年)')).toMatchObject({ base: '研发费用', relative: 'current' });
    // 以上 is not 上年
    expect(normalizeHeader('承担省级及以上科技计划项目数量').relative).toBeUndefined();
  });
});

describe('matchHeaders: ids, Chinese headers and close variants', () => {
  it.each([
    ['uscc', 'uscc'],
    ['USCC', 'uscc'],
    ['rd_expense_prev', 'rd_expense_prev'],
    ['统一社会信用代码', 'uscc'],
    ['统一社会信用代码 ', 'uscc'],
    ['企业名称', 'name'],
    ['注册资本（万元）', 'registered_capital'],
    ['注册资本(万元)', 'registered_capital'],
    ['注册资本[万元]', 'registered_capital'],
    ['注册资本【万元】', 'registered_capital'],
    ['注册资本', 'registered_capital'],
    ['注 册 日 期', 'registration_date'],
    ['企业所属 科技创新领域', 'tech_field'],
    ['企业所属科技创新领域', 'tech_field'],
    ['企业类型 (2023 年度有效)', 'enterprise_types'],
    ['县（区、市）', 'county'],
    ['研发费用', 'rd_expense'],
    ['研发费用（万元）', 'rd_expense'],
    ['当年研发费用', 'rd_expense'],
    ['上年研发费用', 'rd_expense_prev'],
    ['研发费用(上年)', 'rd_expense_prev'],
    ['与主营业务相关的ＰＣＴ专利申请量', 'pct_applications'], // full-width letters
    ['主导或参与制（修）订标准数量', 'standards'],
    ['从业人员期末数(人)', 'employees'],
  ])('%j → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it('matches the wording of the data sample form (国科办函资〔2024〕246号)', () => {
    const headers = [
      '截至 2023 年底科技人员数量',
      '截至 2023 年底 从业人员期末数',
      '截至 2023 年底 具有研究生及以上学历人员',
      '2023 年度吸纳 高校应届毕业生人数',
      '截至 2023 年底与主营业务 相关的发明专利申请量',
      '截至 2023 年底与主营业务 相关的 PCT 专利申请量',
      '2023 年度研发费用',
      '2022 年度研发费用',
      '2023 年度 企业技术合同成交额',
      '2023 年度 高新技术产品收入',
      '2023 年度营业收入',
      '2022 年度营业收入',
      '2023 年度研发费用 加计扣除所得税减免额',
      '2023 年度净利润',
      '2023 年度 期初所有者权益',
      '2023 年度期末 所有者权益',
      '2022 年度承担建设省级及 以上研发或创新平台数量',
      '2023 年度承担建设省级及 以上研发或创新平台数量',
      '2022 年度获得省级及 以上科技奖励数量',
      '2023 年度获得省级及 以上科技奖励数量',
      '2022 年度承担省级及 以上科技计划项目数量',
      '2023 年度承担省级及 以上科技计划项目数量',
      '2022 年度获得风险投资金额',
      '2023 年度 获得风险投资金额',
    ];
    const m = matchHeaders(headers);
    expect(m.evalYear).toBe(2023);
    expect(m.columns.map((c) => c.field)).toEqual([
      'tech_staff',
      'employees',
      'postgrad_staff',
      'new_graduates',
      'invention_applications',
      'pct_applications',
      'rd_expense',
      'rd_expense_prev',
      'tech_contract_value',
      'high_tech_revenue',
      'revenue',
      'revenue_prev',
      'rd_tax_relief',
      'net_profit',
      'equity_begin',
      'equity_end',
      'platforms_prev',
      'platforms',
      'awards_prev',
      'awards',
      'projects_prev',
      'projects',
      'venture_capital_prev',
      'venture_capital',
    ]);
    expect(m.columns.every((c) => c.status === 'matched')).toBe(true);
  });

  it('year forms: 2023年度 / 2023年 / 截至2023年底 mean 当年, the year before means 上年', () => {
    const m = matchHeaders(['2023年营业收入', '截至2022年底营业收入', '2023年末期末所有者权益']);
    expect(m.columns.map((c) => c.field)).toEqual(['revenue', 'revenue_prev', 'equity_end']);
  });

  it('infers the evaluation year as the largest year in matched headers', () => {
    expect(inferEvalYear(['2022年度研发费用', '2023年度研发费用', '备注2099年'])).toBe(2023);
    expect(inferEvalYear(['研发费用', '营业收入'])).toBeUndefined();
  });

  it('leaves a third year unmatched, with a note', () => {
    const m = matchHeaders(['2023年度研发费用', '2022年度研发费用', '2021年度研发费用']);
    expect(m.columns[2].status).toBe('unmatched');
    expect(m.columns[2].note?.en).toContain('2021');
    expect(m.fields).toEqual({ rd_expense: 0, rd_expense_prev: 1 });
  });

  it('a given evaluation year overrides inference', () => {
    // evaluation year 2024: 2023 is the year before (上年), 2022 is neither.
    const m = matchHeaders(['2023年度研发费用', '2022年度研发费用'], { evalYear: 2024 });
    expect(m.evalYear).toBe(2024);
    expect(m.columns[0]).toMatchObject({ status: 'matched', field: 'rd_expense_prev' });
    expect(m.columns[1].status).toBe('unmatched');
    expect(m.columns[1].note?.zh).toContain('2022');
  });

  it('drops personal-data columns and reports them', () => {
    const m = matchHeaders(['法定代表人姓名', '手机', '邮箱', '实际负责人手机', '法定代表人', '企业名称']);
    expect(m.personal).toEqual([0, 1, 2, 3, 4]);
    expect(m.columns.slice(0, 5).every((c) => c.status === 'personal' && c.field === undefined)).toBe(true);
    expect(m.fields).toEqual({ name: 5 });
  });

  it('reports unmatched, ambiguous and missing required fields', () => {
    const m = matchHeaders(['统一社会信用代码', 'uscc', '备注', '研发费用'], { required: ['uscc', 'rd_expense', 'revenue'] });
    expect(m.ambiguous).toEqual([{ field: 'uscc', columns: [0, 1] }]);
    expect(m.columns[0].status).toBe('ambiguous');
    expect(m.columns[1].status).toBe('ambiguous');
    expect(m.unmatched).toEqual([2]);
    expect(m.fields).toEqual({ rd_expense: 3 });
    expect(m.missingRequired).toEqual(['uscc', 'revenue']);
  });
});

describe('editing a mapping by hand', () => {
  it('assigning a field resolves an ambiguity and updates the summaries', () => {
    const m = matchHeaders(['统一社会信用代码', 'uscc', '备注'], { required: ['uscc', 'name'] });
    const e = setColumnField(m, 1, 'uscc');
    expect(e.ambiguous).toEqual([]);
    expect(e.fields).toEqual({ uscc: 1 });
    expect(e.columns[0].status).toBe('unmatched');
    expect(e.columns[1]).toMatchObject({ status: 'matched', field: 'uscc', manual: true });
    expect(e.missingRequired).toEqual(['name']);
    const f = setColumnField(e, 2, 'name');
    expect(f.missingRequired).toEqual([]);
    const g = setColumnField(f, 2, null);
    expect(g.fields).toEqual({ uscc: 1 });
    expect(g.columns[2]).toMatchObject({ status: 'unmatched', manual: true });
    // the original is untouched
    expect(m.ambiguous).toHaveLength(1);
  });

  it('refuses personal columns and unknown fields; withRequired recomputes', () => {
    const m = matchHeaders(['手机', '企业名称']);
    expect(() => setColumnField(m, 0, 'name')).toThrow(/personal/);
    expect(() => setColumnField(m, 1, 'nope')).toThrow(/unknown field/);
    expect(withRequired(m, ['name', 'uscc']).missingRequired).toEqual(['uscc']);
  });
});

describe('extension fields of a system', () => {
  it('match by exact id only and parse as numbers', () => {
    const m = matchHeaders(['debt_ratio', '资产负债率', 'uscc'], { extensions: ['debt_ratio', 'uscc'] });
    expect(m.fields).toEqual({ debt_ratio: 0, uscc: 2 });
    expect(m.extensions).toEqual(['debt_ratio']); // uscc is in the data model already
    expect(setColumnField(m, 1, 'debt_ratio').fields).toEqual({ debt_ratio: 1, uscc: 2 });
  });
});
