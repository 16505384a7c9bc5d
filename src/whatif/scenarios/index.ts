export * from './list-rule-schema.ts';
export * from './scenario-doc.ts';
export * from './scenario-library.ts';
export * from './scenario-file.ts';
