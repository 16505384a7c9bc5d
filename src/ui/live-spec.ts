import type { TopLevelSpec } from 'vega-lite';

/** Name of the dataset a live chart feeds (see LiveVegaChart.svelte). */
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
