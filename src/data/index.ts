/**
 * The shared data-reading module: field catalogue, header matching, cell parsing, validation and
 * conversion to the engine's input. Pure TypeScript (no Node APIs); file I/O lives in ./node/
 * (CLI) and in the workbench's workers (browser).
 */
export * from './fields.ts';
export * from './normalize-header.ts';
export * from './header-match.ts';
export * from './header-row.ts';
export * from './mapping.ts';
export * from './personal-data.ts';
export * from './parse-number.ts';
export * from './parse-bool.ts';
export * from './parse-date.ts';
export * from './cell-text.ts';
export * from './uscc.ts';
export * from './raw-table.ts';
export * from './typed-columns.ts';
export * from './column-reads.ts';
export * from './arrow-columns.ts';
export * from './arrow-text.ts';
export * from './text-grid.ts';
export * from './row-width.ts';
export * from './duplicate-fields.ts';
export * from './typed-read.ts';
export * from './issues.ts';
export * from './messages.ts';
export * from './parse-columns.ts';
export * from './validate.ts';
export * from './build-dataset.ts';
export * from './duplicate-fields.ts';
export * from './sql.ts';
export * from './text-sniff.ts';
export * from './errors.ts';
export * from './warning-collector.ts';
export * from './quality-messages.ts';
export * from './quality-checks.ts';
export * from './validation-report.ts';
export * from './validation-report-csv.ts';
export * from './decode-text-file.ts';
