import { COMMON } from '../../i18n/common.ts';
import { config, num, SCHEMA, type Lang, type TopLevelSpec } from '../common.ts';
import { whatifChartText } from '../../i18n/whatif-charts.ts';

export interface CorrelationInput {
  names: readonly string[];
  /** m×m row-major values (diagonal 1). */
  values: readonly number[];
  /** Legend title (default Spearman ρ). */
  title?: string;
  /** Chart title (default: the rank correlation of the methods' rankings). */
  heading?: string;
}

export interface CorrelationCell {
  row: string;
  col: string;
  value: number | null;
}

export function correlationCells(input: CorrelationInput): CorrelationCell[] {
  const m = input.names.length;
  if (input.values.length !== m * m) throw new Error(`correlation matrix: expected ${m * m} values, got ${input.values.length}`);
  return input.names.flatMap((a, i) => input.names.map((b, j) => ({ row: a, col: b, value: num(input.values[i * m + j]) })));
}

/** A symmetric correlation matrix as a heatmap with the value in each cell (red-blue, −1 … 1). */
/** `step`: the cell size in px (64 fits a few long method names; an 18-indicator matrix needs less). */
export function correlationMatrixSpec(input: CorrelationInput, options: { lang: Lang; step?: number }): TopLevelSpec {
  const step = options.step ?? 64;
  const t = whatifChartText(options.lang);
  const title = input.title ?? t.rho;
  const names = [...input.names];
  return {
    $schema: SCHEMA,
    title: { text: `${input.heading ?? t.correlation}${COMMON[options.lang].paren(title)}` },
    description: t.correlation,
    data: { values: correlationCells(input) },
    width: { step },
    height: { step: Math.min(30, step) },
    encoding: {
      // Every label shown (a matrix needs them all): steep angle and no overlap culling when cells are small.
      x: { field: 'col', type: 'nominal', sort: names, title: null, axis: { orient: 'top', labelAngle: step < 40 ? -60 : -30, labelOverlap: false } },
      y: { field: 'row', type: 'nominal', sort: names, title: null },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#fff' },
        encoding: {
          color: { field: 'value', type: 'quantitative', title, scale: { domain: [-1, 1], scheme: 'redblue' } },
          tooltip: [
            { field: 'row', type: 'nominal' },
            { field: 'col', type: 'nominal' },
            { field: 'value', type: 'quantitative', title, format: '.3f' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: step < 40 ? 9 : 11 },
        encoding: {
          text: { field: 'value', type: 'quantitative', format: '.2f' },
          color: { condition: { test: 'abs(datum.value) > 0.6', value: '#fff' }, value: '#111' },
        },
      },
    ],
    config: config(),
  } as TopLevelSpec;
}
