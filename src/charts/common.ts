/**
 * Shared pieces of the chart spec builders. Every builder is a pure function from ALREADY
 * aggregated data (bins, means, one row's points) to a Vega-Lite spec; none sees raw rows.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Label } from '../engine/index.ts';
import type { Lang } from '../i18n/lang.ts';
import { ROLE, STAGE_COLORS } from './palette.ts';

export type { TopLevelSpec };
export type { Lang };

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** CJK-capable font stack (the page's --font-sans); the first available one wins, nothing is downloaded. */
export const FONT = '"PingFang SC", "Hiragino Sans GB", "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif';

export { STAGE_COLORS, stageColorScale } from './palette.ts';

/** Indicator names longer than this (px) wrap onto a second line, then end in "…" with a tooltip. */
export const LABEL_LIMIT = 260;

/** Characters per line before a long axis label wraps (CJK glyphs are ~1 em, Latin ~0.55 em). */
const WRAP_AT: Record<Lang, number> = { zh: 15, en: 30 };

/**
 * A Vega expression that puts a long axis label on two lines instead of cutting it: Chinese after
 * WRAP_AT characters, English at the last space before that. The second line is still capped by
 * `labelLimit` (ending in "…"); the marks' tooltips carry the whole name.
 */
export function wrapLabelExpr(lang: Lang): string {
  const n = WRAP_AT[lang];
  const l = 'datum.label';
  if (lang === 'zh') return `length(${l}) > ${n + 2} ? [substring(${l}, 0, ${n}), substring(${l}, ${n})] : ${l}`;
  // The break: the last space in the first n characters, or n when there is none near the end.
  const space = `lastindexof(substring(${l}, 0, ${n}), ' ')`;
  const at = `(${space} > ${Math.floor(n / 3)} ? ${space} : ${n})`;
  return `length(${l}) > ${n} ? [substring(${l}, 0, ${at}), trim(substring(${l}, ${at}))] : ${l}`;
}

/** Axis settings for an axis of indicator names (wrapped, capped, a little smaller). */
export function indicatorAxis(lang: Lang) {
  return { labelExpr: wrapLabelExpr(lang), labelLimit: LABEL_LIMIT, labelFontSize: 11, labelLineHeight: 12, labelPadding: 6, ticks: false, domain: false } as const;
}

/** A named series (a stage, the whole population, an indicator). */
export interface Named {
  key: string;
  name: Label;
}

export function pick(label: Label | string, lang: Lang): string {
  return typeof label === 'string' ? label : label[lang];
}

/** JSON-safe number: NaN and ±∞ become null, which Vega treats as missing. */
export function num(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/**
 * The look shared by every chart: the page's fonts and text colours, light grid lines, axis
 * labels that never collide (overlapping labels are thinned, ticks kept few) and long labels cut
 * with a tooltip holding the whole text.
 */
export function config(): NonNullable<TopLevelSpec['config']> {
  return {
    font: FONT,
    // Vega's generated ARIA descriptions are English only ("X-axis titled … for a linear scale");
    // the figure carries a label in the reader's language and the table beside it is the text alternative.
    aria: false,
    background: 'transparent',
    view: { stroke: null },
    range: { category: [...STAGE_COLORS] },
    axis: {
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 600,
      labelColor: ROLE.text,
      titleColor: ROLE.text,
      domainColor: ROLE.grid,
      tickColor: ROLE.grid,
      grid: true,
      gridColor: ROLE.grid,
      labelOverlap: 'greedy',
      labelLimit: LABEL_LIMIT,
      labelFlush: false,
    },
    axisQuantitative: { tickCount: 6 },
    axisBand: { grid: false },
    header: { labelAngle: 0, labelAlign: 'center', labelFontSize: 13, labelFontWeight: 600, labelColor: ROLE.ink, labelOrient: 'top', titleFontSize: 12 },
    title: { fontSize: 14, fontWeight: 600, color: ROLE.ink, anchor: 'start', subtitleFontSize: 12, subtitleColor: ROLE.text, offset: 8 },
    legend: {
      labelFontSize: 12,
      titleFontSize: 12,
      labelColor: ROLE.ink,
      titleColor: ROLE.text,
      labelLimit: LABEL_LIMIT,
      orient: 'top',
      direction: 'horizontal',
      titleOrient: 'left',
      titleAnchor: 'middle',
    },
    bar: { color: ROLE.primary },
    rect: { color: ROLE.primary },
  };
}
