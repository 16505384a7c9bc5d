import type { Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { loadEmbed } from './load-embed.ts';

/**
 * Embeds one Vega-Lite spec (SVG renderer, no action menu) and returns the cleanup for the
 * `$effect` that called it: the view is finalised when the spec changes or the component goes
 * away, and a view that finishes embedding after that is finalised at once, so nothing leaks.
 */
export function embedChart(
  el: HTMLElement,
  spec: TopLevelSpec,
  on: { ready?: (result: Result) => void; error: (message: string) => void },
): () => void {
  let result: Result | undefined;
  let disposed = false;
  loadEmbed()
    .then((embed) => embed(el, spec, { actions: false, renderer: 'svg' }))
    .then(
      (r) => {
        if (disposed) return r.finalize();
        result = r;
        on.ready?.(r);
      },
      (e: unknown) => {
        if (!disposed) on.error(e instanceof Error ? e.message : String(e));
      },
    );
  // vega-embed's finalize() calls view.finalize() and also removes its tooltip handler.
  return () => {
    disposed = true;
    result?.finalize();
    result = undefined;
  };
}
