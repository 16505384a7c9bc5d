import { config, SCHEMA, type Lang, type TopLevelSpec } from '../common.ts';
import { ROLE } from '../palette.ts';
import { YOY } from '../../i18n/yoy.ts';
import type { YoyStatus } from '../../whatif/yoy/year-on-year.ts';

export interface SlopeInput {
  rows: readonly { name: string; rank: number | null; rankPrev: number | null; status: YoyStatus }[];
  years: { current: number; previous: number };
  /** How many of each year's list the chart holds (for the title). */
  top: number;
}

/** One end of a line: an enterprise's rank in one year (`y` capped so one far rank does not squash the rest). */
export interface SlopePoint {
  name: string;
  year: string;
  rank: number;
  y: number;
  capped: boolean;
  status: string;
  /** The label beside the point (names on the top `top` ranks of each side only, '' otherwise). */
  label: string;
}

/** Ranks below this multiple of `top` are drawn at the cap ("…+"): the top stays readable. */
const CAP_FACTOR = 2.5;

export function slopePoints(input: SlopeInput, lang: Lang): SlopePoint[] {
  const t = YOY[lang];
  const cap = Math.ceil(input.top * CAP_FACTOR);
  const out: SlopePoint[] = [];
  for (const r of input.rows) {
    const side = (rank: number | null, year: number) => {
      if (rank === null || !(rank > 0)) return;
      out.push({ name: r.name, year: String(year), rank, y: Math.min(rank, cap), capped: rank > cap, status: t.statuses[r.status], label: rank <= input.top ? r.name : '' });
    };
    side(r.rankPrev, input.years.previous);
    side(r.rank, input.years.current);
  }
  return out;
}

/**
 * Slope chart of the top of the list between two years: a line per enterprise from its overall
 * rank last year (left) to this year (right), rank 1 on top, coloured by what happened to it on
 * the list; ranks beyond 2.5 × top sit on the bottom line. Names label the top of each side.
 */
export function slopeSpec(input: SlopeInput, options: { lang: Lang }): TopLevelSpec {
  const { lang } = options;
  const t = YOY[lang];
  const cap = Math.ceil(input.top * CAP_FACTOR);
  const years = [String(input.years.previous), String(input.years.current)];
  // Every enterprise drawn is on one year's list at least: 'neither' never occurs.
  const statuses = [t.statuses.stayed, t.statuses.entered, t.statuses.left];
  const y = {
    field: 'y',
    type: 'quantitative',
    scale: { reverse: true, domain: [1, cap], nice: false },
    title: t.rankTitle,
    axis: { labelExpr: `datum.value >= ${cap} ? '${cap}+' : datum.label` },
  };
  const x = { field: 'year', type: 'ordinal', sort: years, title: null, scale: { domain: years, padding: 0.5 }, axis: { labelAngle: 0 } };
  const color = { field: 'status', type: 'nominal', title: t.status, scale: { domain: statuses, range: [ROLE.primary, ROLE.positive, ROLE.negative] } };
  return {
    $schema: SCHEMA,
    title: { text: t.slopeTitle(input.top), subtitle: t.slopeNote },
    description: t.slopeTitle(input.top),
    data: { values: slopePoints(input, lang) },
    width: 'container',
    height: 640,
    autosize: { type: 'fit-x', contains: 'padding' },
    layer: [
      { mark: { type: 'line', strokeWidth: 1.5, opacity: 0.75 }, encoding: { x, y, color, detail: { field: 'name' } } },
      {
        mark: { type: 'point', filled: true, size: 30 },
        encoding: {
          x,
          y,
          color,
          tooltip: [
            { field: 'name', type: 'nominal', title: t.enterprise },
            { field: 'year', type: 'ordinal', title: t.yearTitle },
            { field: 'rank', type: 'quantitative', title: t.rankTitle },
            { field: 'status', type: 'nominal', title: t.status },
          ],
        },
      },
      {
        transform: [{ filter: `datum.label !== '' && datum.year === '${years[1]}'` }],
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 10, limit: 180 },
        encoding: { x, y, text: { field: 'label' }, color },
      },
      {
        transform: [{ filter: `datum.label !== '' && datum.year === '${years[0]}'` }],
        mark: { type: 'text', align: 'right', dx: -6, fontSize: 10, limit: 180 },
        encoding: { x, y, text: { field: 'label' }, color },
      },
    ],
    config: config(),
  } as TopLevelSpec;
}
