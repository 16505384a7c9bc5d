import { KEY_FIELDS } from '../../src/data/fields.ts';
import { systemFieldSet } from '../../src/data/system-fields.ts';
import type { IndicatorSystem } from '../../src/engine/index.ts';
import { mulberry32 } from '../../src/whatif/prng.ts';

/** Deterministic PRNG (mulberry32), the one the Monte Carlo analysis uses. */
export const rng = mulberry32;

/**
 * Synthetic columns for every field a system reads: log-normal magnitudes, 30% zeros, 3% missing;
 * registration dates spread over 25 years before 2023-12-31.
 */
export function syntheticColumns(system: IndicatorSystem, n: number, seed = 1) {
  const rand = rng(seed);
  // Every field the system reads but the keys (the registration date is generated below).
  const fields = [...systemFieldSet(system)].filter((f) => !(KEY_FIELDS as readonly string[]).includes(f));
  const columns: Record<string, Float64Array> = {};
  for (const f of fields) {
    const col = new Float64Array(n);
    const isFlag = system.vetoes.some((v) => v.fields.includes(f));
    for (let r = 0; r < n; r++) {
      const u = rand();
      if (isFlag) col[r] = u < 0.01 ? 1 : 0;
      else if (u < 0.03) col[r] = NaN;
      else if (u < 0.33) col[r] = 0;
      else {
        // Box–Muller normal → log-normal
        const z = Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
        col[r] = Math.round(Math.exp(4 + 1.5 * z) * 100) / 100;
      }
    }
    columns[f] = col;
  }
  const asOf = 19722; // 2023-12-31
  const regDays = new Float64Array(n);
  for (let r = 0; r < n; r++) regDays[r] = asOf - Math.floor(rand() * 25 * 365.25);
  return { columns, regDays, asOfDays: asOf };
}
