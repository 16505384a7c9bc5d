/**
 * The field catalogue of the input contract (shared/spec/data-model.md): canonical ids, Chinese
 * headers, value types and units. Every reader maps its columns onto these ids.
 */
import type { Lang } from '../i18n/lang.ts';

export type FieldType = 'text' | 'number' | 'count' | 'date' | 'bool' | 'enum' | 'multi-enum';

export interface FieldDef {
  id: string;
  /** The Chinese header of the data-model table (without unit or year). */
  zh: string;
  /** The English name shown in the English UI (mapping drop-downs, agreement, exports). */
  en: string;
  type: FieldType;
  unit?: '万元' | '人' | '件' | '项' | '个';
  /** Money and counts that cannot be negative (net profit and equity can). */
  nonNegative?: boolean;
  /** Further headers that mean this field (compared after header normalisation). */
  aliases?: string[];
  /** For a `_prev` field: the id of its 当年 sibling. */
  prevOf?: string;
  /** Allowed values of an enum / multi-enum field. */
  values?: readonly string[];
}

const TECH_FIELDS = ['电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化', '其他'] as const;
const ENTERPRISE_TYPES = ['科技型中小企业', '高新技术企业', '创新型中小企业', '专精特新“小巨人”企业', '专精特新中小企业', '其他'] as const;
const SIZES = ['大型', '中型', '小型', '微型'] as const;

/** A catalogue entry before its English name is attached from `EN` below. */
type BaseDef = Omit<FieldDef, 'en'>;

const money = (id: string, zh: string, aliases: string[] = [], nonNegative = true): BaseDef => ({ id, zh, type: 'number', unit: '万元', nonNegative, aliases });
const persons = (id: string, zh: string, aliases: string[] = []): BaseDef => ({ id, zh, type: 'count', unit: '人', nonNegative: true, aliases });
const count = (id: string, zh: string, aliases: string[] = [], unit: FieldDef['unit'] = '件'): BaseDef => ({ id, zh, type: 'count', unit, nonNegative: true, aliases });
const bool = (id: string, zh: string, aliases: string[] = []): BaseDef => ({ id, zh, type: 'bool', aliases });
/** A `_prev` (上年) sibling of a field: same header, matched by an earlier year or 上年. */
const prev = (f: BaseDef): BaseDef => ({ ...f, id: `${f.id}_prev`, zh: `上年${f.zh}`, aliases: [], prevOf: f.id });

const rdExpense = money('rd_expense', '研发费用', ['研发费用总额', '研发投入', '研究开发费用']);
const revenue = money('revenue', '营业收入', ['营业总收入']);
const platforms = count('platforms', '承担建设省级及以上研发或创新平台数量', ['省级及以上研发或创新平台数量', '省级及以上研发平台数量'], '个');
const awards = count('awards', '获得省级及以上科技奖励数量', ['省级及以上科技奖励数量'], '项');
const projects = count('projects', '承担省级及以上科技计划项目数量', ['省级及以上科技计划项目数量'], '项');
const venture = money('venture_capital', '获得风险投资金额', ['风险投资金额']);

