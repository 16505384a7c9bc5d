export * from './protocol.ts';
export * from './split.ts';
export * from './chunk-driver.ts';
export * from './monte-carlo-pool.ts';
export * from './worker-core.ts';
