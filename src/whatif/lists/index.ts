export * from './list-rule.ts';
export * from './group-codes.ts';
export * from './list-evaluator.ts';
export * from './build-list.ts';
export * from './list-table.ts';
