/**
 * The Sichuan preset against scoring.md §7 (and 附件2 of seed 001), written out here by hand: any
 * drift between the preset and the normative table fails this test.
 */
import { describe, expect, it } from 'vitest';
import { getSystem } from '../../src/systems/index.ts';

// # | id | value rule | weights initial / growth / stable
const TABLE: [string, object, [number, number, number]][] = [
  ['rd_expense', { kind: 'field', field: 'rd_expense' }, [0.08, 0.08, 0.08]],
  ['rd_growth', { kind: 'growth', current: 'rd_expense', previous: 'rd_expense_prev' }, [0.06, 0.05, 0.04]],
  ['rd_intensity', { kind: 'ratio', numerator: 'rd_expense', denominator: 'revenue' }, [0.08, 0.07, 0.06]],
  ['tech_staff_ratio', { kind: 'ratio', numerator: 'tech_staff', denominator: 'employees' }, [0.08, 0.07, 0.06]],
  ['invention_applications', { kind: 'field', field: 'invention_applications' }, [0.07, 0.07, 0.07]],
  ['pct_applications', { kind: 'field', field: 'pct_applications' }, [0.06, 0.06, 0.06]],
  ['tech_contract_value', { kind: 'field', field: 'tech_contract_value' }, [0.06, 0.05, 0.04]],
  ['high_tech_revenue', { kind: 'field', field: 'high_tech_revenue' }, [0.05, 0.05, 0.05]],
  ['revenue', { kind: 'field', field: 'revenue' }, [0.05, 0.05, 0.05]],
  ['revenue_growth', { kind: 'growth', current: 'revenue', previous: 'revenue_prev' }, [0.06, 0.05, 0.04]],
  ['postgrad_ratio', { kind: 'ratio', numerator: 'postgrad_staff', denominator: 'employees' }, [0.05, 0.04, 0.03]],
  ['rd_tax_relief', { kind: 'field', field: 'rd_tax_relief' }, [0.06, 0.06, 0.06]],
  ['roe', { kind: 'ratio', numerator: 'net_profit', denominator: ['equity_begin', 'equity_end'] }, [0.05, 0.06, 0.07]],
  ['new_graduates', { kind: 'field', field: 'new_graduates' }, [0.03, 0.04, 0.05]],
  ['platforms_2y', { kind: 'sum', fields: ['platforms', 'platforms_prev'] }, [0.05, 0.06, 0.07]],
  ['awards_2y', { kind: 'sum', fields: ['awards', 'awards_prev'] }, [0.04, 0.05, 0.06]],
  ['projects_2y', { kind: 'sum', fields: ['projects', 'projects_prev'] }, [0.04, 0.05, 0.06]],
  ['venture_capital', { kind: 'field', field: 'venture_capital' }, [0.03, 0.04, 0.05]],
];
// 附件1: the first 7 are 技术创新, the next 6 成长经营, the last 5 辅助.
const CLASS_SIZES: [string, number][] = [
  ['技术创新指标', 7],
  ['成长经营指标', 6],
  ['辅助指标', 5],
];

const system = getSystem('sichuan-2024')!;

describe('sichuan-2024 equals scoring.md §7', () => {
  it('has the three stages with the published age bounds', () => {
    expect(system.stages.map((s) => [s.id, s.name.zh, s.maxAgeYears])).toEqual([
      ['initial', '初创期', 5],
      ['growth', '成长期', 10],
      ['stable', '稳定期', undefined],
    ]);
  });

  it('has the 18 weighted indicators in order, with their value rules and weights', () => {
    expect(system.indicators.map((i) => i.id)).toEqual(TABLE.map((t) => t[0]));
    system.indicators.forEach((ind, k) => {
      const [, value, [wi, wg, ws]] = TABLE[k];
      expect(ind.value).toEqual(value);
      expect(ind.weights).toEqual({ initial: wi, growth: wg, stable: ws });
      expect(ind.direction).toBe('positive');
    });
  });

  it('puts the indicators in the published classes', () => {
    const byClass = new Map(system.classes.map((c) => [c.id, c.name.zh]));
    const names = system.indicators.map((i) => byClass.get(i.classId));
    let k = 0;
    for (const [zh, size] of CLASS_SIZES) for (let j = 0; j < size; j++) expect(names[k++]).toBe(zh);
  });

  it('has the five bonus items with the published points and caps', () => {
    expect(system.bonus.map((b) => [b.id, b.field, b.points, b.cap])).toEqual([
      ['strategic_industry', 'strategic_industry', 1, 1],
      ['honors', 'honors', 0.2, 0.8],
      ['high_level_talents', 'high_level_talents', 0.2, 1],
      ['standards', 'standards', 0.2, 1],
      ['ip_assets', 'ip_assets', 0.2, 1],
    ]);
  });

  it('has the two mandatory veto rules', () => {
    expect(system.vetoes.map((v) => [v.fields, v.mandatory, v.defaultActive])).toEqual([
      [['major_safety_accident'], true, true],
      [['research_blacklist', 'dishonest_debtor'], true, true],
    ]);
  });

  it('cites seed 001 and scores on 100 points', () => {
    expect(system.source.seed).toBe('001_e9a526622d7f696a.txt');
    expect(system.baseScale).toBe(100);
    expect(system.optionalFields).toEqual(expect.arrayContaining(['strategic_industry', 'honors', 'major_safety_accident', 'research_blacklist', 'dishonest_debtor']));
  });
});
