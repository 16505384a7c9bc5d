/**
 * Public API of the scoring engine (being implemented; signatures are the contract).
 */
export * from './types.ts';
export * from './scenario.ts';
export * from './calendar.ts';
