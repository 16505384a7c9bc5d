import { ruleFields, type Columns } from './derive.ts';
import type { IndicatorSystem } from './types.ts';

/**
 * The one answer to "which fields does this system read": every field of its indicators' value
 * rules, bonus items and veto rules, in first-use order. The importer, the CLI, the system checks,
 * Monte Carlo and cross-system comparison all ask this.
 */
export function systemFields(system: IndicatorSystem): string[] {
  const out = new Set<string>();
  for (const ind of system.indicators) for (const f of ruleFields(ind.value)) out.add(f);
  for (const b of system.bonus) out.add(b.field);
  for (const v of system.vetoes) for (const f of v.fields) out.add(f);
  return [...out];
}

/** Fields the system reads that `columns` lacks (they score as missing for every row), sorted. */
export function missingFields(system: IndicatorSystem, columns: Columns): string[] {
  return systemFields(system)
    .filter((f) => !columns[f])
    .sort();
}

/** Indicators with an input field absent from `columns`: every row is missing there (s = 0). */
export function missingIndicators(system: IndicatorSystem, columns: Columns): string[] {
  return system.indicators.filter((ind) => ruleFields(ind.value).some((f) => !columns[f])).map((ind) => ind.id);
}
