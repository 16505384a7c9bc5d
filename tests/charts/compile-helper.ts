import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Compiles a Vega-Lite spec to Vega and returns it with every warning vega-lite logged, so a test
 * can prove the spec is valid AND clean (no "dropping channel" style warnings).
 */
export function compileClean(spec: TopLevelSpec) {
  const warnings: string[] = [];
  let lvl = 2;
  const logger = {
    level(l?: number) {
      if (l === undefined) return lvl;
      lvl = l;
      return logger;
    },
    error(...args: unknown[]) {
      throw new Error(args.join(' '));
    },
    warn(...args: unknown[]) {
      warnings.push(args.join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  // The logger type in vega-lite is vega-util's LoggerInterface; ours implements it structurally.
  const out = compile(spec, { logger: logger as never });
  return { vega: out.spec, warnings };
}

/** The inline data values of a spec (all our builders inline their aggregated data). */
export function values<T = Record<string, unknown>>(spec: TopLevelSpec): T[] {
  const data = (spec as { data?: { values?: T[] } }).data;
  if (!data?.values) throw new Error('spec has no inline data');
  return data.values;
}
