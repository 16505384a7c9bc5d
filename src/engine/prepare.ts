import { bonusPoints, vetoHits } from './bonus-veto.ts';
import { deriveValues, type Columns } from './derive.ts';
import { normalizer } from './normalize/index.ts';
import { emptyReport, scanColumn } from './normalize/column-stats.ts';
import type { IndicatorReport, IndicatorSystem, NormalizationSpec } from './types.ts';

export interface PrepareInput {
  system: IndicatorSystem;
  /** Canonical field columns of the population P (scored rows only), NaN = missing. */
  columns: Columns;
  n: number;
  /** Stage index per row (see assignStages). */
  stage: Uint8Array;
  normalization: NormalizationSpec;
}

/**
 * Everything that depends on the data and the normalisation choice but not on weights or on
 * which bonus/veto rules are on: computed once, then re-weighted many times by `rescore`.
 */
export interface Prepared {
  n: number;
  /** Number of weighted indicators. */
  k: number;
  system: IndicatorSystem;
  stage: Uint8Array;
  normalization: NormalizationSpec;
  /** Derived raw value per indicator (NaN missing, ±∞ possible). */
  raw: Float64Array[];
  /**
   * Normalised values, ROW-major: `s[r * k + i]` ∈ [0, 1] (row r, indicator i). Row-major because
   * the re-score hot loop is one contiguous k-long dot product per row.
   */
  s: Float64Array;
  report: IndicatorReport[];
  /** Per bonus item: the raw count (NaN missing) and the points it earns, `min(cap, points × count)`. */
  bonusCounts: Float64Array[];
  bonusPoints: Float64Array[];
  /** Per veto rule: 1 where it holds. */
  veto: Uint8Array[];
}

function checkSpec(spec: NormalizationSpec): void {
  const { lowerQuantile: lo, upperQuantile: hi } = spec;
  if (!(lo >= 0 && hi <= 1 && lo < hi)) {
    throw new Error(`normalisation quantiles must satisfy 0 ≤ lower < upper ≤ 1, got ${lo} and ${hi}`);
  }
}

export function prepare(input: PrepareInput): Prepared {
  const { system, columns, n, stage, normalization } = input;
  checkSpec(normalization);
  if (stage.length !== n) throw new Error(`stage array has ${stage.length} rows, expected ${n}`);
  const normalize = normalizer(normalization.method);
  const k = system.indicators.length;
  const s = new Float64Array(k * n);
  const column = new Float64Array(n);
  const finite = new Float64Array(n);
  const scratch = new Float64Array(n);
  const raw: Float64Array[] = [];
  const report: IndicatorReport[] = [];
  system.indicators.forEach((ind, i) => {
    const values = deriveValues(ind.value, columns, n);
    const scan = scanColumn(values, finite);
    const rep = emptyReport(ind.id, scan);
    normalize({
      raw: values,
      out: column,
      finite,
      scratch,
      scan,
      direction: ind.direction,
      spec: normalization,
      report: rep,
    });
    for (let r = 0, j = i; r < n; r++, j += k) s[j] = column[r];
    raw.push(values);
    report.push(rep);
  });
  const bonusCounts = system.bonus.map((b) => columns[b.field] ?? new Float64Array(n).fill(NaN));
  return {
    n,
    k,
    system,
    stage,
    normalization,
    raw,
    s,
    report,
    bonusCounts,
    bonusPoints: system.bonus.map((b) => bonusPoints(b, columns, n)),
    veto: system.vetoes.map((v) => vetoHits(v, columns, n)),
  };
}
