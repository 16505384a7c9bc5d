import { FALSE_TEXTS, TRUE_TEXTS } from './parse-bool.ts';
import { CELLS_COLUMN } from './row-width.ts';

/**
 * DuckDB SQL text shared by the browser (DuckDB-wasm) and the CLI (native DuckDB). Only SQL that
 * both engines run without extensions: `read_csv` is built in everywhere; `read_parquet` is built
 * into native DuckDB only (the browser reads Parquet with hyparquet and inserts Arrow instead).
 */

/** Run right after connecting, so a missing extension fails loudly instead of being downloaded. */
export const SAFE_SETUP_SQL: readonly string[] = ['SET autoinstall_known_extensions=false', 'SET autoload_known_extensions=false'];

/**
 * Run before any user-written SQL (segment conditions): no file or network access, no extension
 * loading, and no later SET can undo it (lock_configuration). Only a database that never reads a
 * file again may run these (the segment databases: src/db/segment-db.ts, src/cli/segment-native.ts).
 */
export const LOCKED_SQL: readonly string[] = [...SAFE_SETUP_SQL, 'SET enable_external_access=false', 'SET lock_configuration=true'];

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
 *
 * The last column, `row_cells` (CELLS_COLUMN, INTEGER), is the row's cell count as written, so a
 * row with more or fewer cells than the header is reported instead of read shifted (row-width.ts,
 * issue 9 class 3). DuckDB's padding and an empty cell would both be NULL, so the file is read
 * with a `nullstr` no cell holds: a written cell, empty or not, is then non-NULL and padding alone
 * is NULL; the count is the number of non-NULL cells, and NULLIF turns empty cells back to NULL.
 * The same SQL runs in native DuckDB and DuckDB-wasm (both ≥ 1.4: COLUMNS unpacking); it costs
 * about as much as the read itself varies from run to run (measured on the 1M-row demo file).
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
    `nullstr=${quoteLiteral(NO_CELL)}`,
  ];
  return `SELECT NULLIF(COLUMNS(*), ''), CAST(list_aggregate([*COLUMNS(*)], 'count') AS INTEGER) AS ${quoteIdent(CELLS_COLUMN)} FROM read_csv(${quoteLiteral(path)}, ${opts.join(', ')})`;
}

/** A `nullstr` no CSV cell holds (control characters: such a file is refused as binary anyway). */
const NO_CELL = '\u0001ipw:no-null\u0001';

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
 * Plain cells that JS prints back exactly as written (String(Number(cell)) === cell): no '+',
 * no leading or trailing zeros, not '-0', not below 1e-6 (JS prints those with an exponent), and
 * (checked apart) at most 15 characters, so ≤ 15 significant digits: every such decimal
 * round-trips through a double, and is finite. Other plain cells keep their text as well, so a
 * message quotes a cell as the file wrote it. Tested first: it is the common cell.
 */
export const CANONICAL_NUMBER_RE = '-?(?:[1-9]\\d*(?:\\.\\d*[1-9])?|0\\.0{0,5}[1-9]\\d*)|0';
/** The characters JS's String.prototype.trim removes (dropBlankRows' notion of a blank cell). */
const BLANK_RE = '[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]*';

/** True when every cell of the row is NULL or blank (JS trim), as dropBlankRows decides. */
export function blankRowSql(cells: readonly string[]): string {
  if (cells.length === 0) return 'true';
  return cells.map((c) => `(${c} IS NULL OR regexp_full_match(${c}, '${BLANK_RE}'))`).join(' AND ');
}

/**
 * How the typed query reads one source column: text as VARCHAR; number and bool as (double,
 * text) pairs (a bool cell that parse-bool.ts reads exactly, without normalising, as 1/0).
 */
export type ColumnRead = 'skip' | 'text' | 'number' | 'bool';

/** Number columns per text mask `m<g>` (a DOUBLE holds 53 bits exactly). */
export const MASK_BITS = 50;

/**
 * True when the first character of `cell` is printable ASCII other than space ('!' … 'z'; VARCHAR
 * compares bytewise), so the cell is certainly not blank; NULL for a NULL cell. A cheap test that
 * settles almost every row before the blank regexes run.
 */
function surelyNotBlankSql(cell: string): string {
  return `(${cell} >= '!' AND ${cell} < '{')`;
}

/**
 * True when every one of `cells` is NULL, '' or a canonical number cell (CANONICAL_NUMBER_RE,
 * without the length limit): one regex over the row's cells joined by ',' instead of one regex
 * per cell (RE2's per-call cost, not the pattern, dominates on short cells: ~1 s of a 1M × 27
 * read). Exact: a canonical cell has no ',', so a match uses exactly the separators' commas,
 * hence no cell has one, and the joined text splits back into the cells, each matching
 * `(?:canonical)?`.
 */
function allCanonicalSql(cells: readonly string[]): string {
  const one = `(?:${CANONICAL_NUMBER_RE})?`;
  const pattern = cells.length === 1 ? one : `${one}(?:,${one}){${cells.length - 1}}`;
  return `regexp_full_match(concat_ws(',', ${cells.map((c) => `coalesce(${c}, '')`).join(', ')}), '${pattern}')`;
}

