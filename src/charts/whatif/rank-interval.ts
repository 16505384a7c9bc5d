import { config, num, SCHEMA, type Lang, type TopLevelSpec } from '../common.ts';
import { whatifChartText } from '../../i18n/whatif-charts.ts';

export interface RankIntervalInput {
  /** Rows in scenario-rank order, already limited to the top of the ranking. */
  rows: readonly { label: string; rank0: number; median: number; p05: number; p95: number; pTop: number }[];
  samples: number;
  topN: number;
}

export interface RankIntervalRow {
  label: string;
  rank0: number;
  median: number | null;
  p05: number | null;
  p95: number | null;
  pTop: number | null;
}

export function rankIntervalRows(input: RankIntervalInput): RankIntervalRow[] {
  return input.rows.map((r) => ({ label: r.label, rank0: r.rank0, median: num(r.median), p05: num(r.p05), p95: num(r.p95), pTop: num(r.pTop) }));
}

/**
 * Rank-interval chart of a Monte Carlo run: one line per enterprise from its 5th to its 95th
 * percentile rank, a dot at the median, enterprises in scenario-rank order (best on top) and
 * rank 1 at the left. A dashed rule marks the top-N cut-off.
 */
export function rankIntervalSpec(input: RankIntervalInput, options: { lang: Lang }): TopLevelSpec {
  const t = whatifChartText(options.lang);
  const order = input.rows.map((r) => r.label);
  const tooltip = [
    { field: 'label', type: 'nominal', title: t.enterprise },
    { field: 'rank0', type: 'quantitative', title: t.rank0 },
    { field: 'median', type: 'quantitative', title: t.median },
    { field: 'p05', type: 'quantitative', title: t.p05 },
    { field: 'p95', type: 'quantitative', title: t.p95 },
    { field: 'pTop', type: 'quantitative', title: t.pTop(input.topN), format: '.0%' },
  ];
  // Log rank axis (the top places spread out), ticks at 1-2-5 steps up to the largest rank shown.
  let hi = input.topN + 1;
  for (const r of input.rows) if (Number.isFinite(r.p95) && r.p95 > hi) hi = r.p95;
  const ticks = [1, 2, 5]
    .flatMap((m) => [1, 10, 100, 1000, 10000, 100000, 1000000].map((p) => m * p))
    .filter((v) => v <= hi * 1.5)
    .sort((a, b) => a - b);
  const x = { type: 'quantitative', title: t.median, scale: { type: 'log', domainMin: 1, nice: false }, axis: { values: ticks, format: ',d' } };
  return {
    $schema: SCHEMA,
    title: { text: t.interval, subtitle: t.intervalSub(input.samples) },
    description: t.interval,
    width: 'container',
    autosize: { type: 'fit-x', contains: 'padding' },
    height: Math.max(1, input.rows.length) * 16,
    layer: [
      {
        data: { values: rankIntervalRows(input) },
        encoding: { y: { field: 'label', type: 'nominal', sort: order, title: null }, tooltip },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2, color: '#9ab' }, encoding: { x: { field: 'p05', ...x }, x2: { field: 'p95' } } },
          { mark: { type: 'point', filled: true, size: 40, color: '#b4232a' }, encoding: { x: { field: 'median', ...x } } },
        ],
      },
      {
        data: { values: [{ cut: input.topN + 0.5 }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#555' },
        encoding: { x: { field: 'cut', type: 'quantitative' } },
      },
    ],
    config: config(),
  } as TopLevelSpec;
}