const BASE_FIELDS: readonly BaseDef[] = [
  // Identity and classification
  { id: 'uscc', zh: '统一社会信用代码', type: 'text', aliases: ['社会信用代码', '信用代码', '统一代码', '统一社会信用代码(18位)'] },
  { id: 'name', zh: '企业名称', type: 'text', aliases: ['单位名称', '公司名称', '企业名'] },
  money('registered_capital', '注册资本', ['注册资金']),
  { id: 'registration_date', zh: '注册日期', type: 'date', aliases: ['成立日期', '注册时间', '成立时间', '企业注册日期', '注册登记日期'] },
  { id: 'registered_address', zh: '注册地址', type: 'text', aliases: ['企业注册地址'] },
  { id: 'province', zh: '实际经营地址省', type: 'text', aliases: ['省', '省份', '所在省', '实际经营地址(省)', '经营地址省'] },
  { id: 'city', zh: '实际经营地址市', type: 'text', aliases: ['市', '城市', '所在市', '地市', '实际经营地址(市)', '经营地址市'] },
  { id: 'county', zh: '实际经营地址县(区、市)', type: 'text', aliases: ['县(区、市)', '县', '区县', '县区', '所在县', '实际经营地址县', '实际经营地址(县)', '经营地址县(区、市)'] },
  { id: 'industry_code', zh: '企业所属的国民经济行业代码', type: 'text', aliases: ['国民经济行业代码', '行业代码', '所属行业代码', '企业所属国民经济行业代码'] },
  { id: 'tech_field', zh: '企业所属科技创新领域', type: 'enum', values: TECH_FIELDS, aliases: ['科技创新领域', '所属科技创新领域', '企业所属的科技创新领域', '技术领域'] },
  { id: 'enterprise_types', zh: '企业类型', type: 'multi-enum', values: ENTERPRISE_TYPES, aliases: ['企业资质类型', '企业资质'] },
  { id: 'size', zh: '企业规模类型', type: 'enum', values: SIZES, aliases: ['企业规模', '规模类型'] },
  // R&D, people, revenue
  persons('tech_staff', '科技人员数量', ['科技人员数', '科技人员']),
  persons('employees', '从业人员期末数', ['从业人员数', '从业人员数量', '从业人员', '职工总数']),
  persons('postgrad_staff', '具有研究生及以上学历人员', ['具有研究生及以上学历人员数', '研究生及以上学历人员', '研究生及以上学历人员数', '研究生及以上学历人数']),
  persons('bachelor_staff', '本科及以上学历人员', ['具有本科及以上学历人员', '本科及以上学历人员数', '具有本科及以上学历人员数']),
  persons('new_graduates', '吸纳高校应届毕业生人数', ['吸纳高校应届毕业生数', '吸纳应届毕业生人数', '高校应届毕业生人数']),
  count('invention_applications', '与主营业务相关的发明专利申请量', ['发明专利申请量', '发明专利申请数']),
  count('pct_applications', '与主营业务相关的PCT专利申请量', ['PCT专利申请量', 'PCT专利申请数', 'PCT申请量']),
  rdExpense,
  prev(rdExpense),
  money('tech_contract_value', '企业技术合同成交额', ['技术合同成交额']),
  money('high_tech_revenue', '高新技术产品收入', ['高新技术产品(服务)收入', '高新技术产品销售收入']),
  revenue,
  prev(revenue),
  money('rd_tax_relief', '研发费用加计扣除所得税减免额', ['研发费用加计扣除减免税额', '研发费用加计扣除所得税减免金额']),
  money('net_profit', '净利润', [], false),
  money('equity_begin', '期初所有者权益', ['所有者权益期初数', '期初所有者权益合计'], false),
  money('equity_end', '期末所有者权益', ['所有者权益期末数', '期末所有者权益合计'], false),
  platforms,
  prev(platforms),
  awards,
  prev(awards),
  projects,
  prev(projects),
  venture,
  prev(venture),
  // Loan demand (re-lending list)
  money('loan_demand', '贷款需求', ['贷款需求金额']),
  { id: 'loan_start', zh: '资金预计使用时间', type: 'text' },
  { id: 'loan_purpose', zh: '资金用途', type: 'text' },
  { id: 'loan_term', zh: '贷款周期', type: 'text' },
  { id: 'intended_banks', zh: '意向贷款银行', type: 'text' },
  // Extra facts for provincial systems
  bool('strategic_industry', '主营业务属于重点支持的战略性新兴产业、未来产业', ['是否属于战略性新兴产业、未来产业', '战略性新兴产业、未来产业', '属于战略性新兴产业']),
  count('honors', '专精特新“小巨人”、制造业单项冠军、国家级技术创新示范企业、瞪羚企业数量', ['荣誉数量', '荣誉称号数量'], '项'),
  count('high_level_talents', '入选国省级高层次人才认定数量', ['高层次人才数量', '高层次人才认定数量'], '人'),
  count('standards', '主导或参与制(修)订标准数量', ['制修订标准数量', '参与制定标准数量'], '项'),
  count('ip_assets', '拥有发明专利、植物新品种、新药、集成电路布图设计等数量', ['拥有发明专利等知识产权数量'], '件'),
  count('invention_patents_granted', '有效发明专利授权量', ['有效发明专利授权量(累计)', '有效发明专利数', '有效发明专利数量']),
  count('ip_owned', '知识产权拥有件数', ['知识产权数量', '拥有知识产权件数']),
  money('main_business_revenue', '主营业务收入'),
  money('financing_total', '天使投资、风险投资、贷款等融资金额', ['融资金额', '融资总额', '累计融资金额']),
  bool('major_safety_accident', '近3年发生重大安全事故', ['重大安全事故', '近三年发生重大安全事故', '是否发生重大安全事故']),
  bool('research_blacklist', '被列入科研黑名单', ['科研黑名单', '是否被列入科研黑名单', '列入科研黑名单']),
  bool('dishonest_debtor', '被纳入失信被执行人名单', ['失信被执行人', '是否被纳入失信被执行人名单', '纳入失信被执行人名单']),
  bool('tax_arrears', '未依法缴纳税款、非税收入和社会保险费', ['欠缴税款', '未依法纳税']),
  bool('social_insurance_violation', '未依法办理社会保险登记/参保登记', ['未依法办理社会保险登记', '未依法参保登记']),
];

/**
 * English names, kept next to the catalogue so that a field added without one fails the build
 * (`EN[id]` must exist: see the check in FIELDS) rather than showing its id in the English UI.
 * A `_prev` field takes its sibling's name with "(previous year)".
 */
