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
  // What the overview tells a reader (both languages; the seed by its title, not its file name).
  about: {
    short: { zh: '四川 2024', en: 'Sichuan 2024' },
    sourceTitle: {
      zh: '《四川省科技企业创新积分制工作实施方案》',
      en: 'Implementation plan for the innovation points system of technology enterprises, Sichuan Province',
    },
    edition: {
      zh: '2024 版',
      en: '2024 edition',
    },
    published: {
      zh: '附件1列出 5 类 25 项指标：技术创新 7 项、成长经营 6 项、辅助 5 项（计入加权得分），四川特色 5 项（附加分），约束 2 项（清零）。附件2给出 18 项加权指标在初创期（成立不超过 5 年）、成长期（5 年以上、不超过 10 年）、稳定期（10 年以上）的权重。附加分：主营业务属于重点支持的战略性新兴产业、未来产业加 1 分；荣誉称号每项 0.2 分；高层次人才、标准、知识产权每项 0.2 分，各不超过 1 分。两条清零规则：近 3 年发生重大安全事故；被列入科研黑名单或被纳入失信被执行人名单。增长率 = 增量 ÷ 上年值；净资产收益率 = 净利润 ÷（期初 + 期末所有者权益）。无量纲化采用基于极端值调整的极值法，并以非线性无量纲方法交叉检验。',
      en: "Annex 1 lists 25 indicators in 5 classes: technology innovation 7, growth and operation 6, auxiliary 5 (weighted), Sichuan-specific 5 (bonus points) and constraints 2 (veto: the score is set to zero). Annex 2 gives the weights of the 18 weighted indicators for the start-up stage (at most 5 years), the growth stage (over 5, at most 10 years) and the mature stage (over 10 years). Bonus: 1 point for a core business in a supported strategic emerging or future industry; 0.2 per honour title; 0.2 each for high-level talents, standards and IP assets, at most 1 point each. Two veto rules: a major safety accident in the last 3 years; being on the research-misconduct blacklist or the dishonest-debtor list. Growth = increase ÷ previous year; return on equity = net profit ÷ (opening + closing owners' equity). Normalisation: min-max with extreme-value adjustment, with a non-linear method as a cross-check.",
    },
    defaults: {
      zh: '所有数值均为原文公布的数值。需要解释之处：“近两年”的平台、奖励、项目数量取当年与上年之和；净资产收益率按原文公式计算（不除以 2）；荣誉称号列出四类、每类 0.2 分，故该项附加分上限为 0.8 分；附加分数据缺失按 0 计，约束项数据缺失时不做清零判断；两条清零规则始终适用。企业阶段按日历计算（评价基准日前推 5 年、10 年）。',
      en: 'Every number is the published one. Interpretations: the "last two years" platforms, awards and projects are the current plus the previous year; return on equity exactly as published (not halved); the honours bonus is capped at 0.8 points because the item lists four titles at 0.2 each; missing bonus data counts 0, and missing veto data does not zero the score; both veto rules always apply. Stage age is measured by calendar (the as-of date minus 5 or 10 years).',
    },
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
