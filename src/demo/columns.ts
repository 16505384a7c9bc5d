import { FIELD_BY_ID } from '../data/fields.ts';

/**
 * The demo file's columns in order, with the Chinese headers of the shared field catalogue
 * (src/data/fields.ts), written the way the data sample form writes them: money with （万元）, and
 * two-year facts as `2023年度…` / `2022年度…`. So the demo goes through the same header mapping as
 * a user's file.
 */
export const DEMO_FIELD_IDS = [
  'uscc',
  'name',
  'registered_capital',
  'registration_date',
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
  'bachelor_staff',
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
  'platforms',
  'platforms_prev',
  'awards',
  'awards_prev',
  'projects',
  'projects_prev',
  'venture_capital',
  'venture_capital_prev',
  'strategic_industry',
  'honors',
  'high_level_talents',
  'standards',
  'ip_assets',
  'invention_patents_granted',
  'ip_owned',
  'main_business_revenue',
  'financing_total',
  'major_safety_accident',
  'research_blacklist',
  'dishonest_debtor',
  'tax_arrears',
  'social_insurance_violation',
] as const;

const TWO_YEAR = new Set(DEMO_FIELD_IDS.filter((id) => id.endsWith('_prev')).map((id) => id.slice(0, -5)));

export function demoHeader(id: string, evalYear: number): string {
  const prev = id.endsWith('_prev');
  const own = prev ? id.slice(0, -5) : id;
  const def = FIELD_BY_ID.get(own);
  if (!def) throw new Error(`demo column "${id}" is not in the field catalogue`);
  const unit = def.unit === '万元' ? '（万元）' : '';
  if (prev) return `${evalYear - 1}年度${def.zh}${unit}`;
  if (TWO_YEAR.has(id)) return `${evalYear}年度${def.zh}${unit}`;
  return `${def.zh}${unit}`;
}

/** Numeric fields that may be left empty (a few percent missing values). */
export const MAY_BE_MISSING = [
  'tech_staff',
  'postgrad_staff',
  'new_graduates',
  'invention_applications',
  'rd_expense',
  'rd_expense_prev',
  'tech_contract_value',
  'high_tech_revenue',
  'revenue_prev',
  'rd_tax_relief',
  'net_profit',
  'equity_begin',
  'platforms_prev',
  'awards_prev',
  'projects',
  'venture_capital',
  'honors',
  'standards',
  'research_blacklist',
];