/**
 * The one typed query of a read: `blank` (BOOLEAN, never NULL) first, then per read column
 * `t<j>` (VARCHAR) or `n<j>` (DOUBLE, never NULL) and `t<j>` (VARCHAR), in column order.
 * For a number column, `n<j>` is the value of a plain finite cell (−0 as 0) and NaN for every
 * other cell, whose text `t<j>` then holds (NULL when the cell is empty, or plain and canonical).
 * `cellSql(j)` is the VARCHAR text of source column j (a CSV column, or a Parquet column cast to
 * VARCHAR); `offset` skips title rows and the header. Last come the masks `m<g>`: bit b of m<g> is
set when number column 50g + b (counting number columns only) has text on that row, so a
reader fetches only those few strings instead of testing every `t<j>` for NULL. Each test is computed once per cell in a
 * nested select; the blank test over all columns runs only where the read cells are all blank
 * (CASE evaluates a branch on its own rows only), so it costs little on real data; a row whose
 * first read cell starts with a printable character is not blank without any regex. The number
 * cells' canonical test is one regex per row (allCanonicalSql), the per-cell regex only on rows
 * where that fails: `all` below.
 * With `cellsSql` (a CSV's row_cells), the row's cell count comes last, as `row_cells`.
 */
export function typedSelectSql(fromSql: string, reads: readonly ColumnRead[], cellSql: (j: number) => string, offset = 0, cellsSql?: string): string {
  const all = reads.map((_, j) => cellSql(j));
  const readCells = reads.flatMap((r, j) => (r === 'skip' ? [] : [`c${j}`]));
  const blankAll = blankRowSql(all);
  const blank = readCells.length === 0 ? blankAll : `CASE WHEN ${surelyNotBlankSql(readCells[0])} THEN false WHEN NOT (${blankRowSql(readCells)}) THEN false ELSE ${blankAll} END`;
  const numberCells = reads.flatMap((r, j) => (r === 'number' ? [`c${j}`] : []));
  const l1: string[] = [];
  const l2: string[] = [];
  const l3: string[] = [];
  const masks: string[][] = [];
  let b = 0;
  reads.forEach((r, j) => {
    if (r === 'skip') return;
    l1.push(`${all[j]} AS c${j}`);
    if (r === 'text') {
      l2.push(`c${j}`);
      l3.push(`c${j} AS t${j}`);
      return;
    }
    if (r === 'bool') {
      const yes = TRUE_TEXTS.map(quoteLiteral).join(', ');
      const no = FALSE_TEXTS.map(quoteLiteral).join(', ');
      l2.push(`c${j}`, `c${j} IN (${yes}) AS k${j}`, `c${j} IN (${no}) AS f${j}`);
      l3.push(`CASE WHEN k${j} THEN 1.0 WHEN f${j} THEN 0.0 ELSE 'NaN'::DOUBLE END AS n${j}`, `CASE WHEN k${j} OR f${j} THEN NULL ELSE c${j} END AS t${j}`);
      (masks[Math.floor(b / MASK_BITS)] ??= []).push(`CASE WHEN k${j} OR f${j} OR c${j} IS NULL THEN 0 ELSE ${2 ** (b % MASK_BITS)} END`);
      b++;
      return;
    }
    // Same value as the ELSE branch where `all` holds: c is NULL, '' or canonical there.
    l2.push(`c${j}`, `CASE WHEN "all" THEN length(c${j}) BETWEEN 1 AND 15 ELSE length(c${j}) <= 15 AND regexp_full_match(c${j}, '${CANONICAL_NUMBER_RE}') END AS k${j}`);
    l3.push(
      `CASE WHEN k${j} THEN CAST(c${j} AS DOUBLE) + 0.0 WHEN regexp_full_match(c${j}, '${PLAIN_NUMBER_RE}') AND isfinite(TRY_CAST(c${j} AS DOUBLE)) THEN TRY_CAST(c${j} AS DOUBLE) + 0.0 ELSE 'NaN'::DOUBLE END AS n${j}`,
      `CASE WHEN k${j} THEN NULL ELSE c${j} END AS t${j}`,
    );
    (masks[Math.floor(b / MASK_BITS)] ??= []).push(`CASE WHEN k${j} OR c${j} IS NULL THEN 0 ELSE ${2 ** (b % MASK_BITS)} END`);
    b++;
  });
  masks.forEach((terms, g) => l3.push(`CAST(${terms.join(' + ')} AS DOUBLE) AS m${g}`));
  // The row's cell count (readCsvSql's row_cells), passed through as the very last column.
  if (cellsSql !== undefined) {
    l1.push(`${cellsSql} AS rc`);
    l2.push('rc');
    l3.push(`rc AS ${quoteIdent(CELLS_COLUMN)}`);
  }
  let from = `(SELECT ${[...l1, `${blank} AS blank`].join(', ')} FROM (${fromSql})${offset > 0 ? ` OFFSET ${offset}` : ''})`;
  if (numberCells.length > 0) from = `(SELECT *, ${allCanonicalSql(numberCells)} AS "all" FROM ${from})`;
  const select = (cols: string[]) => cols.join(', ');
  return `SELECT coalesce(blank, false) AS blank${l3.length ? `, ${select(l3)}` : ''} FROM (SELECT blank${l2.length ? `, ${select(l2)}` : ''} FROM ${from})`;
}