const EN: Readonly<Record<string, string>> = {
  uscc: 'Unified social credit code',
  name: 'Enterprise name',
  registered_capital: 'Registered capital',
  registration_date: 'Registration date',
  registered_address: 'Registered address',
  province: 'Province of operation',
  city: 'City of operation',
  county: 'County / district of operation',
  industry_code: 'National economic industry code',
  tech_field: 'Technology field',
  enterprise_types: 'Enterprise type',
  size: 'Enterprise size',
  tech_staff: 'Science and technology staff',
  employees: 'Employees at year end',
  postgrad_staff: 'Staff with a postgraduate degree',
  bachelor_staff: "Staff with a bachelor's degree or higher",
  new_graduates: 'New university graduates hired',
  invention_applications: 'Invention patent applications (core business)',
  pct_applications: 'PCT patent applications (core business)',
  rd_expense: 'R&D expenditure',
  tech_contract_value: 'Technology contract turnover',
  high_tech_revenue: 'High-tech product revenue',
  revenue: 'Operating revenue',
  rd_tax_relief: 'Tax relief from the R&D super-deduction',
  net_profit: 'Net profit',
  equity_begin: "Owners' equity at year start",
  equity_end: "Owners' equity at year end",
  platforms: 'Provincial-or-higher R&D / innovation platforms',
  awards: 'Provincial-or-higher science and technology awards',
  projects: 'Provincial-or-higher science and technology projects',
  venture_capital: 'Venture capital received',
  loan_demand: 'Loan demand',
  loan_start: 'Expected start of fund use',
  loan_purpose: 'Use of funds',
  loan_term: 'Loan term',
  intended_banks: 'Preferred lending banks',
  strategic_industry: 'Core business in a strategic emerging / future industry',
  honors: 'Little-giant / single-champion / demonstration / gazelle titles',
  high_level_talents: 'National or provincial high-level talents',
  standards: 'Standards led or co-drafted',
  ip_assets: 'Invention patents, plant varieties, new drugs, IC layouts owned',
  invention_patents_granted: 'Valid granted invention patents',
  ip_owned: 'Intellectual property items owned',
  main_business_revenue: 'Main business revenue',
  financing_total: 'Angel, venture and loan financing',
  major_safety_accident: 'Major safety accident in the last 3 years',
  research_blacklist: 'On the research-misconduct blacklist',
  dishonest_debtor: 'On the dishonest-debtor list',
  tax_arrears: 'Taxes, fees or social insurance not paid as required',
  social_insurance_violation: 'Social-insurance registration not completed as required',
};

function englishName(f: BaseDef): string {
  const en = EN[f.prevOf ?? f.id];
  if (en === undefined) throw new Error(`field "${f.id}" has no English name`);
  return f.prevOf ? `${en} (previous year)` : en;
}

export const FIELDS: readonly FieldDef[] = BASE_FIELDS.map((f) => ({ ...f, en: englishName(f) }));

/** Units in both languages (万元 is ten thousand yuan). */
export const UNIT_NAMES: Readonly<Record<NonNullable<FieldDef['unit']>, { zh: string; en: string }>> = {
  万元: { zh: '万元', en: '10k CNY' },
  人: { zh: '人', en: 'persons' },
  件: { zh: '件', en: 'items' },
  项: { zh: '项', en: 'items' },
  个: { zh: '个', en: 'units' },
};

/** A unit in the reader's language (an indicator's unit is written in Chinese; unknown units as given). */
export function unitName(unit: string, lang: Lang): string {
  return (UNIT_NAMES as Record<string, { zh: string; en: string } | undefined>)[unit]?.[lang] ?? unit;
}

export const FIELD_BY_ID: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.id, f]));

export function fieldDef(id: string): FieldDef {
  const f = FIELD_BY_ID.get(id);
  if (!f) throw new Error(`unknown field id "${id}"`);
  return f;
}

/** `中文 (id)`, as messages name a field. */
export function fieldLabel(id: string): string {
  const f = FIELD_BY_ID.get(id);
  return f ? `${f.zh} (${id})` : id;
}

/**
 * A field's name in the given language, with its unit — `注册资本（万元）` / `Registered capital
 * (10k CNY)` — as the UI shows it; never the id (an unknown id, e.g. an extension column the user
 * named, is shown as given).
 */
export function fieldName(id: string, lang: Lang): string {
  const f = FIELD_BY_ID.get(id);
  if (!f) return id;
  const unit = f.unit ? UNIT_NAMES[f.unit][lang] : '';
  if (lang === 'zh') return unit ? `${f.zh}（${unit}）` : f.zh;
  return unit ? `${f.en} (${unit})` : f.en;
}

/** Fields every scoring run needs whatever the indicator system (scoring.md §1). */
export const KEY_FIELDS = ['uscc', 'registration_date'] as const;

/** Numeric-valued types: they become Float64Array columns for the engine. */
export function isNumericType(t: FieldType): boolean {
  return t === 'number' || t === 'count' || t === 'bool';
}
