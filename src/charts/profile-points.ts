import type { Label } from '../engine/index.ts';
import { config, indicatorAxis, pick, SCHEMA, type Lang, type TopLevelSpec } from './common.ts';
import { ROLE } from './palette.ts';
import { chartText } from '../i18n/charts.ts';

export interface ProfilePointsInput {
  /** Indicator points in system order (engine `explain().indicators`), with display names. */
  indicators: readonly { key: string; name: Label; points: number }[];
  bonus: number;
  vetoed: boolean;
  score: number;
}

export type WaterfallKind = 'indicator' | 'bonus' | 'veto' | 'total';

export interface WaterfallRow {
  key: string;
  label: string;
  kind: WaterfallKind;
  kindLabel: string;
  /** Running total before and after this step. */
  start: number;
  end: number;
  points: number;
}

/**
 * Waterfall steps that add up to the score: each indicator's points from the running total, then
 * the bonus as its own step, then (if vetoed) a step back to 0, then the total bar from 0 to the
 * score. Indicator points are summed in the given order, which is the engine's, so the running
 * total reaches `base` exactly.
 */
export function waterfallRows(input: ProfilePointsInput, lang: Lang): WaterfallRow[] {
  const t = chartText(lang);
  const kinds: Record<WaterfallKind, string> = { indicator: t.indicatorKind, bonus: t.bonus, veto: t.veto, total: t.total };
  const rows: WaterfallRow[] = [];
  let acc = 0;
  for (const ind of input.indicators) {
    const start = acc;
    acc += ind.points;
    rows.push({ key: ind.key, label: pick(ind.name, lang), kind: 'indicator', kindLabel: kinds.indicator, start, end: acc, points: ind.points });
  }
  const beforeBonus = acc;
  acc += input.bonus;
  rows.push({ key: '_bonus', label: t.bonus, kind: 'bonus', kindLabel: kinds.bonus, start: beforeBonus, end: acc, points: input.bonus });
  if (input.vetoed) {
    rows.push({ key: '_veto', label: t.veto, kind: 'veto', kindLabel: kinds.veto, start: acc, end: 0, points: -acc });
  }
  rows.push({ key: '_total', label: t.total, kind: 'total', kindLabel: kinds.total, start: 0, end: input.score, points: input.score });
  return rows;
}

/** Horizontal waterfall of one enterprise's points (企业画像). */
export function profilePointsSpec(input: ProfilePointsInput, options: { lang: Lang }): TopLevelSpec {
  const { lang } = options;
  const t = chartText(lang);
  const rows = waterfallRows(input, lang);
  const kindLabels = [t.indicatorKind, t.bonus, t.veto, t.total];
  return {
    $schema: SCHEMA,
    title: { text: t.profile, subtitle: input.vetoed ? t.vetoNote : t.profileSub },
    description: `${t.profile}: ${t.total} ${input.score.toFixed(2)}${input.vetoed ? `, ${t.vetoNote}` : ''}`,
    data: { values: rows },
    width: 'container',
    // Fit the width to the container only; the height is 26 px per row, room for a wrapped name
    // (a numeric height: a discrete `step` height with a fit width makes vega-lite warn).
    autosize: { type: 'fit-x', contains: 'padding' },
    height: rows.length * 26,
    encoding: {
      y: { field: 'label', type: 'nominal', sort: rows.map((r) => r.label), title: null, axis: indicatorAxis(lang) },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'start', type: 'quantitative', title: t.points },
          x2: { field: 'end' },
          color: {
            field: 'kindLabel',
            type: 'nominal',
            title: t.kind,
            scale: { domain: kindLabels, range: [ROLE.primary, ROLE.positive, ROLE.negative, ROLE.ink] },
          },
          tooltip: [
            { field: 'label', type: 'nominal', title: t.indicator },
            { field: 'points', type: 'quantitative', title: t.points, format: '.3f' },
            { field: 'end', type: 'quantitative', title: t.total, format: '.3f' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: ROLE.ink },
        encoding: {
          x: { field: 'end', type: 'quantitative' },
          text: { field: 'points', type: 'quantitative', format: '.2f' },
        },
      },
    ],
    config: config(),
  } as TopLevelSpec;
}
