export * from './weight-shift.ts';
export * from './one-at-a-time.ts';
