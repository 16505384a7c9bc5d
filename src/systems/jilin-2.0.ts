import type { IndicatorSystem } from '../engine/types.ts';
import { field, growth, indicators, ratio } from './preset-helpers.ts';

/**
 * 吉林省科技型企业创新积分制 (national guide 2.0). Published: 4 first-level groups, 9 quantitative
 * + 3 bonus indicators, 4 stages, an optional veto set. Not published: weights, stage bounds, bonus
 * points. Everything numeric below is our choice, explained in `source.defaults` and
 * docs/methodology-systems.md.
 *
 * Weights (初创 / 成长 / 成熟 / 转型), class totals 创新投入 · 创新产出 · 创新发展:
 *   初创 .40 · .35 · .25 — young firms: relative measures (intensity, staff share, growth) carry most
 *   成长 .35 · .35 · .30 — balanced
 *   成熟 .30 · .35 · .35 — absolute output, scale and profitability
 *   转型 .38 · .32 · .30 — renewed R&D input is what a transforming firm is judged on
 */
const STAGES = ['startup', 'growth', 'mature', 'transformation'] as const;

export const jilin20: IndicatorSystem = {
  id: 'jilin-2.0',
  name: { zh: '吉林省科技型企业创新积分核心指标体系（2.0）', en: 'Jilin tech-enterprise innovation points system (guide 2.0)' },
  version: '2.0.1',
  source: {
    seed: '002_4db9062805bbc566.txt',
    published:
      '附件: 统一基础指标 in 4 groups — 创新投入 (研发费用金额, 研发费用占营业收入的比例, 研发人员占比), 创新产出 (发明专利授权量 累计, ' +
      '每百人研发人员的知识产权数量 = 知识产权拥有件数 ÷ 研发人员(百人), 企业技术合同成交额), 创新发展 (主营业务收入, 营业收入增长率, ' +
      '净资产利润率 = 净利润 ÷ [(期初+期末所有者权益) ÷ 2]) and 创新影响 as 加分项 (projects/awards/standards; financing; ' +
      'industry ranking and qualifications). Four stages 初创 / 成长 / 成熟 / 转型. Five 约束性 situations, all 自选 (the applying ' +
      'department chooses). Industry-specific and bank-specific models are left to the departments. No weights, stage bounds or points.',
    defaults:
      'Stages: 初创 ≤3 years, 成长 ≤8, 成熟 ≤15, 转型 beyond. Weights per stage (class totals 投入/产出/发展): 初创 .40/.35/.25, ' +
      '成长 .35/.35/.30, 成熟 .30/.35/.35, 转型 .38/.32/.30, split within each class as listed. Value rules: 研发人员 = tech_staff; ' +
      'IP per 100 R&D staff = ip_owned ÷ tech_staff and ROE = net_profit ÷ (equity_begin + equity_end), i.e. without the ×100 ' +
      'and the ÷2 — a constant factor changes no score under winsorised/plain min-max, percentile rank, z-score or 功效系数法 ' +
      '(only log-minmax, which is not scale-free, notices). Growth uses 营业收入 as the seed says. Bonus 创新影响, at most 30 ' +
      'points: seed item 10 (10 points) = projects 2/项 cap 4 + awards 2/项 cap 3 + standards 2/项 cap 3, using the current-year ' +
      'provincial+ counts the data form has as a proxy for the cumulative 地市级+ counts; item 11 = financing_total 1 point per ' +
      '100 万元, cap 10; item 12 = qualifications_count 2.5 per qualification or ranking, cap 10. Vetoes: all five optional; ' +
      'safety accident, research blacklist and dishonest debtor on by default (the national core constraints, and Jilin admits ' +
      'only firms that 符合安全生产要求), tax arrears and social-insurance violations off by default.',
  },
  // What the overview tells a reader (both languages; the seed by its title, not its file name).
  about: {
    short: { zh: '吉林 2.0', en: 'Jilin 2.0' },
    sourceTitle: {
      zh: '《吉林省科技型企业创新积分制工作实施方案》（依据《“创新积分制”工作指引（2.0版）（全国试行版）》）',
      en: 'Implementation plan for the innovation points system of technology-based enterprises, Jilin Province (after the national guide, version 2.0)',
    },
    edition: {
      zh: '2.0 版',
      en: 'version 2.0',
    },
    published: {
      zh: '附件“统一基础指标”分 4 组：创新投入（研发费用金额、研发费用占营业收入的比例、研发人员占比）、创新产出（发明专利授权量（累计）、每百名研发人员知识产权数量、企业技术合同成交额）、创新发展（主营业务收入、营业收入增长率、净资产利润率 = 净利润 ÷ [（期初 + 期末所有者权益）÷ 2]），创新影响作为加分项（项目、奖励、标准；融资；行业排名与资质）。4 个阶段：初创、成长、成熟、转型。5 种约束性情形均为自选（由应用部门选择）。行业特色指标和银行个性化评价模型由各部门自定。未公布权重、阶段年限和分值。',
      en: 'The annex "unified basic indicators" has 4 groups: innovation input (R&D expenditure, R&D share of operating revenue, R&D staff share), innovation output (granted invention patents, cumulative; IP items per 100 R&D staff; technology contract turnover), innovation development (main business revenue, revenue growth, return on equity = net profit ÷ [(opening + closing owners\' equity) ÷ 2]), and innovation impact as bonus items (projects, awards, standards; financing; industry ranking and qualifications). Four stages: start-up, growth, mature, transformation. Five constraint situations, all optional (the applying department chooses). Industry-specific indicators and banks\' own models are left to the departments. No weights, stage bounds or points are published.',
    },
    defaults: {
      zh: '阶段：初创不超过 3 年、成长不超过 8 年、成熟不超过 15 年、其后为转型。各阶段权重（投入 / 产出 / 发展合计）：初创 0.40 / 0.35 / 0.25，成长 0.35 / 0.35 / 0.30，成熟 0.30 / 0.35 / 0.35，转型 0.38 / 0.32 / 0.30，类内按所列指标分配。取值：研发人员取科技人员数量；每百名研发人员知识产权数量 = 知识产权拥有件数 ÷ 科技人员数量，净资产利润率 = 净利润 ÷（期初 + 期末所有者权益），即省去 ×100 和 ÷2——常数倍数不改变极值法、百分位、标准分或功效系数法的得分（只有对数极值法会受影响）。增长率按原文用营业收入。创新影响加分合计不超过 30 分：第 10 项（10 分）= 项目每项 2 分、上限 4 分 + 奖励每项 2 分、上限 3 分 + 标准每项 2 分、上限 3 分，以数据样表中当年省级及以上数量代替累计的地市级及以上数量；第 11 项 = 融资金额每 100 万元 1 分，上限 10 分；第 12 项 = 资质或排名每项 2.5 分，上限 10 分。约束：五项均可选；重大安全事故、科研黑名单、失信被执行人默认启用（全国核心约束，且吉林只纳入符合安全生产要求的企业），欠缴税费和未依法参保默认不启用。',
      en: "Stages: start-up at most 3 years, growth at most 8, mature at most 15, transformation beyond. Weights per stage (input / output / development totals): start-up 0.40 / 0.35 / 0.25, growth 0.35 / 0.35 / 0.30, mature 0.30 / 0.35 / 0.35, transformation 0.38 / 0.32 / 0.30, split within each class as listed. Values: R&D staff = science and technology staff; IP per 100 R&D staff = IP items owned ÷ science and technology staff, and return on equity = net profit ÷ (opening + closing owners' equity), i.e. without the ×100 and the ÷2 — a constant factor changes no score under min-max, percentile rank, z-score or the efficacy-coefficient method (only log min-max notices). Growth uses operating revenue, as the document says. Innovation-impact bonus, at most 30 points: item 10 (10 points) = projects 2 each, cap 4 + awards 2 each, cap 3 + standards 2 each, cap 3, using the data form's current-year provincial-or-higher counts in place of the cumulative city-or-higher counts; item 11 = 1 point per 1 million yuan of financing, cap 10; item 12 = 2.5 points per qualification or ranking, cap 10. Vetoes: all five optional; major safety accident, research blacklist and dishonest debtor on by default (the national core constraints, and Jilin admits only firms that meet work-safety requirements); tax arrears and social-insurance violations off by default.",
    },
  },
  baseScale: 100,
  stages: [
    { id: 'startup', name: { zh: '初创期', en: 'Start-up' }, maxAgeYears: 3 },
    { id: 'growth', name: { zh: '成长期', en: 'Growth' }, maxAgeYears: 8 },
    { id: 'mature', name: { zh: '成熟期', en: 'Mature' }, maxAgeYears: 15 },
    { id: 'transformation', name: { zh: '转型期', en: 'Transformation' } },
  ],
  classes: [
    { id: 'input', name: { zh: '创新投入', en: 'Innovation input' } },
    { id: 'output', name: { zh: '创新产出', en: 'Innovation output' } },
    { id: 'development', name: { zh: '创新发展', en: 'Innovation-driven development' } },
  ],
  indicators: indicators(STAGES, [
    { id: 'rd_expense', zh: '研发费用金额', en: 'R&D expense', classId: 'input', value: field('rd_expense'), w: [0.1, 0.12, 0.12, 0.14], unit: '万元' },
    {
      id: 'rd_intensity',
      zh: '研发费用占营业收入的比例',
      en: 'R&D intensity (R&D / revenue)',
      classId: 'input',
      value: ratio('rd_expense', 'revenue'),
      w: [0.15, 0.12, 0.1, 0.14],
    },
    { id: 'rd_staff_ratio', zh: '研发人员占比', en: 'Share of R&D staff', classId: 'input', value: ratio('tech_staff', 'employees'), w: [0.15, 0.11, 0.08, 0.1] },
    {
      id: 'invention_patents_granted',
      zh: '发明专利授权量（累计）',
      en: 'Invention patents granted (in force)',
      classId: 'output',
      value: field('invention_patents_granted'),
      w: [0.1, 0.12, 0.13, 0.12],
      unit: '件',
    },
    {
      id: 'ip_per_rd_staff',
      zh: '每百人研发人员的知识产权数量',
      en: 'IP rights per 100 R&D staff',
      classId: 'output',
      value: ratio('ip_owned', 'tech_staff'),
      w: [0.15, 0.12, 0.1, 0.1],
    },
    {
      id: 'tech_contract_value',
      zh: '企业技术合同成交额',
      en: 'Technology contract turnover',
      classId: 'output',
      value: field('tech_contract_value'),
      w: [0.1, 0.11, 0.12, 0.1],
      unit: '万元',
    },
    {
      id: 'main_business_revenue',
      zh: '主营业务收入',
      en: 'Main-business revenue',
      classId: 'development',
      value: field('main_business_revenue'),
      w: [0.05, 0.1, 0.13, 0.1],
      unit: '万元',
    },
    { id: 'revenue_growth', zh: '营业收入增长率', en: 'Revenue growth', classId: 'development', value: growth('revenue', 'revenue_prev'), w: [0.15, 0.12, 0.1, 0.1] },
    { id: 'roe', zh: '净资产利润率', en: 'Return on equity', classId: 'development', value: ratio('net_profit', ['equity_begin', 'equity_end']), w: [0.05, 0.08, 0.12, 0.1] },
  ]),
  bonus: [
    { id: 'impact_projects', name: { zh: '承担科技计划项目数量', en: 'S&T programme projects' }, field: 'projects', points: 2, cap: 4 },
    { id: 'impact_awards', name: { zh: '获得科技奖励数量', en: 'S&T awards' }, field: 'awards', points: 2, cap: 3 },
    { id: 'impact_standards', name: { zh: '参与制定国家或行业标准数量', en: 'National or industry standards' }, field: 'standards', points: 2, cap: 3 },
    {
      id: 'impact_financing',
      name: { zh: '获得天使投资、风险投资、贷款等融资金额（每100万元1分）', en: 'Angel, venture and loan financing (1 point per 1 M yuan)' },
      field: 'financing_total',
      points: 0.01,
      cap: 10,
    },
    {
      id: 'impact_qualifications',
      name: { zh: '企业或主导产品行业排名、科技相关资质', en: 'Industry rankings and technology qualifications' },
      field: 'qualifications_count',
      points: 2.5,
      cap: 10,
    },
  ],
  vetoes: [
    {
      id: 'major_safety_accident',
      name: { zh: '近3年发生重大安全事故', en: 'Major safety accident in the last 3 years' },
      fields: ['major_safety_accident'],
      mandatory: false,
      defaultActive: true,
    },
    {
      id: 'research_blacklist',
      name: { zh: '被列入科研黑名单', en: 'On the research-misconduct blacklist' },
      fields: ['research_blacklist'],
      mandatory: false,
      defaultActive: true,
    },
    { id: 'dishonest_debtor', name: { zh: '纳入失信被执行人名单', en: 'On the dishonest-debtor list' }, fields: ['dishonest_debtor'], mandatory: false, defaultActive: true },
    {
      id: 'tax_arrears',
      name: { zh: '未依法缴纳税款、非税收入和社会保险费', en: 'Unpaid taxes, non-tax revenue or social-insurance fees' },
      fields: ['tax_arrears'],
      mandatory: false,
      defaultActive: false,
    },
    {
      id: 'social_insurance_violation',
      name: { zh: '未依法办理社会保险登记及参保登记', en: 'Social-insurance registration not made' },
      fields: ['social_insurance_violation'],
      mandatory: false,
      defaultActive: false,
    },
  ],
  // qualifications_count is an extension column defined here (docs/methodology-systems.md): number of
  // 科技相关资质 and recognised industry rankings within 3 years; enterprise_types gives a lower bound.
  optionalFields: [
    'invention_patents_granted',
    'ip_owned',
    'main_business_revenue',
    'standards',
    'financing_total',
    'qualifications_count',
    'major_safety_accident',
    'research_blacklist',
    'dishonest_debtor',
    'tax_arrears',
    'social_insurance_violation',
  ],
};
