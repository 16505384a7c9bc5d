import { describe, expect, it } from 'vitest';
import { KNOWN_FIELD_IDS, knownField } from '../../src/systems/known-fields.ts';

// The canonical ids of shared/spec/data-model.md, copied by hand, table by table.
const DATA_MODEL = [
  ...['uscc', 'name', 'registered_capital', 'registration_date', 'registered_address', 'province', 'city', 'county', 'industry_code', 'tech_field', 'enterprise_types', 'size'],
  ...['tech_staff', 'employees', 'postgrad_staff', 'bachelor_staff', 'new_graduates', 'invention_applications', 'pct_applications', 'rd_expense', 'rd_expense_prev'],
  ...['tech_contract_value', 'high_tech_revenue', 'revenue', 'revenue_prev', 'rd_tax_relief', 'net_profit', 'equity_begin', 'equity_end'],
  ...['platforms', 'platforms_prev', 'awards', 'awards_prev', 'projects', 'projects_prev', 'venture_capital', 'venture_capital_prev'],
  ...['loan_demand', 'loan_start', 'loan_purpose', 'loan_term', 'intended_banks'],
  ...['strategic_industry', 'honors', 'high_level_talents', 'standards', 'ip_assets', 'invention_patents_granted', 'ip_owned', 'main_business_revenue', 'financing_total'],
  ...['major_safety_accident', 'research_blacklist', 'dishonest_debtor', 'tax_arrears', 'social_insurance_violation'],
];

describe('known fields', () => {
  it('are exactly the data model’s canonical ids, each once', () => {
    expect([...KNOWN_FIELD_IDS].sort()).toEqual([...DATA_MODEL].sort());
    expect(new Set(KNOWN_FIELD_IDS).size).toBe(KNOWN_FIELD_IDS.length);
  });

  it('type the veto facts as booleans and the amounts as numbers', () => {
    for (const id of ['major_safety_accident', 'research_blacklist', 'dishonest_debtor', 'tax_arrears', 'social_insurance_violation', 'strategic_industry'])
      expect(knownField(id)?.type).toBe('bool');
    for (const id of ['rd_expense', 'revenue', 'net_profit', 'equity_begin', 'financing_total']) expect(knownField(id)?.type).toBe('number');
    for (const id of ['honors', 'tech_staff', 'invention_applications', 'platforms_prev']) expect(knownField(id)?.type).toBe('count');
    expect(knownField('name')?.type).toBe('text');
    expect(knownField('registration_date')?.type).toBe('date');
    expect(knownField('nope')).toBeUndefined();
  });
});
