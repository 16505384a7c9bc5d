import { daysFromCivil, parseIsoDate } from '../engine/calendar.ts';
import { CliError } from './cli-error.ts';

/**
 * The as-of date in days: `--as-of` if given, else the scenario's `asOf`, else 31 December of the
 * evaluation year inferred from the headers (scoring.md §2); failing all three, a clear sentence.
 */
export function resolveAsOf(cliAsOf: string | undefined, scenarioAsOf: string | undefined, evalYear: number | undefined, inputName: string): number {
  if (cliAsOf !== undefined) {
    const d = parseIsoDate(cliAsOf);
    if (Number.isNaN(d)) throw new CliError(`--as-of ${cliAsOf} is not a real date written YYYY-MM-DD (e.g. 2023-12-31).`, 2);
    return d;
  }
  if (scenarioAsOf !== undefined) return parseIsoDate(scenarioAsOf);
  if (evalYear !== undefined) return daysFromCivil(evalYear, 12, 31);
  throw new CliError(`The evaluation year cannot be inferred from the headers of ${inputName} (no header names a year such as 2023年度); pass --as-of YYYY-MM-DD.`, 2);
}
