import type { default as Embed } from 'vega-embed';

let loading: Promise<typeof Embed> | null = null;

/**
 * vega-embed, with vega and vega-lite (~900 kB of the bundle), loaded on the first chart instead
 * of with the page: the ranking table, which needs none of it, reaches the screen sooner.
 */
export function loadEmbed(): Promise<typeof Embed> {
  return (loading ??= import('vega-embed').then((m) => m.default));
}
