import type { Lang } from './lang.ts';

/** Texts of segments (细分范围): the condition field in 排名 and the line in the context bar. */
const zh = {
  legend: '细分范围',
  label: '细分条件（SQL）',
  placeholder: "例如：city = '成都市' AND industry_code LIKE 'C39%'",
  // Text between backticks is SQL the user types: shown as code.
  hint: "对数据集的列写一个判断条件，在本机的 DuckDB 中执行（已禁止读取文件和访问网络）。列名用字段代码，或用双引号括起的中文表头，例如 `\"市\" = '成都市'`。多选字段可用 `contains(enterprise_types, '高新技术企业')`。",
  apply: '应用',
  clear: '清除细分',
  busy: '正在筛选…',
  columns: '可用的列',
  active: '细分范围',
  count: '{count} 家企业',
  scope:
    '作用于排名（“细分名次”列为范围内名次）、名单及其导出、临界企业、蒙特卡洛（范围内名次与入选概率），以及方案对比和敏感性中的名单进出；得分与全省一致，归一化上下限来自全部企业。概览、阶段对比、Sobol 和统计审核仍为全部企业。',
  segmentRank: '细分名次',
  segmentRankHint: '在细分范围内按得分的名次',
  none: '全部企业',
  caption: '细分范围内的企业按得分排名（{total} 家符合筛选条件）',
  listScope: '名单从细分范围内选出（名次、比例和分组都在范围内计算）：',
  mcScope: '细分范围内的蒙特卡洛：名次为范围内名次，名单从范围内选出，表中只列范围内的企业（得分与全省一致）：',
  filters: '按字段筛选',
  filtersIntro: '勾选要保留的企业：同一字段内满足任一项即可，不同字段须同时满足。应用后，对应的条件写入上方的细分条件，随方案和链接一起保存。',
  fields: { city: '市', county: '区县', industry_code: '国民经济行业（大类）', tech_field: '科技创新领域', enterprise_types: '企业类型（含任一）', size: '企业规模' },
  picked: '已选 {n} 项',
  prefixes: '其他行业代码前缀',
  prefixesHint: '用逗号分隔，例如 `C39, C4`',
  preview: '将应用的条件：',
  previewNone: '未选择任何字段：应用后为全部企业。',
  applyFilters: '按所选筛选',
  resetFilters: '清空所选',
  typed: '当前细分条件是手写的 SQL，不能在这里逐项显示；按所选筛选会替换它。',
  loading: '正在统计各字段的取值…',
  notInData: '当前数据中没有',
  stageLegend: '阶段（按注册日期）',
  stageSince: (d: string) => `${d} 及以后注册`,
  stageBefore: (d: string) => `${d} 以前注册`,
  stageBetween: (from: string, to: string) => `${from} 至 ${to} 以前注册`,
  stageNote: (asOf: string) => `阶段由注册日期和评价基准日（${asOf}）决定：所选阶段写成注册日期条件；之后更改评价基准日，该条件不随之改变。`,
};

export type SegmentText = typeof zh;

const en: SegmentText = {
  legend: 'Segment',
  label: 'Segment condition (SQL)',
  placeholder: "e.g. city = '成都市' AND industry_code LIKE 'C39%'",
  hint: "A true/false condition over the dataset's columns, run in DuckDB on this computer (file and network access switched off). Name columns by field id, or by their Chinese header in double quotes, e.g. `\"市\" = '成都市'`. For multi-value fields use `contains(enterprise_types, '高新技术企业')`.",
  apply: 'Apply',
  clear: 'Clear segment',
  busy: 'Selecting…',
  columns: 'Available columns',
  active: 'Segment',
  count: '{count} enterprises',
  scope:
    'Applies to the ranking (the “Segment rank” column ranks within it), the lists and their exports, the borderline enterprises, Monte Carlo, and the list entries and exits of Compare and Sensitivity; scores equal the whole population’s, normalisation bounds come from all enterprises. Monte Carlo ranks within the segment and draws its list from it. The overview, stage comparison, Sobol and audit still cover all enterprises.',
  segmentRank: 'Segment rank',
  segmentRankHint: 'Rank by score within the segment',
  none: 'All enterprises',
  caption: 'Enterprises of the segment by score ({total} match the filters)',
  listScope: 'The list is drawn from the segment (ranks, shares and groups are counted within it): ',
  mcScope: 'Monte Carlo within the segment: ranks are within it, the list is drawn from it and the table lists its enterprises only (scores equal the whole population’s): ',
  filters: 'Filter by field',
  filtersIntro:
    'Tick the enterprises to keep: within a field any ticked value matches, across fields all must. When applied, the matching condition goes into the segment condition above and is saved with the scenario and in links.',
  fields: { city: 'City', county: 'County', industry_code: 'Industry (division)', tech_field: 'Technology field', enterprise_types: 'Enterprise type (any of)', size: 'Size' },
  picked: '{n} selected',
  prefixes: 'Other industry-code prefixes',
  prefixesHint: 'Comma-separated, e.g. `C39, C4`',
  preview: 'Condition to apply: ',
  previewNone: 'No field selected: applying means all enterprises.',
  applyFilters: 'Apply filters',
  resetFilters: 'Clear selection',
  typed: 'The current segment condition is hand-written SQL and cannot be shown here field by field; applying filters replaces it.',
  loading: 'Counting the values of each field…',
  notInData: 'not in the current data',
  stageLegend: 'Stage (by registration date)',
  stageSince: (d: string) => `registered ${d} or later`,
  stageBefore: (d: string) => `registered before ${d}`,
  stageBetween: (from: string, to: string) => `registered from ${from} to before ${to}`,
  stageNote: (asOf: string) =>
    `Stages follow from the registration date and the as-of date (${asOf}): the ticked stages become a registration-date condition, which does not change if the as-of date changes later.`,
};

export const SEGMENT: Record<Lang, SegmentText> = { zh, en };
