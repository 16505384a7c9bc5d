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

/**
 * The strict "plain decimal" pattern of parse-number.ts's fast path, for RE2 (DuckDB's regex
 * engine; its `\d` is ASCII only, as in JS). Only cells matching it are cast by DuckDB.
 */
export const PLAIN_NUMBER_RE = '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)';
/**
 * Plain cells that JS prints back exactly as written (String(Number(cell)) === cell): no sign but
 * '-', no leading or trailing zeros, at most 15 characters (≤ 15 significant digits: every such
 * decimal round-trips through a double) and not below 1e-6 (JS prints those with an exponent).
 * Other plain cells keep their text too, so a message quotes the cell as the file wrote it.
 */
const CANONICAL_RE = '-?(?:0|[1-9]\\d*)(?:\\.\\d*[1-9])?';
/** The characters JS's String.prototype.trim removes (dropBlankRows' notion of a blank cell). */
const BLANK_RE = '[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]*';

/** The double of a plain, finite cell (−0 as 0), else NULL: the other cells are read from text. */
export function plainNumberSql(cell: string): string {
  const v = `TRY_CAST(${cell} AS DOUBLE)`;
  return `CASE WHEN regexp_full_match(${cell}, '${PLAIN_NUMBER_RE}') AND isfinite(${v}) THEN ${v} + 0.0 END`;
}

/** The cell's text unless it is plain, finite and canonical (then the double says it all). */
export function numberTextSql(cell: string): string {
  const v = `TRY_CAST(${cell} AS DOUBLE)`;
  const canonical = `regexp_full_match(${cell}, '${CANONICAL_RE}') AND length(${cell}) <= 15 AND ${cell} <> '-0' AND NOT regexp_matches(${cell}, '^-?0\\.000000')`;
  return `CASE WHEN regexp_full_match(${cell}, '${PLAIN_NUMBER_RE}') AND isfinite(${v}) AND ${canonical} THEN NULL ELSE ${cell} END`;
}

/** True when every cell of the row is NULL or blank (JS trim), as dropBlankRows decides. */
export function blankRowSql(cells: readonly string[]): string {
  if (cells.length === 0) return 'true';
  return cells.map((c) => `(${c} IS NULL OR regexp_full_match(${c}, '${BLANK_RE}'))`).join(' AND ');
}

/** How the typed query reads one source column: text as VARCHAR, number as (double, text). */
export type ColumnRead = 'skip' | 'text' | 'number';

/**
 * The one typed query of a read: `blank` (BOOLEAN) first, then per read column `t<j>` (VARCHAR)
 * or `n<j>` (DOUBLE) and `t<j>` (VARCHAR), in column order. `cellSql(j)` is the VARCHAR text of
 * source column j (a CSV column, or a Parquet column cast to VARCHAR); `offset` skips title rows
 * and the header. The blank test runs only on rows whose read columns are all blank (CASE
 * evaluates its ELSE branch on those rows only), so it costs little on real data.
 */
export function typedSelectSql(fromSql: string, reads: readonly ColumnRead[], cellSql: (j: number) => string, offset = 0): string {
  const all = reads.map((_, j) => cellSql(j));
  const readCells = reads.flatMap((r, j) => (r === 'skip' ? [] : [all[j]]));
  const blank = readCells.length === 0 ? blankRowSql(all) : `CASE WHEN NOT (${blankRowSql(readCells)}) THEN false ELSE ${blankRowSql(all)} END`;
  const cols = [`${blank} AS blank`];
  reads.forEach((r, j) => {
    if (r === 'number') cols.push(`${plainNumberSql(all[j])} AS n${j}`, `${numberTextSql(all[j])} AS t${j}`);
    else if (r === 'text') cols.push(`${all[j]} AS t${j}`);
  });
  return `SELECT ${cols.join(', ')} FROM (${fromSql})${offset > 0 ? ` OFFSET ${offset}` : ''}`;
}
