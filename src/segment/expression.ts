import type { Label } from '../engine/types.ts';
import { quoteIdent } from '../data/sql.ts';

/**
 * A segment's SQL condition (`city = '成都市' AND industry_code LIKE 'C39%'`), checked before DuckDB
 * sees it. The check is a whitelist over tokens, not a blacklist over text: the expression is split
 * into string literals, numbers, quoted and bare names, and operators; every bare name must be a
 * column of the segment table, an allowed function (followed by `(`), an allowed keyword or a type
 * name inside CAST. Anything else — a second statement, a comment, a subquery, a function that
 * reads files (`read_csv`), a table name — is refused with a sentence naming it and its position.
 *
 * What reaches DuckDB is the SQL rebuilt from the accepted tokens (columns always as quoted
 * identifiers), so the text that runs is exactly the text that was checked. The segment database
 * has external access switched off and its configuration locked as a second line of defence
 * (src/db/segment-db.ts, src/cli/segment-native.ts).
 */

export interface SegmentColumn {
  /** Canonical field id (the column's name in SQL). */
  id: string;
  /** Chinese header and its aliases, accepted as quoted names: "市" = '成都市'. */
  names: readonly string[];
}

export interface SegmentError extends Label {
  code: 'empty' | 'too-long' | 'semicolon' | 'comment' | 'character' | 'string' | 'statement' | 'function' | 'column' | 'parenthesis' | 'syntax' | 'type' | 'duckdb';
  /** 0-based character offset of the offending token; -1 when the whole condition is at fault. */
  at: number;
}

export type SegmentCheck = { ok: true; sql: string; columns: string[] } | { ok: false; error: SegmentError };

export const MAX_EXPRESSION_LENGTH = 2000;

/**
 * Functions a condition may call: text tests and a little arithmetic and date arithmetic. No
 * table functions, no functions with side effects, nothing that touches files or the network.
 */
export const SEGMENT_FUNCTIONS: readonly string[] = [
  'lower',
  'upper',
  'length',
  'trim',
  'ltrim',
  'rtrim',
  'substr',
  'substring',
  'left',
  'right',
  'starts_with',
  'ends_with',
  'prefix',
  'suffix',
  'contains',
  'replace',
  'concat',
  'regexp_matches',
  'coalesce',
  'ifnull',
  'nullif',
  'abs',
  'round',
  'floor',
  'ceil',
  'greatest',
  'least',
  'year',
  'month',
];

/** Keywords of a boolean expression (compared in lower case). */
const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'like',
  'ilike',
  'between',
  'is',
  'null',
  'true',
  'false',
  'case',
  'when',
  'then',
  'else',
  'end',
  'cast',
  'as',
  'distinct', // IS [NOT] DISTINCT FROM is refused by FROM below: only here to name it clearly
  'escape',
  'date',
]);

/** Type names allowed after CAST (… AS). */
const TYPES = new Set(['varchar', 'text', 'double', 'integer', 'bigint', 'decimal', 'boolean', 'date']);

/** Words that begin or join statements: a condition never needs them. */
const STATEMENT_WORDS = new Set([
  'select',
  'from',
  'where',
  'with',
  'union',
  'intersect',
  'except',
  'insert',
  'update',
  'delete',
  'create',
  'drop',
  'alter',
  'copy',
  'attach',
  'detach',
  'install',
  'load',
  'set',
  'reset',
  'pragma',
  'call',
  'execute',
  'prepare',
  'export',
  'import',
  'exists',
  'values',
  'table',
  'join',
  'limit',
  'order',
  'group',
  'having',
  'use',
  'checkpoint',
  'vacuum',
  'summarize',
  'describe',
  'show',
]);

type Token =
  | { kind: 'string'; text: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'name'; text: string; quoted: boolean; at: number }
  | { kind: 'op'; text: string; at: number };

const OPERATORS = ['<>', '!=', '<=', '>=', '||', '=', '<', '>', '+', '-', '*', '/', '%', '(', ')', ','];

function fail(code: SegmentError['code'], at: number, zh: string, en: string): { ok: false; error: SegmentError } {
  return { ok: false, error: { code, at, zh: `第 ${at + 1} 个字符处：${zh}`, en: `At character ${at + 1}: ${en}` } };
}

function tokenize(text: string): Token[] | { ok: false; error: SegmentError } {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === ';') return fail('semicolon', i, '只能写一个条件，不能用分号接第二条语句。', 'only one condition is allowed; a semicolon would start a second statement.');
    if ((c === '-' && text[i + 1] === '-') || (c === '/' && text[i + 1] === '*'))
      return fail('comment', i, '条件中不能有注释（-- 或 /* */）。', 'comments (-- or /* */) are not allowed in a condition.');
    if (c === "'") {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= n) return fail('string', i, "文本没有结束引号（缺少 '）。", "a text value has no closing quote (').");
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      out.push({ kind: 'string', text: value, at: i });
      i = j + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= n) return fail('string', i, '列名没有结束引号（缺少 "）。', 'a quoted column name has no closing quote (").');
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      out.push({ kind: 'name', text: value, quoted: true, at: i });
      i = j + 1;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (num) {
      out.push({ kind: 'number', text: num[0], at: i });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 256));
    if (word) {
      out.push({ kind: 'name', text: word[0], quoted: false, at: i });
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      out.push({ kind: 'op', text: op, at: i });
      i += op.length;
      continue;
    }
    if (c === ':' && text[i + 1] === ':') return fail('character', i, '请用 CAST(值 AS 类型) 转换类型，不支持 ::。', 'use CAST(value AS type) to convert; :: is not supported.');
    if (/\p{L}/u.test(c)) {
      const w = /^[\p{L}\p{N}_（）()]+/u.exec(text.slice(i, i + 64))?.[0] ?? c;
      return fail('character', i, `中文列名请加双引号，例如 "${w}"。`, `put a Chinese column name in double quotes, e.g. "${w}".`);
    }
    return fail('character', i, `不允许的字符“${c}”。`, `the character “${c}” is not allowed.`);
  }
  return out;
}

