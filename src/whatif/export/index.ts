export * from './cell-safety.ts';
export * from './table.ts';
export * from './csv.ts';
export * from './xlsx.ts';
export * from './provenance.ts';
