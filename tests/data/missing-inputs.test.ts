import { describe, expect, it } from 'vitest';
import { missingInputs } from '../../src/data/missing-inputs.ts';
import { getSystem } from '../../src/systems/index.ts';

const sichuan = getSystem('sichuan-2024')!;

/** Every field Sichuan's 18 indicators read (scoring.md §7), written out by hand. */
const INDICATOR_FIELDS = [
  'rd_expense', 'rd_expense_prev', 'revenue', 'revenue_prev', 'tech_staff', 'employees', 'invention_applications', 'pct_applications',
  'tech_contract_value', 'high_tech_revenue', 'postgrad_staff', 'rd_tax_relief', 'net_profit', 'equity_begin', 'equity_end', 'new_graduates',
  'platforms', 'platforms_prev', 'awards', 'awards_prev', 'projects', 'projects_prev', 'venture_capital',
]; // prettier-ignore

describe('missingInputs', () => {
  it('names the 5 bonus and 3 veto fields of a MOST sample-form file, with their effect, in Chinese', () => {
    const facts = missingInputs(sichuan, ['uscc', 'registration_date', 'name', ...INDICATOR_FIELDS]);
    expect(facts.map((f) => [f.kind, f.field])).toEqual([
      ['bonus', 'strategic_industry'],
      ['bonus', 'honors'],
      ['bonus', 'high_level_talents'],
      ['bonus', 'standards'],
      ['bonus', 'ip_assets'],
      ['veto', 'major_safety_accident'],
      ['veto', 'research_blacklist'],
      ['veto', 'dishonest_debtor'],
    ]);
    expect(facts[2].message.zh).toBe('加分项『入选国省级高层次人才认定数量』缺失：所有企业此项计 0 分');
    expect(facts[5].message.zh).toBe('约束项『近3年发生重大安全事故』缺失：不做清零判断');
  });

  it('says a veto rule still checks its other field when only one of its two is missing', () => {
    const facts = missingInputs(sichuan, [
      ...INDICATOR_FIELDS,
      'strategic_industry',
      'honors',
      'high_level_talents',
      'standards',
      'ip_assets',
      'major_safety_accident',
      'dishonest_debtor',
    ]);
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ kind: 'veto', field: 'research_blacklist', readers: ['blacklist_or_dishonest'] });
    expect(facts[0].message.zh).toContain('仍按其余字段判断');
  });

  it('lists the indicators an absent input makes missing for every row', () => {
    const present = INDICATOR_FIELDS.filter((f) => f !== 'employees');
    const facts = missingInputs(sichuan, present).filter((f) => f.kind === 'indicator');
    // 从业人员 is the denominator of 科技人员占比 and 研究生以上人员占比.
    expect(facts).toHaveLength(1);
    expect(facts[0].field).toBe('employees');
    expect(facts[0].readers).toEqual(['tech_staff_ratio', 'postgrad_ratio']);
    expect(facts[0].message.zh).toBe('指标数据『从业人员期末数』缺失：指标「科技人员占职工总数的比重」「研究生以上人员占比」对所有企业按缺失计（得 0 分）');
  });

  it('is empty when every field is present', () => {
    const all = ['strategic_industry', 'honors', 'high_level_talents', 'standards', 'ip_assets', 'major_safety_accident', 'research_blacklist', 'dishonest_debtor'];
    expect(missingInputs(sichuan, [...INDICATOR_FIELDS, ...all])).toEqual([]);
  });
});
