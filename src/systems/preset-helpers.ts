import type { Direction, Indicator, IndicatorClass, StageDef, ValueRule } from '../engine/types.ts';

/** Small builders that keep the preset files readable as tables. */

export const field = (f: string): ValueRule => ({ kind: 'field', field: f });
export const ratio = (numerator: string, denominator: string | string[]): ValueRule => ({ kind: 'ratio', numerator, denominator });
export const growth = (current: string, previous: string): ValueRule => ({ kind: 'growth', current, previous });
export const sum = (...fields: string[]): ValueRule => ({ kind: 'sum', fields });

export interface IndicatorRow {
  id: string;
  zh: string;
  en: string;
  classId: string;
  value: ValueRule;
  /** One weight per stage, in the system's stage order. */
  w: readonly number[];
  unit?: string;
  direction?: Direction;
}

/** Turns table rows into indicators, pairing each row's weights with the stage ids in order. */
export function indicators(stageIds: readonly string[], rows: readonly IndicatorRow[]): Indicator[] {
  return rows.map((r) => {
    if (r.w.length !== stageIds.length) throw new Error(`indicator "${r.id}": ${r.w.length} weights for ${stageIds.length} stages`);
    const out: Indicator = {
      id: r.id,
      name: { zh: r.zh, en: r.en },
      classId: r.classId,
      direction: r.direction ?? 'positive',
      value: r.value,
      weights: Object.fromEntries(stageIds.map((s, i) => [s, r.w[i]])),
    };
    if (r.unit !== undefined) out.unit = r.unit;
    return out;
  });
}

/** The three life-cycle stages of the national guide, Sichuan and Jiangxi: ≤ 5, ≤ 10, older. */
export const THREE_STAGES: readonly StageDef[] = [
  { id: 'initial', name: { zh: '初创期', en: 'Initial' }, maxAgeYears: 5 },
  { id: 'growth', name: { zh: '成长期', en: 'Growth' }, maxAgeYears: 10 },
  { id: 'stable', name: { zh: '稳定期', en: 'Stable' } },
];

/** The three indicator classes of the national core set (seed 000), which Sichuan and Jiangxi keep. */
export const CORE_CLASSES: readonly IndicatorClass[] = [
  { id: 'tech_innovation', name: { zh: '技术创新指标', en: 'Technological innovation' } },
  { id: 'growth_operation', name: { zh: '成长经营指标', en: 'Growth and operation' } },
  { id: 'auxiliary', name: { zh: '辅助指标', en: 'Auxiliary' } },
];
