import type { IndicatorSystem } from '../engine/types.ts';
import { CORE_CLASSES, THREE_STAGES, field, growth, indicators, ratio, sum } from './preset-helpers.ts';

/**
 * 江西省创新积分 (试行, 2025). The seed publishes the structure only — five classes 技术创新 /
 * 成长经营 / 辅助 / 特色 / 逆向, three stages, a 白名单 — and no indicator list. This preset fills
 * the structure from the national core set (as the seed says it does: "参照…全国试行版") with two
 * 特色 indicators that measure what the seed stresses (industrial-chain quality, finance) and two
 * 逆向 (reverse-direction) indicators. Class totals per stage (初创 / 成长 / 稳定):
 * 技术创新 .41/.38/.35, 成长经营 .23/.23/.23, 辅助 .14/.17/.21, 特色 .14/.12/.11, 逆向 .08/.10/.10.
 */
const STAGES = ['initial', 'growth', 'stable'] as const;

export const jiangxi2025: IndicatorSystem = {
  id: 'jiangxi-2025',
  name: { zh: '江西省企业创新积分制评价指标体系（2025 试行）', en: 'Jiangxi enterprise innovation points system (2025 pilot)' },
  version: '2025.1',
  source: {
    seed: '003_7c341b83bca873f1.txt',
    published:
      '四、(一): one province-wide model; enterprises in 初创期 / 成长期 / 稳定期; five first-level classes 技术创新指标, ' +
      '成长经营指标, 辅助指标, 特色指标, 逆向指标, whose second-level indicators and weights are "科学论证、合理设定" (not ' +
      'published); a 白名单 of scored firms; rankings by year, industry and enterprise type. No indicator list, weights, stage ' +
      'bounds, bonus or veto rules.',
    defaults:
      'Stages 初创期 ≤5 years, 成长期 ≤10, 稳定期 beyond (全国试行版 bounds, as Sichuan). 技术创新 7 and 成长经营 6 indicators ' +
      'and 辅助 4 are the national core set as Sichuan measures it (data-form fields). 特色: high-tech product revenue share ' +
      "(industrial-chain quality) and venture capital over two years (the seed's finance scenario). 逆向 (reverse, a higher " +
      'value scores lower): capital erosion = registered capital ÷ year-end equity (above 1 when losses have eaten into the ' +
      'capital; negative equity is missing and so scores 0) and debt_ratio 资产负债率, an extension column (optional; when ' +
      'nobody supplies it the indicator is constant, every firm gets 0 and the run reports it). Weights: our choice, class ' +
      'totals 技术创新 .41/.38/.35, 成长经营 .23/.23/.23, 辅助 .14/.17/.21, 特色 .14/.12/.11, 逆向 .08/.10/.10 — shifting from ' +
      'R&D effort to track record with age as Sichuan does. No bonus. Vetoes: the national core constraints (safety ' +
      'accident; research blacklist / dishonest debtor), optional and on by default, as the conditions of the 白名单.',
  },
  // What the overview tells a reader (both languages; the seed by its title, not its file name).
  about: {
    short: { zh: '江西 2025', en: 'Jiangxi 2025' },
    sourceTitle: {
      zh: '《江西省创新积分赋能科技型企业高质量发展实施方案（试行）》',
      en: 'Implementation plan for empowering the high-quality development of technology-based enterprises with innovation points, Jiangxi Province (pilot)',
    },
    edition: {
      zh: '2025 试行版',
      en: '2025 pilot edition',
    },
    published: {
      zh: '第四部分第（一）条：全省统一评价模型；企业分初创期、成长期、稳定期；一级指标 5 类：技术创新指标、成长经营指标、辅助指标、特色指标、逆向指标，其二级指标和权重“科学论证、合理设定”（未公布）；对评价企业建立白名单；按年度、行业、企业类型排名。未公布指标清单、权重、阶段年限、加分或清零规则。',
      en: 'Part IV (1): one province-wide model; enterprises in the start-up, growth and mature stages; five first-level classes — technology innovation, growth and operation, auxiliary, distinctive and reverse indicators — whose second-level indicators and weights are to be "scientifically argued and reasonably set" (not published); a whitelist of evaluated firms; rankings by year, industry and enterprise type. No indicator list, weights, stage bounds, bonus or veto rules are published.',
    },
    defaults: {
      zh: '阶段：初创期不超过 5 年、成长期不超过 10 年、其后为稳定期（全国试行版年限，与四川相同）。技术创新 7 项、成长经营 6 项、辅助 4 项为全国核心指标，按四川方案的口径（数据样表字段）计算。特色指标：高新技术产品收入占比（产业链质量）和近两年风险投资金额（原文的金融场景）。逆向指标（数值越高得分越低）：资本侵蚀 = 注册资本 ÷ 期末所有者权益（亏损侵蚀资本时大于 1；所有者权益为负时视为缺失、得 0 分）；资产负债率为扩展列（可选；无人提供时该指标为常数，所有企业得 0 分，并在结果中提示）。权重为本工具设定，各类合计（初创 / 成长 / 稳定）：技术创新 0.41 / 0.38 / 0.35，成长经营 0.23 / 0.23 / 0.23，辅助 0.14 / 0.17 / 0.21，特色 0.14 / 0.12 / 0.11，逆向 0.08 / 0.10 / 0.10——与四川一样，随企业年龄从研发投入向经营业绩倾斜。无附加分。约束：全国核心约束（重大安全事故；科研黑名单、失信被执行人），可选、默认启用，作为进入白名单的条件。',
      en: "Stages: start-up at most 5 years, growth at most 10, mature beyond (the national pilot bounds, as in Sichuan). The 7 technology-innovation, 6 growth-and-operation and 4 auxiliary indicators are the national core set, measured as Sichuan does (data-form fields). Distinctive: high-tech product revenue share (industrial-chain quality) and venture capital over two years (the document's finance scenario). Reverse (a higher value scores lower): capital erosion = registered capital ÷ year-end owners' equity (above 1 when losses have eaten into the capital; negative equity is treated as missing and scores 0), and the debt-to-asset ratio, an extension column (optional; when nobody supplies it the indicator is constant, every firm gets 0 and the result says so). Weights are ours, class totals (start-up / growth / mature): technology innovation 0.41 / 0.38 / 0.35, growth and operation 0.23 / 0.23 / 0.23, auxiliary 0.14 / 0.17 / 0.21, distinctive 0.14 / 0.12 / 0.11, reverse 0.08 / 0.10 / 0.10 — shifting from R&D effort to track record with age, as Sichuan does. No bonus. Vetoes: the national core constraints (major safety accident; research blacklist or dishonest debtor), optional and on by default, as conditions of the whitelist.",
    },
  },
  baseScale: 100,
  stages: [...THREE_STAGES],
  classes: [...CORE_CLASSES, { id: 'featured', name: { zh: '特色指标', en: 'Jiangxi features' } }, { id: 'reverse', name: { zh: '逆向指标', en: 'Reverse-direction' } }],
  indicators: indicators(STAGES, [
    { id: 'rd_expense', zh: '研发费用金额', en: 'R&D expense', classId: 'tech_innovation', value: field('rd_expense'), w: [0.07, 0.07, 0.07], unit: '万元' },
    { id: 'rd_growth', zh: '研发费用增速', en: 'R&D expense growth', classId: 'tech_innovation', value: growth('rd_expense', 'rd_expense_prev'), w: [0.05, 0.04, 0.03] },
    {
      id: 'rd_intensity',
      zh: '研发费用占营业收入的比例',
      en: 'R&D intensity (R&D / revenue)',
      classId: 'tech_innovation',
      value: ratio('rd_expense', 'revenue'),
      w: [0.07, 0.06, 0.05],
    },
    {
      id: 'tech_staff_ratio',
      zh: '科技人员占职工总数的比重',
      en: 'Share of S&T staff',
      classId: 'tech_innovation',
      value: ratio('tech_staff', 'employees'),
      w: [0.07, 0.06, 0.05],
    },
    {
      id: 'invention_applications',
      zh: '与主营业务相关的发明专利申请量',
      en: 'Invention patent applications (core business)',
      classId: 'tech_innovation',
      value: field('invention_applications'),
      w: [0.06, 0.06, 0.06],
      unit: '件',
    },
    {
      id: 'pct_applications',
      zh: '与主营业务相关的PCT专利申请量',
      en: 'PCT applications (core business)',
      classId: 'tech_innovation',
      value: field('pct_applications'),
      w: [0.04, 0.04, 0.05],
      unit: '件',
    },
    {
      id: 'tech_contract_value',
      zh: '企业技术合同成交额',
      en: 'Technology contract turnover',
      classId: 'tech_innovation',
      value: field('tech_contract_value'),
      w: [0.05, 0.05, 0.04],
      unit: '万元',
    },
    {
      id: 'high_tech_revenue',
      zh: '高新技术产品收入',
      en: 'High-tech product revenue',
      classId: 'growth_operation',
      value: field('high_tech_revenue'),
      w: [0.04, 0.04, 0.04],
      unit: '万元',
    },
    { id: 'revenue', zh: '营业收入', en: 'Operating revenue', classId: 'growth_operation', value: field('revenue'), w: [0.04, 0.05, 0.05], unit: '万元' },
    { id: 'revenue_growth', zh: '营业收入增长率', en: 'Revenue growth', classId: 'growth_operation', value: growth('revenue', 'revenue_prev'), w: [0.05, 0.04, 0.03] },
    {
      id: 'postgrad_ratio',
      zh: '研究生以上人员占比',
      en: 'Share of postgraduate staff',
      classId: 'growth_operation',
      value: ratio('postgrad_staff', 'employees'),
      w: [0.03, 0.03, 0.03],
    },
    {
      id: 'rd_tax_relief',
      zh: '研发费用加计扣除所得税减免额',
      en: 'R&D super-deduction tax relief',
      classId: 'growth_operation',
      value: field('rd_tax_relief'),
      w: [0.04, 0.04, 0.04],
      unit: '万元',
    },
    { id: 'roe', zh: '净资产利润率', en: 'Return on equity', classId: 'growth_operation', value: ratio('net_profit', ['equity_begin', 'equity_end']), w: [0.03, 0.03, 0.04] },
    { id: 'new_graduates', zh: '吸纳高校应届毕业生人数', en: 'New graduates hired', classId: 'auxiliary', value: field('new_graduates'), w: [0.03, 0.03, 0.04], unit: '人' },
    {
      id: 'platforms_2y',
      zh: '近两年承担建设省级及以上研发或创新平台数量',
      en: 'Provincial+ R&D platforms (2 years)',
      classId: 'auxiliary',
      value: sum('platforms', 'platforms_prev'),
      w: [0.04, 0.05, 0.06],
      unit: '项',
    },
    {
      id: 'awards_2y',
      zh: '近两年获得省级及以上科技奖励数量',
      en: 'Provincial+ S&T awards (2 years)',
      classId: 'auxiliary',
      value: sum('awards', 'awards_prev'),
      w: [0.03, 0.04, 0.05],
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
    {
      id: 'high_tech_revenue_share',
      zh: '高新技术产品收入占营业收入比重',
      en: 'High-tech product share of revenue',
      classId: 'featured',
      value: ratio('high_tech_revenue', 'revenue'),
      w: [0.06, 0.06, 0.06],
    },
    {
      id: 'venture_capital_2y',
      zh: '近两年获得风险投资金额',
      en: 'Venture capital received (2 years)',
      classId: 'featured',
      value: sum('venture_capital', 'venture_capital_prev'),
      w: [0.08, 0.06, 0.05],
      unit: '万元',
    },
    {
      id: 'capital_erosion',
      zh: '注册资本与期末所有者权益之比（资本侵蚀度）',
      en: 'Capital erosion (registered capital / year-end equity)',
      classId: 'reverse',
      direction: 'reverse',
      value: ratio('registered_capital', 'equity_end'),
      w: [0.04, 0.05, 0.05],
    },
    { id: 'debt_ratio', zh: '资产负债率', en: 'Debt-to-asset ratio', classId: 'reverse', direction: 'reverse', value: field('debt_ratio'), w: [0.04, 0.05, 0.05] },
  ]),
  bonus: [],
  vetoes: [
    {
      id: 'major_safety_accident',
      name: { zh: '近3年发生重大安全事故', en: 'Major safety accident in the last 3 years' },
      fields: ['major_safety_accident'],
      mandatory: false,
      defaultActive: true,
    },
    {
      id: 'blacklist_or_dishonest',
      name: { zh: '被列入科研黑名单、被纳入失信被执行人名单', en: 'On the research-misconduct blacklist or the dishonest-debtor list' },
      fields: ['research_blacklist', 'dishonest_debtor'],
      mandatory: false,
      defaultActive: true,
    },
  ],
  // debt_ratio is an extension column defined here: 资产负债率 = 负债总额 ÷ 资产总额 (a fraction, e.g. 0.45).
  optionalFields: ['debt_ratio', 'major_safety_accident', 'research_blacklist', 'dishonest_debtor'],
};
