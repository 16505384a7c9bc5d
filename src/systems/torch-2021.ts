import type { IndicatorSystem } from '../engine/types.ts';
import { CORE_CLASSES, THREE_STAGES, field, growth, indicators, ratio } from './preset-helpers.ts';

/**
 * 火炬中心 企业创新积分核心指标 (国科火字〔2021〕131号): the 20 national core indicators. The
 * guide publishes indicators and classes only; weights, stages and data mapping are ours (see
 * `source.defaults` and docs/methodology-systems.md). Within a class every indicator has the same
 * weight; class shares per stage follow Sichuan's class totals, rounded so that every weight is a
 * short decimal: 技术创新 48/45/42 %, 成长经营 36/33/30 %, 辅助 16/22/28 %.
 */
const STAGES = ['initial', 'growth', 'stable'] as const;
// Per-indicator weights per stage = class share ÷ number of indicators in the class, written as
// literals so that exported JSON shows 0.07, not 0.42 / 6 = 0.06999999999999999.
const T = [0.08, 0.075, 0.07]; // 技术创新 0.48 / 0.45 / 0.42 ÷ 6
const G = [0.06, 0.055, 0.05]; // 成长经营 0.36 / 0.33 / 0.30 ÷ 6
const A = [0.02, 0.0275, 0.035]; // 辅助 0.16 / 0.22 / 0.28 ÷ 8

