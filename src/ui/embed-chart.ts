import type { default as Embed, Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';

/** The view of an embedded chart (what `Chart.svelte` keeps to swap data and export images). */
export type ChartView = Result['view'];

let loading: Promise<typeof Embed> | null = null;

/**
 * vega-embed, with vega and vega-lite (~900 kB of the bundle), loaded on the first chart instead
 * of with the page: the ranking table, which needs none of it, reaches the screen sooner.
 */
function loadEmbed(): Promise<typeof Embed> {
  return (loading ??= import('vega-embed').then((m) => m.default));
}

/**
 * Embeds one Vega-Lite spec (SVG renderer, no action menu) and returns the cleanup for the
 * `$effect` that called it: the view is finalised when the spec changes or the component goes
 * away, and a view that finishes embedding after that is finalised at once, so nothing leaks.
 * `ready` may return a promise (e.g. feeding the first live values); it runs before the view is
 * considered shown.
 */
export function embedChart(el: HTMLElement, spec: TopLevelSpec, on: { ready?: (view: ChartView) => void | Promise<unknown>; error: (message: string) => void }): () => void {
  let result: Result | undefined;
  let disposed = false;
  const fail = (e: unknown) => {
    if (!disposed) on.error(e instanceof Error ? e.message : String(e));
  };
  loadEmbed()
    .then((embed) => embed(el, spec, { actions: false, renderer: 'svg' }))
    .then((r) => {
      if (disposed) return r.finalize();
      result = r;
      dropEnglishTitleAria(el);
      return on.ready?.(r.view);
    })
    .catch(fail);
  // vega-embed's finalize() calls view.finalize() and also removes its tooltip handler.
  return () => {
    disposed = true;
    result?.finalize();
    result = undefined;
  };
}

/**
 * Vega labels a chart's title group "Title text '…'" (and "Subtitle text '…'") in English whatever
 * the chart's language; `aria: false` in the config does not reach titles. The title's own text is
 * already in the reader's language, so it alone becomes the label.
 */
function dropEnglishTitleAria(el: HTMLElement): void {
  for (const g of el.querySelectorAll('[aria-roledescription="title"], [aria-roledescription="subtitle"]')) {
    const text = g.textContent?.trim();
    if (text) g.setAttribute('aria-label', text);
    else g.removeAttribute('aria-label');
  }
}

/** Name of the dataset a live chart feeds (see `live` in Chart.svelte). */
export const LIVE_DATA = 'table';

/**
 * Splits a spec with inline `data.values` into its shape (data replaced by a named dataset) and
 * the values, so a chart whose shape did not change can take new values without a re-embed.
 * `key` identifies the shape; null when the spec has no inline top-level values.
 */
export function splitSpec(spec: TopLevelSpec): { shape: TopLevelSpec; values: unknown[]; key: string | null } {
  const data = (spec as { data?: { values?: unknown } }).data;
  if (!data || !Array.isArray(data.values)) return { shape: spec, values: [], key: null };
  const shape = { ...spec, data: { name: LIVE_DATA } } as TopLevelSpec;
  return { shape, values: data.values, key: JSON.stringify(shape) };
}

/**
 * The shape of a live chart with its first values as a named top-level dataset, for the first
 * embed: the view never runs on an empty dataset (which would give its scales an empty extent,
 * logged by Vega as "Infinite extent for field x0"). Later values replace the dataset in place.
 */
export function withLiveValues(shape: TopLevelSpec, values: unknown[]): TopLevelSpec {
  return { ...shape, datasets: { [LIVE_DATA]: values } } as TopLevelSpec;
}

/** Downloads the chart as `${file}.png` (2× scale) or `${file}.svg` (vega's view.toImageURL). */
export async function saveChartImage(view: ChartView, type: 'png' | 'svg', file: string): Promise<void> {
  const url = await view.toImageURL(type, type === 'png' ? 2 : 1);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${file}.${type}`;
  document.body.append(a);
  a.click();
  a.remove();
  if (url.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(url), 0);
}
