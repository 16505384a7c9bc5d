import type { IndicatorSystem } from '../engine/types.ts';
import { CORE_CLASSES, THREE_STAGES, field, growth, indicators, ratio, sum } from './preset-helpers.ts';

/**
 * 四川省科技企业创新积分制 (2024) — exactly scoring.md §7. Weights are 附件2 of the seed, in the
 * order initial / growth / stable; every number here is published, nothing is our choice except
 * the ids and the English names.
 */
const STAGES = ['initial', 'growth', 'stable'] as const;

export const sichuan2024: IndicatorSystem = {
  id: 'sichuan-2024',
  name: { zh: '四川省企业创新积分评价指标体系（2024）', en: 'Sichuan enterprise innovation points system (2024)' },
  version: '2024.1',
  source: {
    seed: '001_e9a526622d7f696a.txt',
    published:
      '附件1: 25 indicators in 5 classes — 技术创新 7, 成长经营 6, 辅助 5 (weighted), 四川特色 5 (附加分, bonus), 约束 2 (清零, veto). ' +
      '附件2: weights of the 18 weighted indicators for 初创期 (≤5 years) / 成长期 (5<N≤10) / 稳定期 (N>10); bonus points ' +
      '(strategic industry 1 point; honours 0.2 per title; talents, standards and IP assets 0.2 each, at most 1 point each); ' +
      'two veto rules (重大安全事故; 科研黑名单/失信被执行人). Formulas: growth = increase ÷ previous year; ROE = 净利润/(期初+期末所有者权益). ' +
      'Normalisation: 基于极端值调整的极值法, with a 非线性无量纲 method as a cross-check.',
    defaults:
      'None of the numbers are ours. Interpretations (scoring.md §7): "近两年" platforms/awards/projects = current + previous year; ' +
      'ROE exactly as published (no ÷2); the honours bonus is capped at 0.8 because the item lists four titles (0.2 each); ' +
      'a missing bonus field counts 0 and a missing veto field counts false; both veto rules are mandatory. ' +
      'Stage age is compared by calendar (as_of − 5 / 10 years).',
  },
  baseScale: 100,
  stages: [...THREE_STAGES],
  classes: [...CORE_CLASSES],
  indicators: indicators(STAGES, [
    { id: 'rd_expense', zh: '研发费用金额', en: 'R&D expense', classId: 'tech_innovation', value: field('rd_expense'), w: [0.08, 0.08, 0.08], unit: '万元' },
    { id: 'rd_growth', zh: '研发费用增速', en: 'R&D expense growth', classId: 'tech_innovation', value: growth('rd_expense', 'rd_expense_prev'), w: [0.06, 0.05, 0.04] },
    {
      id: 'rd_intensity',
      zh: '研发费用占营业收入的比例',
      en: 'R&D intensity (R&D / revenue)',
      classId: 'tech_innovation',
      value: ratio('rd_expense', 'revenue'),
      w: [0.08, 0.07, 0.06],
    },
    {
      id: 'tech_staff_ratio',
      zh: '科技人员占职工总数的比重',
      en: 'Share of S&T staff',
      classId: 'tech_innovation',
      value: ratio('tech_staff', 'employees'),
      w: [0.08, 0.07, 0.06],
    },
    {
      id: 'invention_applications',
      zh: '与主营业务相关的发明专利申请量',
      en: 'Invention patent applications (core business)',
      classId: 'tech_innovation',
      value: field('invention_applications'),
      w: [0.07, 0.07, 0.07],
      unit: '件',
    },
    {
      id: 'pct_applications',
      zh: '与主营业务相关的PCT专利申请量',
      en: 'PCT applications (core business)',
      classId: 'tech_innovation',
      value: field('pct_applications'),
      w: [0.06, 0.06, 0.06],
      unit: '件',
    },
    {
      id: 'tech_contract_value',
      zh: '企业技术合同成交额',
      en: 'Technology contract turnover',
      classId: 'tech_innovation',
      value: field('tech_contract_value'),
      w: [0.06, 0.05, 0.04],
      unit: '万元',
    },
    {
      id: 'high_tech_revenue',
      zh: '高新技术产品收入',
      en: 'High-tech product revenue',
      classId: 'growth_operation',
      value: field('high_tech_revenue'),
      w: [0.05, 0.05, 0.05],
      unit: '万元',
    },
    { id: 'revenue', zh: '营业收入', en: 'Operating revenue', classId: 'growth_operation', value: field('revenue'), w: [0.05, 0.05, 0.05], unit: '万元' },
    { id: 'revenue_growth', zh: '营业收入增长率', en: 'Revenue growth', classId: 'growth_operation', value: growth('revenue', 'revenue_prev'), w: [0.06, 0.05, 0.04] },
    {
      id: 'postgrad_ratio',
      zh: '研究生以上人员占比',
      en: 'Share of postgraduate staff',
      classId: 'growth_operation',
      value: ratio('postgrad_staff', 'employees'),
      w: [0.05, 0.04, 0.03],
    },
    {
      id: 'rd_tax_relief',
      zh: '研发费用加计扣除所得税减免额',
      en: 'R&D super-deduction tax relief',
      classId: 'growth_operation',
      value: field('rd_tax_relief'),
      w: [0.06, 0.06, 0.06],
      unit: '万元',
    },
    { id: 'roe', zh: '净资产利润率', en: 'Return on equity', classId: 'growth_operation', value: ratio('net_profit', ['equity_begin', 'equity_end']), w: [0.05, 0.06, 0.07] },
    { id: 'new_graduates', zh: '吸纳高校应届毕业生人数', en: 'New graduates hired', classId: 'auxiliary', value: field('new_graduates'), w: [0.03, 0.04, 0.05], unit: '人' },
    {
      id: 'platforms_2y',
      zh: '近两年承担建设省级及以上研发或创新平台数量',
      en: 'Provincial+ R&D platforms (2 years)',
      classId: 'auxiliary',
      value: sum('platforms', 'platforms_prev'),
      w: [0.05, 0.06, 0.07],
      unit: '项',
    },
    {
      id: 'awards_2y',
      zh: '近两年获得省级及以上科技奖励数量',
      en: 'Provincial+ S&T awards (2 years)',
      classId: 'auxiliary',
      value: sum('awards', 'awards_prev'),
      w: [0.04, 0.05, 0.06],
      unit: '项',
    },
    {
      id: 'projects_2y',
      zh: '近两年承担省级及以上科技计划项目数量',
      en: 'Provincial+ S&T projects (2 years)',
      classId: 'auxiliary',
      value: sum('projects', 'projects_prev'),
      w: [0.04, 0.05, 0.06],
      unit: '项',
    },
    { id: 'venture_capital', zh: '获得风险投资金额', en: 'Venture capital received', classId: 'auxiliary', value: field('venture_capital'), w: [0.03, 0.04, 0.05], unit: '万元' },
  ]),
  bonus: [
    {
      id: 'strategic_industry',
      name: { zh: '主营业务属于重点支持的战略性新兴产业、未来产业', en: 'Core business in a strategic emerging / future industry' },
      field: 'strategic_industry',
      points: 1,
      cap: 1,
    },
    {
      id: 'honors',
      name: { zh: '专精特新“小巨人”/制造业单项冠军/国家级技术创新示范企业/瞪羚企业', en: 'Little-giant / single champion / national innovation demonstration / gazelle titles' },
      field: 'honors',
      points: 0.2,
      cap: 0.8,
    },
    { id: 'high_level_talents', name: { zh: '入选国省级高层次人才认定数量', en: 'National or provincial high-level talents' }, field: 'high_level_talents', points: 0.2, cap: 1 },
    { id: 'standards', name: { zh: '主导或参与制（修）订标准数量', en: 'Standards led or co-drafted' }, field: 'standards', points: 0.2, cap: 1 },
    {
      id: 'ip_assets',
      name: { zh: '拥有发明专利、植物新品种、新药、集成电路布图设计等数量', en: 'Invention patents, plant varieties, new drugs, IC layouts owned' },
      field: 'ip_assets',
      points: 0.2,
      cap: 1,
    },
  ],
  vetoes: [
    {
      id: 'major_safety_accident',
      name: { zh: '近3年发生重大安全事故', en: 'Major safety accident in the last 3 years' },
      fields: ['major_safety_accident'],
      mandatory: true,
      defaultActive: true,
    },
    {
      id: 'blacklist_or_dishonest',
      name: { zh: '被列入科研黑名单、被纳入失信被执行人名单', en: 'On the research-misconduct blacklist or the dishonest-debtor list' },
      fields: ['research_blacklist', 'dishonest_debtor'],
      mandatory: true,
      defaultActive: true,
    },
  ],
  optionalFields: ['strategic_industry', 'honors', 'high_level_talents', 'standards', 'ip_assets', 'major_safety_accident', 'research_blacklist', 'dishonest_debtor'],
};
