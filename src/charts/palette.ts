/**
 * The colours of every chart, one module for all specs. The categorical colours are the
 * Okabe–Ito palette, distinguishable with protanopia, deuteranopia and tritanopia; the same hex
 * values are the `--cat-1 … --cat-6` custom properties of src/ui/global.css (a test checks the
 * two agree), so a stage has one colour on the page and in its charts.
 */

/** Okabe–Ito without its black and yellow (too dark / too light for bars), stage order. */
export const STAGE_COLORS = ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9'] as const;

/** Roles in the charts: the colours mean the same everywhere. */
export const ROLE = {
  /** A single series (the overall histogram, indicator points). */
  primary: '#0072b2',
  /** Positive change / a bonus. */
  positive: '#009e73',
  /** Negative change / a veto. */
  negative: '#d55e00',
  /** Totals, reference marks (published weights, medians). */
  ink: '#1d2330',
  /** Lines and rules that structure a chart without competing with the data. */
  grid: '#e3e6ec',
  /** Axis and legend text: the page's muted text colour (≥ 4.5:1 on white). */
  text: '#545d6e',
} as const;

/** Sequential scheme for 0…1 values (heat maps): light to dark blue, monotone in lightness. */
export const SEQUENTIAL_SCHEME = 'blues';
/** Diverging scheme for −1…1 (correlations): blue–orange, safe for red–green deficiencies. */
export const DIVERGING_SCHEME = 'blueorange';

/** Stage colour scale with a fixed domain so a stage keeps its colour across charts. */
export function stageColorScale(labels: readonly string[]) {
  return { domain: [...labels], range: labels.map((_, i) => STAGE_COLORS[i % STAGE_COLORS.length]) };
}
