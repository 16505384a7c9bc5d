export * from './config.ts';
export * from './partial-stats.ts';
export * from './rank-bins.ts';
export * from './run-chunk.ts';
export * from './sample-weights.ts';
export * from './summarize.ts';
export * from './list-table.ts';
