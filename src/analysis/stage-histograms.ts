import { binIndex, checkBins, resolveDomain, type Domain, type Histogram } from './histogram.ts';

/**
 * One histogram per stage over a shared domain (so the stages can be drawn side by side), in a
 * single pass: counts live in one flat `nStages × bins` array. Rows whose stage index is
 * `≥ nStages` (e.g. NO_STAGE) are left out.
 */
export function stageHistograms(
  values: ArrayLike<number>,
  stage: Uint8Array,
  nStages: number,
  bins: number,
  domain: Domain,
  mask?: Uint8Array,
): Histogram[] {
  checkBins(bins);
  if (stage.length !== values.length) throw new Error(`stage has ${stage.length} rows, values ${values.length}`);
  const { min, max } = resolveDomain(domain);
  const step = (max - min) / bins;
  const counts = new Float64Array(nStages * bins);
  const missing = new Float64Array(nStages);
  const outside = new Float64Array(nStages);
  const total = new Float64Array(nStages);
  for (let r = 0; r < values.length; r++) {
    if (mask && !mask[r]) continue;
    const st = stage[r];
    if (st >= nStages) continue;
    const b = binIndex(values[r], min, max, step, bins);
    if (b === -1) missing[st]++;
    else if (b === -2) outside[st]++;
    else {
      counts[st * bins + b]++;
      total[st]++;
    }
  }
  const out: Histogram[] = [];
  for (let s = 0; s < nStages; s++) {
    out.push({
      min,
      max,
      step,
      counts: Array.from(counts.subarray(s * bins, (s + 1) * bins)),
      total: total[s],
      missing: missing[s],
      outside: outside[s],
    });
  }
  return out;
}
