import { config, indicatorAxis, num, SCHEMA, type Lang, type TopLevelSpec } from '../common.ts';
import { ROLE } from '../palette.ts';
import { whatifChartText } from '../../i18n/whatif-charts.ts';

export interface SobolBarInput {
  /** The output's name in the reader's language (the subtitle). */
  output: string;
  samples: number;
  /** Rows in display order (largest total index first), indicators already named. */
  rows: readonly { label: string; S: number; sLo: number; sHi: number; ST: number; stLo: number; stHi: number }[];
}

export interface SobolBarRow {
  indicator: string;
  kind: string;
  value: number | null;
  lo: number | null;
  hi: number | null;
}

/** Two rows per indicator: the first-order index, then the total index, each with its interval. */
export function sobolBarRows(input: SobolBarInput, lang: Lang): SobolBarRow[] {
  const t = whatifChartText(lang);
  return input.rows.flatMap((r) => [
    { indicator: r.label, kind: t.sobolFirst, value: num(r.S), lo: num(r.sLo), hi: num(r.sHi) },
    { indicator: r.label, kind: t.sobolTotal, value: num(r.ST), lo: num(r.stLo), hi: num(r.stHi) },
  ]);
}

/**
 * Sobol indices of one output: per indicator a bar for S_i and one for S_T side by side, the
 * bootstrap interval of each as a thin line, rows in the given order (most influential on top).
 * The axis starts at 0 but lets a small negative S_i (sampling noise) show rather than clipping it.
 */
export function sobolBarSpec(input: SobolBarInput, options: { lang: Lang }): TopLevelSpec {
  const { lang } = options;
  const t = whatifChartText(lang);
  const order = input.rows.map((r) => r.label);
  const kinds = [t.sobolFirst, t.sobolTotal];
  const y = { field: 'indicator', type: 'nominal', sort: order, title: null, axis: indicatorAxis(lang) };
  const yOffset = { field: 'kind', type: 'nominal', sort: kinds };
  return {
    $schema: SCHEMA,
    title: { text: t.sobol, subtitle: t.sobolSub(input.output, input.samples) },
    description: t.sobol,
    data: { values: sobolBarRows(input, lang) },
    width: 'container',
    autosize: { type: 'fit-x', contains: 'padding' },
    height: Math.max(1, input.rows.length) * 34,
    encoding: { y, yOffset },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'value', type: 'quantitative', title: t.sobolIndex, axis: { format: '.1f', tickCount: 6, labelOverlap: 'greedy' } },
          color: { field: 'kind', type: 'nominal', title: t.sobolKind, sort: kinds, scale: { domain: kinds, range: [ROLE.primary, ROLE.negative] } },
          tooltip: [
            { field: 'indicator', type: 'nominal', title: t.indicator },
            { field: 'kind', type: 'nominal', title: t.sobolKind },
            { field: 'value', type: 'quantitative', title: t.sobolIndex, format: '.3f' },
            { field: 'lo', type: 'quantitative', title: t.sobolLo, format: '.3f' },
            { field: 'hi', type: 'quantitative', title: t.sobolHi, format: '.3f' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: ROLE.ink, strokeWidth: 1 },
        encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
      },
    ],
    config: config(),
  } as TopLevelSpec;
}
