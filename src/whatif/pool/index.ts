export * from '../../protocol/monte-carlo.ts';
export * from './split.ts';
export * from './chunk-driver.ts';
export * from './monte-carlo-pool.ts';
export * from './worker-core.ts';
