import { auditText } from '../../i18n/audit.ts';
import { config, indicatorAxis, num, SCHEMA, type Lang, type TopLevelSpec } from '../common.ts';
import { ROLE } from '../palette.ts';

// The nominal weight is the reference (ink), the two estimates the Okabe–Ito blue and orange.
const MEASURE_COLORS = [ROLE.ink, ROLE.primary, '#e69f00'];

export interface EffectiveWeightsInput {
  /** Indicators in display order, already named. */
  rows: readonly { label: string; nominal: number; effective: number; r2: number }[];
}

export interface EffectiveWeightRow {
  indicator: string;
  measure: string;
  value: number | null;
}

export function effectiveWeightRows(input: EffectiveWeightsInput, lang: Lang): EffectiveWeightRow[] {
  const t = auditText(lang);
  return input.rows.flatMap((r) => [
    { indicator: r.label, measure: t.nominal, value: num(r.nominal) },
    { indicator: r.label, measure: t.effective, value: num(r.effective) },
    { indicator: r.label, measure: t.r2, value: num(r.r2) },
  ]);
}

/**
 * Nominal against effective weights (统计审核): for each indicator three bars side by side — the
 * scenario's weight, the main effect Sᵢ and r² — on one 0–1 scale, so an indicator whose effect
 * is far from its weight stands out. Rows in the given order.
 */
export function effectiveWeightsSpec(input: EffectiveWeightsInput, options: { lang: Lang }): TopLevelSpec {
  const { lang } = options;
  const t = auditText(lang);
  const order = input.rows.map((r) => r.label);
  const measures = [t.nominal, t.effective, t.r2];
  return {
    $schema: SCHEMA,
    title: { text: t.chartLabel },
    description: t.effIntro,
    data: { values: effectiveWeightRows(input, lang) },
    width: 'container',
    autosize: { type: 'fit-x', contains: 'padding' },
    height: { step: 8 },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'indicator', type: 'nominal', sort: order, title: null, axis: indicatorAxis(lang) },
      yOffset: { field: 'measure', type: 'nominal', sort: measures },
      x: { field: 'value', type: 'quantitative', title: null, axis: { format: '.0%' } },
      color: { field: 'measure', type: 'nominal', title: null, sort: measures, scale: { domain: measures, range: MEASURE_COLORS }, legend: { orient: 'top' } },
      tooltip: [
        { field: 'indicator', type: 'nominal', title: t.indicator },
        { field: 'measure', type: 'nominal', title: null },
        { field: 'value', type: 'quantitative', title: null, format: '.1%' },
      ],
    },
    config: config(),
  } as TopLevelSpec;
}
