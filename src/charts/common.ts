/**
 * Shared pieces of the chart spec builders. Every builder is a pure function from ALREADY
 * aggregated data (bins, means, one row's points) to a Vega-Lite spec; none sees raw rows.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Label } from '../engine/index.ts';
import type { Lang } from '../i18n/lang.ts';

export type { TopLevelSpec };
export type { Lang };

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** CJK-capable font stack; the first available one wins, nothing is downloaded. */
export const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

/** Colour-blind-safe categorical colours for stages, youngest first (Tableau 10 order). */
export const STAGE_COLORS = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2'];

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

export function config(): NonNullable<TopLevelSpec['config']> {
  return {
    font: FONT,
    // Vega's generated ARIA descriptions are English only ("X-axis titled … for a linear scale");
    // the figure carries a label in the reader's language and the table beside it is the text alternative.
    aria: false,
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.5 },
    title: { fontSize: 14, anchor: 'start', subtitleFontSize: 11 },
    legend: { labelFontSize: 11, titleFontSize: 12 },
  };
}

/** Stage colour scale with a fixed domain so a stage keeps its colour across charts. */
export function stageColorScale(labels: string[]) {
  return { domain: labels, range: labels.map((_, i) => STAGE_COLORS[i % STAGE_COLORS.length]) };
}
