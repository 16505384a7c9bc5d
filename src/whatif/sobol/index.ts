export * from './config.ts';
export * from './design.ts';
export * from './estimator.ts';
export * from './generic.ts';
export * from './partial.ts';
export * from './chunk.ts';
export * from './summarize.ts';
export * from './draws.ts';