export const torch2021: IndicatorSystem = {
  id: 'torch-2021',
  name: { zh: '企业创新积分核心指标（火炬中心 2021）', en: 'Torch Center core innovation-points indicators (2021)' },
  version: '2021.1',
  source: {
    seed: '000_d185eb073935c506.txt',
    published:
      '附录 企业创新积分核心指标: 20 indicators in 3 classes — 技术创新 6 (1.1–1.6), 成长经营 6 (2.1–2.6), 辅助 8 (3.1–3.8). ' +
      'No weights and no formulas: "试点高新区自行设置指标权重和积分计算方法". The Torch Center ranks with its own weights and ' +
      'publishes top-100 lists for 初创期 and 成长期 and per industry; stage bounds are not published.',
    defaults:
      'Weights: equal within each class; class shares per stage 技术创新 0.48 / 0.45 / 0.42, 成长经营 0.36 / 0.33 / 0.30, ' +
      "辅助 0.16 / 0.22 / 0.28 (初创 / 成长 / 稳定) — Sichuan's class totals (0.49/0.32/0.19, 0.45/0.31/0.24, 0.41/0.30/0.29) " +
      'rounded so every weight is a short decimal. Stages: 初创期 ≤5 years, 成长期 ≤10, 稳定期 beyond (the national 全国试行版 ' +
      'bounds used by Sichuan and Jiangxi); 稳定期 is added so that every enterprise has a stage, although the Torch lists cover ' +
      'only the first two. Data mapping: 1.1 uses R&D intensity (the 3-year cumulative alternative needs a third year the data ' +
      'form lacks); 1.3 uses 科技人员 as R&D staff; 1.6 uses all technology contracts (the form does not split by counterparty); ' +
      '2.6 ROE = 净利润/(期初+期末所有者权益) as in Sichuan; 3.2–3.4 use the current-year counts, whose scope (省级及以上) is ' +
      'wider than 国家级; 3.5–3.8 read extension columns (see optionalFields). No bonus items, no vetoes (none published).',
  },
  // What the overview tells a reader (both languages; the seed by its title, not its file name).
  about: {
    short: { zh: '火炬 2021', en: 'Torch 2021' },
    sourceTitle: {
      zh: '《关于开展第二批企业创新积分制试点工作的通知》（国科火字〔2021〕131号）附件《企业创新积分制试点工作指引》',
      en: 'Notice on the second batch of enterprise innovation points pilots (Torch Center of the Ministry of Science and Technology, 2021, No. 131), annex: Guide to the enterprise innovation points pilots',
    },
    edition: {
      zh: '2021 版',
      en: '2021 edition',
    },
    published: {
      zh: '附录“企业创新积分核心指标”列出 3 类 20 项指标：技术创新 6 项、成长经营 6 项、辅助 8 项。原文不规定权重和计算方法（“试点高新区自行设置指标权重和积分计算方法”）。火炬中心按自定权重排名，按初创期、成长期及行业发布前 100 名名单；未公布阶段年限。',
      en: 'The appendix "core indicators of enterprise innovation points" lists 20 indicators in 3 classes: technology innovation 6, growth and operation 6, auxiliary 8. No weights or formulas are given ("pilot high-tech zones set the weights and the calculation themselves"). The Torch Center ranks with its own weights and publishes top-100 lists for the start-up and growth stages and per industry; stage age bounds are not published.',
    },
    defaults: {
      zh: '权重为本工具设定：同类指标等权；各类合计（初创 / 成长 / 稳定）为技术创新 0.48 / 0.45 / 0.42、成长经营 0.36 / 0.33 / 0.30、辅助 0.16 / 0.22 / 0.28，即四川方案各类合计取整。阶段：初创期不超过 5 年、成长期不超过 10 年、其后为稳定期（全国试行版年限，四川、江西相同）；增设稳定期是为了让每家企业都有阶段，火炬中心名单只覆盖前两个阶段。数据对应：1.1 用研发投入强度（三年累计口径需要数据样表没有的第三年数据）；1.3 以科技人员作为研发人员；1.6 用全部技术合同成交额（样表不区分交易对象）；2.6 净资产收益率 = 净利润 ÷（期初 + 期末所有者权益），与四川相同；3.2–3.4 用当年省级及以上数量（范围宽于国家级）；3.5–3.8 读取扩展列。无附加分，无清零规则（原文未规定）。',
      en: "Weights are ours: equal within each class; class totals (start-up / growth / mature) technology innovation 0.48 / 0.45 / 0.42, growth and operation 0.36 / 0.33 / 0.30, auxiliary 0.16 / 0.22 / 0.28 — the Sichuan class totals, rounded. Stages: start-up at most 5 years, growth at most 10, mature beyond (the national pilot bounds, also used by Sichuan and Jiangxi); the mature stage is added so that every enterprise has a stage, although the Torch lists cover only the first two. Data: 1.1 uses R&D intensity (the 3-year cumulative variant needs a third year the data form lacks); 1.3 counts science and technology staff as R&D staff; 1.6 uses all technology contracts (the form does not split them by counterparty); 2.6 return on equity = net profit ÷ (opening + closing owners' equity), as in Sichuan; 3.2–3.4 use current-year provincial-or-higher counts (wider than national level); 3.5–3.8 read extension columns. No bonus and no veto rules (none are published).",
    },
  },
  baseScale: 100,
  stages: [...THREE_STAGES],
  classes: [...CORE_CLASSES],
  indicators: indicators(STAGES, [
    { id: 'rd_intensity', zh: '1.1 研发费用占营业收入的比例', en: '1.1 R&D intensity (R&D / revenue)', classId: 'tech_innovation', value: ratio('rd_expense', 'revenue'), w: T },
    { id: 'rd_growth', zh: '1.2 研发费用增速', en: '1.2 R&D expense growth', classId: 'tech_innovation', value: growth('rd_expense', 'rd_expense_prev'), w: T },
    { id: 'rd_staff_ratio', zh: '1.3 研发人员占职工总数的比重', en: '1.3 Share of R&D staff', classId: 'tech_innovation', value: ratio('tech_staff', 'employees'), w: T },
    {
      id: 'invention_applications',
      zh: '1.4 与主营业务相关的发明专利申请量',
      en: '1.4 Invention patent applications (core business)',
      classId: 'tech_innovation',
      value: field('invention_applications'),
      w: T,
      unit: '件',
    },
    { id: 'pct_applications', zh: '1.5 PCT专利申请量', en: '1.5 PCT applications', classId: 'tech_innovation', value: field('pct_applications'), w: T, unit: '件' },
    {
      id: 'tech_contract_value',
      zh: '1.6 企业与高校、院所之间的技术合同成交额',
      en: '1.6 Technology contracts with universities and institutes',
      classId: 'tech_innovation',
      value: field('tech_contract_value'),
      w: T,
      unit: '万元',
    },
    {
      id: 'high_tech_revenue',
      zh: '2.1 高新技术产品收入',
      en: '2.1 High-tech product revenue',
      classId: 'growth_operation',
      value: field('high_tech_revenue'),
      w: G,
      unit: '万元',
    },
    { id: 'revenue', zh: '2.2 营业收入', en: '2.2 Operating revenue', classId: 'growth_operation', value: field('revenue'), w: G, unit: '万元' },
    { id: 'revenue_growth', zh: '2.3 营业收入增长率', en: '2.3 Revenue growth', classId: 'growth_operation', value: growth('revenue', 'revenue_prev'), w: G },
    {
      id: 'bachelor_ratio',
      zh: '2.4 本科以上学历人员占比',
      en: '2.4 Share of staff with a bachelor degree or above',
      classId: 'growth_operation',
      value: ratio('bachelor_staff', 'employees'),
      w: G,
    },
    {
      id: 'rd_tax_relief',
      zh: '2.5 研发费用加计扣除所得税减免额',
      en: '2.5 R&D super-deduction tax relief',
      classId: 'growth_operation',
      value: field('rd_tax_relief'),
      w: G,
      unit: '万元',
    },
    { id: 'roe', zh: '2.6 净资产利润率', en: '2.6 Return on equity', classId: 'growth_operation', value: ratio('net_profit', ['equity_begin', 'equity_end']), w: G },
    { id: 'new_graduates', zh: '3.1 当年吸纳高校应届毕业生人数', en: '3.1 New graduates hired', classId: 'auxiliary', value: field('new_graduates'), w: A, unit: '人' },
    {
      id: 'platforms',
      zh: '3.2 承担建设省级以上研发或创新平台数量',
      en: '3.2 Provincial+ R&D or innovation platforms',
      classId: 'auxiliary',
      value: field('platforms'),
      w: A,
      unit: '项',
    },
    { id: 'awards', zh: '3.3 获得国家科技奖励数量', en: '3.3 National S&T awards', classId: 'auxiliary', value: field('awards'), w: A, unit: '项' },
    { id: 'projects', zh: '3.4 承担国家科技计划项目数量', en: '3.4 National S&T programme projects', classId: 'auxiliary', value: field('projects'), w: A, unit: '项' },
    { id: 'hnte_or_tsme', zh: '3.5 是否高新技术企业/科技型中小企业', en: '3.5 High-tech enterprise or tech-based SME', classId: 'auxiliary', value: field('hnte_or_tsme'), w: A },
    {
      id: 'competition_award_level',
      zh: '3.6 在国家级创新创业赛事获奖名次',
      en: '3.6 Placing in national innovation & entrepreneurship contests',
      classId: 'auxiliary',
      value: field('competition_award_level'),
      w: A,
    },
    { id: 'credit_rating_score', zh: '3.7 企业征信情况', en: '3.7 Credit record', classId: 'auxiliary', value: field('credit_rating_score'), w: A },
    { id: 'env_credit_score', zh: '3.8 企业环境信用等级', en: '3.8 Environmental credit rating', classId: 'auxiliary', value: field('env_credit_score'), w: A },
  ]),
  bonus: [],
  vetoes: [],
  // bachelor_staff is optional in the data model; the other four are extension columns defined here
  // (docs/methodology-systems.md): hnte_or_tsme 1/0, derivable from enterprise_types;
  // competition_award_level 0 none … 4 top prize; credit_rating_score 0–100; env_credit_score 1 red … 4 green.
  optionalFields: ['bachelor_staff', 'hnte_or_tsme', 'competition_award_level', 'credit_rating_score', 'env_credit_score'],
};
