import { FIELD_BY_ID, FIELDS, type FieldDef } from '../data/fields.ts';
import { FORM_NOTES } from './template-notes.ts';

/**
 * The empty template (数据模板): the sample form's fields under the headers the importer
 * recognises (data-model.md 中文表头, year written as in the form, unit in brackets), with a notes
 * row above the header row (the importer finds the header row under it). Data starts on row 3.
 */
export interface TemplateColumn {
  id: string;
  header: string;
  note: string;
}

/** Stock figures are "截至Y年底", flows "Y年度" (as the sample form writes them). */
const STOCK = new Set(['tech_staff', 'employees', 'postgrad_staff', 'bachelor_staff', 'invention_applications', 'pct_applications']);
/** Fields of the sample form, in its order; `_prev` fields come right before their 当年 sibling. */
const FORM_ORDER = [
  'name',
  'registered_capital',
  'registration_date',
  'uscc',
  'registered_address',
  'province',
  'city',
  'county',
  'industry_code',
  'tech_field',
  'enterprise_types',
  'size',
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
  'loan_demand',
  'loan_start',
  'loan_purpose',
  'loan_term',
  'intended_banks',
];

function header(f: FieldDef, year: number): string {
  const unit = f.unit ? `（${f.unit}）` : '';
  if (f.prevOf) return `${year - 1}年度${(FIELD_BY_ID.get(f.prevOf) as FieldDef).zh}${unit}`;
  if (STOCK.has(f.id)) return `截至${year}年底${f.zh}${unit}`;
  if (f.unit && f.id !== 'registered_capital' && f.id !== 'loan_demand' && FORM_ORDER.includes(f.id)) return `${year}年度${f.zh}${unit}`;
  return `${f.zh}${unit}`;
}

function note(f: FieldDef): string {
  const base = FORM_NOTES[f.prevOf ?? f.id] ?? '';
  const parts = [base];
  if (f.unit) parts.push(`单位：${f.unit}。`);
  if (f.type === 'bool') parts.push('填 是/否。');
  if (f.values) parts.push(`可选：${f.values.join('、')}${f.type === 'multi-enum' ? '（可多选，用、分隔）' : ''}。`);
  if (f.type === 'date' && !base) parts.push('写成 YYYY-MM-DD。');
  if (!FORM_ORDER.includes(f.id)) parts.push('（省级指标体系使用，可选）');
  return parts.join('');
}

export function templateColumns(year: number): TemplateColumn[] {
  const extra = FIELDS.filter((f) => !FORM_ORDER.includes(f.id) && f.id !== 'bachelor_staff').map((f) => f.id);
  return [...FORM_ORDER, ...extra].map((id) => {
    const f = FIELD_BY_ID.get(id) as FieldDef;
    return { id, header: header(f, year), note: note(f) };
  });
}

export const TEMPLATE_NOTES_LABEL = '填写说明（本行不是数据；请从第 3 行起每家企业填一行，金额单位为万元）';

/** The template as rows: the notes row, then the header row. */
export function templateRows(year: number): string[][] {
  const cols = templateColumns(year);
  return [cols.map((c, j) => (j === 0 ? `${TEMPLATE_NOTES_LABEL} ${c.note}` : c.note)), cols.map((c) => c.header)];
}
