import { MARKUP_NAMES } from './names.ts';
import type { DemoRecord } from './enterprise.ts';
import type { Rng } from './prng.ts';
import { corruptCheck } from './uscc-code.ts';

/** The kinds of rows the demo deliberately breaks so the exclusion report has something to show. */
export type Defect = 'bad-check-digit' | 'short-uscc' | 'duplicate' | 'future-date' | 'missing-date' | 'markup-name';

/**
 * Where the defects go: fixed fractions of the row count, so any size of demo has the same handful
 * (4 bad check digits, 1 short code, 3 duplicated codes → 6 excluded rows, 3 future dates,
 * 1 missing date) plus the markup names, which are valid rows.
 */
export function defectPlan(rows: number): Map<number, Defect> {
  const plan = new Map<number, Defect>();
  if (rows < 100) return plan;
  const at = (f: number) => Math.floor(rows * f);
  const kinds: [number, Defect][] = [
    [0.011, 'bad-check-digit'],
    [0.23, 'bad-check-digit'],
    [0.51, 'bad-check-digit'],
    [0.87, 'bad-check-digit'],
    [0.33, 'short-uscc'],
    [0.12, 'duplicate'],
    [0.47, 'duplicate'],
    [0.93, 'duplicate'],
    [0.18, 'future-date'],
    [0.62, 'future-date'],
    [0.79, 'future-date'],
    [0.41, 'missing-date'],
    [0.004, 'markup-name'],
    [0.006, 'markup-name'],
  ];
  for (const [f, d] of kinds) plan.set(at(f), d);
  return plan;
}

/** Applies a defect to a record. `earlier` is a code of a previous row (for duplicates). */
export function applyDefect(rec: DemoRecord, defect: Defect, rng: Rng, earlier: string, markupIndex: number): void {
  switch (defect) {
    case 'bad-check-digit':
      rec.uscc = corruptCheck(String(rec.uscc));
      break;
    case 'short-uscc':
      rec.uscc = String(rec.uscc).slice(0, 16);
      break;
    case 'duplicate':
      rec.uscc = earlier;
      break;
    case 'future-date':
      rec.registration_date = `2024-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
      break;
    case 'missing-date':
      rec.registration_date = null;
      break;
    case 'markup-name':
      rec.name = MARKUP_NAMES[markupIndex % MARKUP_NAMES.length];
      break;
  }
}
