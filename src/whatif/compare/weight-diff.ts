import type { IndicatorSystem } from '../../engine/index.ts';

export interface WeightDelta {
  stage: string;
  indicator: string;
  a: number;
  b: number;
  /** b − a */
  delta: number;
}

/** Per stage and indicator, the weights of scenario A and B (`w[stage·k + i]`), changed ones only unless `all`. */
export function weightDiff(system: IndicatorSystem, wa: Float64Array, wb: Float64Array, all = false): WeightDelta[] {
  const k = system.indicators.length;
  const out: WeightDelta[] = [];
  system.stages.forEach((st, s) =>
    system.indicators.forEach((ind, i) => {
      const a = wa[s * k + i];
      const b = wb[s * k + i];
      if (all || a !== b) out.push({ stage: st.id, indicator: ind.id, a, b, delta: b - a });
    }),
  );
  return out;
}
