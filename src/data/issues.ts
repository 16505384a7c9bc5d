import type { Label } from '../engine/types.ts';

/** Why a row is not scored (scoring.md §1). */
export type ExclusionReason =
  | 'uscc-missing'
  | 'uscc-length'
  | 'uscc-charset'
  | 'uscc-check-digit'
  | 'duplicate-key'
  | 'registration-date-missing'
  | 'registration-date-invalid'
  | 'registration-date-future'
  | 'cell-count';

/** The short reason the CLI prints in `excluded <row> <uscc> <reason>` lines. */
export const REASON_TEXT: Readonly<Record<ExclusionReason, string>> = {
  'uscc-missing': 'uscc missing',
  'uscc-length': 'uscc not 18 characters',
  'uscc-charset': 'uscc invalid character',
  'uscc-check-digit': 'uscc check digit wrong',
  'duplicate-key': 'duplicate key',
  'registration-date-missing': 'registration_date missing',
  'registration-date-invalid': 'registration_date unparseable',
  'registration-date-future': 'registration_date after as-of date',
  'cell-count': 'cell count differs from header',
};

export interface Exclusion {
  /** The row number as the user's file numbers it. */
  row: number;
  /** The code as written (trimmed, upper case); '' when empty. */
  uscc: string;
  reason: ExclusionReason;
  message: Label;
}

/** Problems that keep the row (the value is used, or treated as missing where said). */
export type WarningCode =
  | 'not-a-number'
  | 'not-a-count'
  | 'not-a-boolean'
  | 'not-a-date'
  | 'negative'
  | 'unknown-value'
  | 'tech-staff-exceeds-employees'
  | 'postgrad-exceeds-employees'
  | 'high-tech-revenue-exceeds-revenue';

export interface DataWarning {
  row: number;
  /** The header as the user's file writes it. */
  column: string;
  field: string;
  value: string;
  code: WarningCode;
  message: Label;
}
