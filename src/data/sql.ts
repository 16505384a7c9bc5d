/**
 * DuckDB SQL text shared by the browser (DuckDB-wasm) and the CLI (native DuckDB). Only SQL that
 * both engines run without extensions: `read_csv` is built in everywhere; `read_parquet` is built
 * into native DuckDB only (the browser reads Parquet with hyparquet and inserts Arrow instead).
 */

/** Run right after connecting, so a missing extension fails loudly instead of being downloaded. */
export const SAFE_SETUP_SQL: readonly string[] = ['SET autoinstall_known_extensions=false', 'SET autoload_known_extensions=false'];

/** A SQL string literal. */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A SQL identifier (any header text, including Chinese, quotes and spaces). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface CsvOptions {
  /** One character: ',', '\t' or ';' (see detectDelimiter). */
  delimiter: string;
}

/**
 * Reads a UTF-8 CSV with every cell as VARCHAR and NO header handling: the header is the first
 * row of the result (columns come back as column0, column1, …), so header texts arrive exactly as
 * written, duplicates included, and nothing is renamed or typed by a sniffer. Rows shorter than
 * the widest row are padded with NULL; empty cells are NULL.
 */
export function readCsvSql(path: string, options: CsvOptions): string {
  const opts = [
    'header=false',
    'all_varchar=true',
    `delim=${quoteLiteral(options.delimiter)}`,
    `quote='"'`,
    `escape='"'`,
    'null_padding=true',
    // Serial reading: with null_padding DuckDB's parallel reader refuses quoted line breaks
    // ("CSV Error on Line …"), which real exports contain (addresses, names).
    'parallel=false',
    'sample_size=-1',
  ];
  return `SELECT * FROM read_csv(${quoteLiteral(path)}, ${opts.join(', ')})`;
}

/** Native DuckDB only (see the file comment). */
export function readParquetSql(path: string): string {
  return `SELECT * FROM read_parquet(${quoteLiteral(path)})`;
}

/** Every column of `fromSql` cast to VARCHAR under its own name (typed sources → raw text). */
export function castAllToVarcharSql(fromSql: string, columnNames: readonly string[]): string {
  const cols = columnNames.map((c) => `CAST(${quoteIdent(c)} AS VARCHAR) AS ${quoteIdent(c)}`);
  return `SELECT ${cols.join(', ')} FROM (${fromSql})`;
}

/** Column names and types of a query, as DuckDB resolves them. */
export function describeSql(fromSql: string): string {
  return `DESCRIBE ${fromSql}`;
}

/** A view that renames mapped input columns to canonical field ids (the mapped view). */
export function mappedViewSql(view: string, source: string, fields: Readonly<Record<string, string>>): string {
  const cols = Object.entries(fields)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, header]) => `${quoteIdent(header)} AS ${quoteIdent(id)}`);
  return `CREATE OR REPLACE VIEW ${quoteIdent(view)} AS SELECT ${cols.join(', ')} FROM ${quoteIdent(source)}`;
}
