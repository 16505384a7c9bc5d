import { ruleFields, systemFields, type IndicatorSystem } from '../engine/index.ts';
import { KEY_FIELDS } from './fields.ts';

/**
 * Columns a run with this system cannot do without: the row key and registration date
 * (scoring.md §1) and every field a weighted indicator reads, except those the system declares
 * optional (`optionalFields`: absent → missing for every row, s = 0). Bonus and veto fields are
 * optional too (a missing bonus counts 0, a missing veto counts false).
 */
export function requiredFields(system: IndicatorSystem): string[] {
  const optional = new Set(system.optionalFields ?? []);
  const out = new Set<string>(KEY_FIELDS);
  for (const ind of system.indicators) for (const f of ruleFields(ind.value)) if (!optional.has(f)) out.add(f);
  return [...out];
}

/** The columns to parse for this system: the keys and every field it reads. */
export function systemFieldSet(system: IndicatorSystem): Set<string> {
  return new Set([...KEY_FIELDS, ...systemFields(system)]);
}
