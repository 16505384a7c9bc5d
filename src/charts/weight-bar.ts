import { config, indicatorAxis, num, pick, SCHEMA, type Lang, type Named, type TopLevelSpec } from './common.ts';
import { ROLE, stageColorScale } from './palette.ts';
import { chartText } from '../i18n/charts.ts';

export interface WeightBarInput {
  indicators: readonly Named[];
  stages: readonly Named[];
  /** Current weights, stage-major `w[stage·k + i]` (as the engine and weights-edit use them). */
  weights: readonly number[];
  /** Published weights in the same layout; drawn as ticks when given. */
  published?: readonly number[];
}

export interface WeightRow {
  indicator: string;
  stage: string;
  weight: number | null;
  published: number | null;
}

export function weightRows(input: WeightBarInput, lang: Lang): WeightRow[] {
  const k = input.indicators.length;
  if (input.weights.length !== input.stages.length * k) throw new Error(`expected ${input.stages.length}×${k} weights, got ${input.weights.length}`);
  return input.stages.flatMap((st, s) =>
    input.indicators.map((ind, i) => ({
      indicator: pick(ind.name, lang),
      stage: pick(st.name, lang),
      weight: num(input.weights[s * k + i]),
      published: input.published ? num(input.published[s * k + i]) : null,
    })),
  );
}

/** Grouped horizontal bars: one group per indicator, one bar per stage, published weights as ticks. */
export function weightBarSpec(input: WeightBarInput, options: { lang: Lang }): TopLevelSpec {
  const { lang } = options;
  const t = chartText(lang);
  const stageLabels = input.stages.map((s) => pick(s.name, lang));
  const indicatorLabels = input.indicators.map((s) => pick(s.name, lang));
  const layers: unknown[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        // Few ticks, percent labels, overlapping ones dropped: no "0.000.02" at narrow widths.
        x: { field: 'weight', type: 'quantitative', title: t.weight, axis: { format: '.0%', tickCount: 5, labelOverlap: 'greedy' } },
        color: { field: 'stage', type: 'nominal', title: t.stage, sort: stageLabels, scale: stageColorScale(stageLabels) },
        tooltip: [
          { field: 'indicator', type: 'nominal', title: t.indicator },
          { field: 'stage', type: 'nominal', title: t.stage },
          { field: 'weight', type: 'quantitative', title: t.weight, format: '.4f' },
          ...(input.published ? [{ field: 'published', type: 'quantitative', title: t.published, format: '.4f' }] : []),
        ],
      },
    },
  ];
  if (input.published) {
    layers.push({
      mark: { type: 'tick', color: ROLE.ink, thickness: 2 },
      encoding: { x: { field: 'published', type: 'quantitative' } },
    });
  }
  return {
    $schema: SCHEMA,
    title: input.published ? { text: t.weights, subtitle: t.weightsSub } : { text: t.weights },
    description: t.weights,
    data: { values: weightRows(input, lang) },
    width: 'container',
    // Fit the width to the container only; the height is 8 px per bar plus 6 px per group, at
    // least two label lines (numeric: a discrete `step` height with a fit width makes vega-lite warn).
    autosize: { type: 'fit-x', contains: 'padding' },
    height: Math.max(1, input.indicators.length) * Math.max(28, Math.max(1, input.stages.length) * 8 + 6),
    encoding: {
      y: { field: 'indicator', type: 'nominal', sort: indicatorLabels, title: null, axis: indicatorAxis(lang) },
      yOffset: { field: 'stage', type: 'nominal', sort: stageLabels },
    },
    layer: layers,
    config: config(),
  } as TopLevelSpec;
}
