import { daysFromCivil, formatIsoDate } from '../engine/calendar.ts';
import { ENTERPRISE_TYPES, TECH_FIELDS, TECH_FIELD_WEIGHTS } from './fields.ts';
import { companyName } from './names.ts';
import { CITIES, CITY_WEIGHTS, PROVINCE } from './places.ts';
import type { Rng } from './prng.ts';
import { makeUscc } from './uscc-code.ts';

/** One synthetic enterprise: canonical field id → value (null = missing cell). */
export type DemoRecord = Record<string, string | number | null>;

const AS_OF = daysFromCivil(2023, 12, 31);
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Registration day: a stage mix of roughly 40% ≤ 5 years, 35% 5–10 years, 25% older. */
function registrationDay(rng: Rng): number {
  const years = rng.weighted([0, 1, 2], [40, 35, 25]);
  const age = years === 0 ? rng.next() * 5 : years === 1 ? 5 + rng.next() * 5 : 10 + rng.next() * 25;
  return Math.min(AS_OF, Math.round(AS_OF - age * 365.2425));
}

/**
 * Money is log-normal, counts zero-inflated, and a latent "innovativeness" factor `z` ties R&D,
 * patents, awards and talent together so that rankings have structure. Older firms are larger.
 */
export function makeEnterprise(rng: Rng, serial: number): DemoRecord {
  const field = rng.weighted(TECH_FIELDS, TECH_FIELD_WEIGHTS);
  const city = rng.weighted(CITIES, CITY_WEIGHTS);
  const reg = registrationDay(rng);
  const ageYears = (AS_OF - reg) / 365.2425;
  const z = rng.normal() + field.shift;
  const scale = Math.exp(0.35 * Math.log1p(ageYears) + 0.3 * rng.normal());

  const employees = Math.max(3, Math.round(rng.logNormal(25, 0.9) * scale));
  const techShare = Math.min(0.95, Math.max(0.02, 0.22 + 0.08 * z + 0.08 * rng.normal()));
  const techStaff = Math.round(employees * techShare);
  const postgrad = Math.round(techStaff * Math.min(0.8, Math.max(0, 0.12 + 0.06 * z + 0.05 * rng.normal())));
  const young = ageYears < 1.5;
  const revenue = young && rng.chance(0.25) ? 0 : round(rng.logNormal(28, 0.8) * employees);
  const growthRate = 0.1 + 0.05 * z + 0.3 * rng.normal();
  const revenuePrev = ageYears < 1 ? 0 : round(Math.max(0, revenue / Math.max(0.2, 1 + growthRate)));
  const intensity = Math.exp(Math.log(0.045) + 0.45 * z + 0.5 * rng.normal());
  const rd = rng.chance(0.04) ? 0 : round(Math.max(revenue, 50) * Math.min(0.6, intensity));
  const rdPrev = ageYears < 1 ? 0 : round(rd / Math.max(0.3, 1 + 0.12 + 0.3 * rng.normal()));
  const equityEnd = round(rng.logNormal(0.6, 0.9) * Math.max(revenue, 100) * (rng.chance(0.03) ? -0.2 : 1));
  const equityBegin = round(equityEnd / Math.max(0.3, 1 + 0.1 + 0.2 * rng.normal()));
  const p = (base: number) => Math.min(0.98, Math.max(0.05, base - 0.12 * z)); // zero share falls with z

  const types = ENTERPRISE_TYPES.filter((_, i) => rng.chance([0.7, 0.25 + 0.1 * z, 0.3, 0.02 + 0.02 * z, 0.12][i]));
  return {
    uscc: makeUscc(city.code, serial),
    name: companyName(rng, city.short, rng.pick(field.words)),
    registered_capital: round(rng.logNormal(500, 1.1) * scale, 1),
    registration_date: formatIsoDate(reg),
    registered_address: `${PROVINCE}${city.name}${rng.pick(city.counties)}科技路${rng.int(1, 999)}号`,
    province: PROVINCE,
    city: city.name,
    county: rng.pick(city.counties),
    industry_code: rng.pick(field.industries),
    tech_field: field.name,
    enterprise_types: types.length ? types.join(';') : '其他',
    size: employees >= 1000 ? '大型' : employees >= 100 ? '中型' : employees >= 10 ? '小型' : '微型',
    tech_staff: techStaff,
    employees,
    postgrad_staff: postgrad,
    bachelor_staff: Math.min(employees, Math.round(techStaff * 1.6)),
    new_graduates: rng.zeroInflated(p(0.55), 2 + 2 * Math.max(0, z)),
    invention_applications: rng.zeroInflated(p(0.55), 2 + 3 * Math.max(0, z)),
    pct_applications: rng.zeroInflated(p(0.93), 1.5),
    rd_expense: rd,
    rd_expense_prev: rdPrev,
    tech_contract_value: rng.chance(p(0.6)) ? 0 : round(rng.logNormal(80, 1.2)),
    high_tech_revenue: rng.chance(p(0.45)) ? 0 : round(revenue * Math.min(1, rng.logNormal(0.5, 0.4))),
    revenue,
    revenue_prev: revenuePrev,
    rd_tax_relief: rng.chance(0.3) ? 0 : round(rd * 0.25 * rng.next()),
    net_profit: round(revenue * (0.04 + 0.02 * z + 0.1 * rng.normal())),
    equity_begin: equityBegin,
    equity_end: equityEnd,
    platforms: rng.zeroInflated(p(0.9), 1.2),
    platforms_prev: rng.zeroInflated(p(0.92), 1.1),
    awards: rng.zeroInflated(p(0.94), 1.1),
    awards_prev: rng.zeroInflated(p(0.95), 1.1),
    projects: rng.zeroInflated(p(0.85), 1.4),
    projects_prev: rng.zeroInflated(p(0.87), 1.3),
    venture_capital: rng.chance(p(0.9)) ? 0 : round(rng.logNormal(800, 1.1)),
    venture_capital_prev: rng.chance(p(0.92)) ? 0 : round(rng.logNormal(600, 1.1)),
    strategic_industry: rng.chance(0.2 + 0.05 * z) ? '是' : '否',
    honors: rng.zeroInflated(p(0.93), 1.2),
    high_level_talents: rng.zeroInflated(p(0.85), 2),
    standards: rng.zeroInflated(p(0.82), 2.5),
    ip_assets: rng.zeroInflated(p(0.5), 4 + 4 * Math.max(0, z)),
    invention_patents_granted: rng.zeroInflated(p(0.6), 3 + 4 * Math.max(0, z)),
    ip_owned: rng.zeroInflated(p(0.3), 6 + 8 * Math.max(0, z)),
    main_business_revenue: round(revenue * (0.85 + 0.15 * rng.next())),
    financing_total: rng.chance(0.7) ? 0 : round(rng.logNormal(1500, 1.2)),
    major_safety_accident: rng.chance(0.003) ? '是' : '否',
    research_blacklist: rng.chance(0.002) ? '是' : '否',
    dishonest_debtor: rng.chance(0.005) ? '是' : '否',
    tax_arrears: rng.chance(0.005) ? '是' : '否',
    social_insurance_violation: rng.chance(0.005) ? '是' : '否',
  };
}