/**
 * Checks `text` against the columns of the segment table and returns the SQL to run (or the first
 * problem). Column names are matched case-insensitively by id, and by Chinese header when quoted.
 */
export function checkSegmentExpression(text: string, columns: readonly SegmentColumn[]): SegmentCheck {
  if (text.length > MAX_EXPRESSION_LENGTH)
    return fail(
      'too-long',
      MAX_EXPRESSION_LENGTH,
      `条件太长（最多 ${MAX_EXPRESSION_LENGTH} 个字符）。`,
      `the condition is too long (at most ${MAX_EXPRESSION_LENGTH} characters).`,
    );
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return tokens;
  if (tokens.length === 0) return fail('empty', 0, '条件是空的。', 'the condition is empty.');
  const byId = new Map(columns.map((c) => [c.id.toLowerCase(), c.id]));
  const byZh = new Map(columns.flatMap((c) => c.names.map((name) => [name, c.id] as const)));
  const used = new Set<string>();
  const parts: string[] = [];
  let depth = 0;
  let castDepth: number[] = []; // paren depths at which a CAST( is open: its AS takes a type name
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    const next = tokens[t + 1];
    if (tok.kind === 'string') {
      parts.push(`'${tok.text.replace(/'/g, "''")}'`);
      continue;
    }
    if (tok.kind === 'number') {
      parts.push(tok.text);
      continue;
    }
    if (tok.kind === 'op') {
      if (tok.text === '(') depth++;
      if (tok.text === ')') {
        if (depth === 0) return fail('parenthesis', tok.at, '多了一个右括号“)”。', 'there is a closing parenthesis “)” too many.');
        if (castDepth[castDepth.length - 1] === depth) castDepth = castDepth.slice(0, -1);
        depth--;
      }
      parts.push(tok.text);
      continue;
    }
    const lower = tok.text.toLowerCase();
    if (tok.quoted) {
      const id = byZh.get(tok.text) ?? byId.get(lower);
      if (!id) return unknownColumn(tok, columns);
      used.add(id);
      parts.push(quoteIdent(id));
      continue;
    }
    if (next?.kind === 'op' && next.text === '(' && !KEYWORDS.has(lower)) {
      if (STATEMENT_WORDS.has(lower)) return statement(tok);
      if (!SEGMENT_FUNCTIONS.includes(lower))
        return fail(
          'function',
          tok.at,
          `不支持函数 ${tok.text}()：条件中只能使用 ${SEGMENT_FUNCTIONS.join('、')}。`,
          `the function ${tok.text}() is not supported; a condition may use ${SEGMENT_FUNCTIONS.join(', ')}.`,
        );
      parts.push(lower);
      continue;
    }
    if (STATEMENT_WORDS.has(lower)) return statement(tok);
    if (lower === 'cast' && next?.kind === 'op' && next.text === '(') castDepth = [...castDepth, depth + 1];
    const prev = tokens[t - 1];
    if (prev?.kind === 'name' && !prev.quoted && prev.text.toLowerCase() === 'as' && castDepth[castDepth.length - 1] === depth) {
      if (!TYPES.has(lower)) return fail('syntax', tok.at, `CAST 不支持类型 ${tok.text}。`, `CAST does not support the type ${tok.text}.`);
      parts.push(lower.toUpperCase());
      continue;
    }
    if (lower === 'as' && castDepth[castDepth.length - 1] !== depth)
      return fail('syntax', tok.at, 'AS 只能用在 CAST(值 AS 类型) 中。', 'AS may only be used inside CAST(value AS type).');
    if (KEYWORDS.has(lower)) {
      parts.push(lower.toUpperCase());
      continue;
    }
    const id = byId.get(lower);
    if (!id) return unknownColumn(tok, columns);
    used.add(id);
    parts.push(quoteIdent(id));
  }
  if (depth !== 0) return fail('parenthesis', text.length - 1, '缺少右括号“)”。', 'a closing parenthesis “)” is missing.');
  return { ok: true, sql: parts.join(' '), columns: [...used].sort() };
}

function statement(tok: Token): { ok: false; error: SegmentError } {
  return fail(
    'statement',
    tok.at,
    `条件中不能有 SQL 语句或子查询（${tok.text.toUpperCase()}）：只写一个判断条件，例如 city = '成都市'。`,
    `a condition cannot contain a statement or a subquery (${tok.text.toUpperCase()}); write one test, e.g. city = '成都市'.`,
  );
}

function unknownColumn(tok: Token, columns: readonly SegmentColumn[]): { ok: false; error: SegmentError } {
  const list = columns.map((c) => c.id).join(', ');
  return fail('column', tok.at, `这份数据没有名为 ${tok.text} 的列。可用的列：${list}。`, `this dataset has no column named ${tok.text}. Available columns: ${list}.`);
}
