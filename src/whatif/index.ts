/**
 * What-if analysis (issue 5): scenarios, comparisons, sensitivity, Monte Carlo rank uncertainty,
 * lists and exports, shareable links. Pure TypeScript over the engine's typed arrays: no DOM, so
 * every module runs in a Web Worker, in Node tests and in scripts. The browser worker pool lives
 * in ./pool/browser-pool.ts (imported separately: it creates Workers). See docs/methodology-whatif.md.
 */
export * from './prng.ts';
export * from './scenarios/index.ts';
export * from './compare/index.ts';
export * from './sensitivity/index.ts';
export * from './mc/index.ts';
export * from './pool/index.ts';
export * from './lists/index.ts';
export * from './export/index.ts';
export * from './share/index.ts';
