import { config, num, SCHEMA, type Lang, type TopLevelSpec } from '../common.ts';
import { ROLE } from '../palette.ts';
import { whatifChartText } from '../../i18n/whatif-charts.ts';

export interface TornadoInput {
  /** Rows in display order (largest effect first), already labelled. */
  rows: readonly { label: string; up: number; down: number; entriesUp?: number; exitsUp?: number; entriesDown?: number; exitsDown?: number }[];
  /** Relative shift x (0.2 = ±20%), for the subtitle. */
  shift: number;
}

export interface TornadoRow {
  indicator: string;
  direction: string;
  /** Signed for drawing: down to the left (negative), up to the right. */
  value: number | null;
  magnitude: number | null;
  entries: number;
  exits: number;
}

export function tornadoRows(input: TornadoInput, lang: Lang): TornadoRow[] {
  const t = whatifChartText(lang);
  return input.rows.flatMap((r) => [
    { indicator: r.label, direction: t.down, value: num(-r.down), magnitude: num(r.down), entries: r.entriesDown ?? 0, exits: r.exitsDown ?? 0 },
    { indicator: r.label, direction: t.up, value: num(r.up), magnitude: num(r.up), entries: r.entriesUp ?? 0, exits: r.exitsUp ?? 0 },
  ]);
}

/**
 * Tornado chart of the one-at-a-time sensitivity: one row per indicator, the mean |Δrank| of the
 * downward shift drawn to the left and of the upward shift to the right (axis labels unsigned),
 * rows in the given order so the most influential weight sits on top.
 */
export function tornadoSpec(input: TornadoInput, options: { lang: Lang }): TopLevelSpec {
  const { lang } = options;
  const t = whatifChartText(lang);
  const order = input.rows.map((r) => r.label);
  return {
    $schema: SCHEMA,
    title: { text: t.tornado, subtitle: t.tornadoSub(`${Math.round(input.shift * 100)}%`) },
    description: t.tornado,
    data: { values: tornadoRows(input, lang) },
    width: 'container',
    autosize: { type: 'fit-x', contains: 'padding' },
    height: Math.max(1, input.rows.length) * 20,
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'indicator', type: 'nominal', sort: order, title: null },
      x: { field: 'value', type: 'quantitative', title: t.meanAbs, axis: { labelExpr: 'format(abs(datum.value), ",.0f")' } },
      color: { field: 'direction', type: 'nominal', title: t.direction, sort: [t.down, t.up], scale: { domain: [t.down, t.up], range: [ROLE.negative, ROLE.primary] } },
      tooltip: [
        { field: 'indicator', type: 'nominal', title: t.indicator },
        { field: 'direction', type: 'nominal', title: t.direction },
        { field: 'magnitude', type: 'quantitative', title: t.meanAbs, format: ',.1f' },
        { field: 'entries', type: 'quantitative', title: t.entries },
        { field: 'exits', type: 'quantitative', title: t.exits },
      ],
    },
    config: config(),
  } as TopLevelSpec;
}
