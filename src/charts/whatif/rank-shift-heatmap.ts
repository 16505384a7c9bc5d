import { COMMON } from '../../i18n/common.ts';
import { config, SCHEMA, type Lang, type TopLevelSpec } from '../common.ts';
import { whatifChartText } from '../../i18n/whatif-charts.ts';

export interface RankShiftInput {
  bins: number;
  /** bins + 1 rank edges (src/whatif/compare/rank-shift-grid.ts). */
  edges: readonly number[];
  /** counts[y · bins + x]: x = bin under A, y = bin under B. */
  counts: readonly number[];
}

export interface RankShiftCell {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  count: number;
}

/** Non-empty cells with their rank ranges (never the rows themselves). */
export function rankShiftCells(input: RankShiftInput): RankShiftCell[] {
  const { bins, edges, counts } = input;
  if (edges.length !== bins + 1 || counts.length !== bins * bins) throw new Error(`rank-shift grid: expected ${bins + 1} edges and ${bins * bins} counts`);
  const out: RankShiftCell[] = [];
  for (let y = 0; y < bins; y++) {
    for (let x = 0; x < bins; x++) {
      const c = counts[y * bins + x];
      if (c > 0) out.push({ a0: Math.round(edges[x]), a1: Math.round(edges[x + 1]), b0: Math.round(edges[y]), b1: Math.round(edges[y + 1]), count: c });
    }
  }
  return out;
}

/**
 * Binned rank-shift scatter: rank under A (x) against rank under B (y), rank 1 at the top left,
 * colour = enterprises per cell on a log scale, a diagonal rule for "unchanged".
 */
export function rankShiftHeatmapSpec(input: RankShiftInput, options: { lang: Lang; labelA?: string; labelB?: string; size?: number }): TopLevelSpec {
  const t = whatifChartText(options.lang);
  const max = input.edges[input.edges.length - 1] ?? 1;
  const size = options.size ?? 320;
  const xTitle = options.labelA ? `${t.rankA}${COMMON[options.lang].paren(options.labelA)}` : t.rankA;
  const yTitle = options.labelB ? `${t.rankB}${COMMON[options.lang].paren(options.labelB)}` : t.rankB;
  const scale = { domain: [1, max], nice: false, zero: false };
  return {
    $schema: SCHEMA,
    title: { text: t.shift, subtitle: t.shiftSub },
    description: t.shift,
    width: size,
    height: size,
    layer: [
      {
        data: { values: rankShiftCells(input) },
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'a0', type: 'quantitative', title: xTitle, scale, axis: { format: ',d' } },
          x2: { field: 'a1' },
          y: { field: 'b0', type: 'quantitative', title: yTitle, scale: { ...scale, reverse: true }, axis: { format: ',d' } },
          y2: { field: 'b1' },
          color: { field: 'count', type: 'quantitative', title: t.count, scale: { type: 'log', scheme: 'viridis', reverse: true } },
          tooltip: [
            { field: 'a0', type: 'quantitative', title: `${t.rankA} ≥`, format: ',d' },
            { field: 'a1', type: 'quantitative', title: `${t.rankA} <`, format: ',d' },
            { field: 'b0', type: 'quantitative', title: `${t.rankB} ≥`, format: ',d' },
            { field: 'b1', type: 'quantitative', title: `${t.rankB} <`, format: ',d' },
            { field: 'count', type: 'quantitative', title: t.count, format: ',d' },
          ],
        },
      },
      {
        data: { values: [{ a: 1, b: 1, a2: max, b2: max }] },
        mark: { type: 'rule', color: '#999', strokeDash: [4, 4] },
        encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' }, x2: { field: 'a2' }, y2: { field: 'b2' } },
      },
    ],
    config: config(),
  } as TopLevelSpec;
}
