import { growth, ratio } from './ratio-rule.ts';
import type { Label, ValueRule } from './types.ts';

/**
 * The indicator expression language (custom indicators, scoring.md §3 extended; methodology §3b).
 * One small grammar, the same in the browser and the CLI:
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := '-' unary | primary
 *   primary := number | field | 'growth' '(' expr ',' expr ')' | '(' expr ')'
 *
 * Fields are data-model ids (snake_case). `/` is the scoring contract's ratio rule (zero
 * denominator → ±∞ or 0 by the numerator's sign, negative or missing → missing) and `growth(a, b)`
 * is `(a − b) / b` under the same rule, so `rd_expense / revenue` means exactly what the presets'
 * R&D intensity means. A missing operand makes the result missing; where IEEE arithmetic is
 * undefined (∞ − ∞, 0 × ∞) the result is missing too (NaN is the engine's missing).
 *
 * The parser never throws on user text: it returns an error with the character offset, and the
 * message in both languages, so the editor can show it at the field.
 */

export type ExprNode =
  | { op: 'num'; value: number }
  | { op: 'field'; field: string; at: number }
  | { op: 'neg'; arg: ExprNode }
  | { op: '+' | '-' | '*' | '/'; left: ExprNode; right: ExprNode }
  | { op: 'growth'; current: ExprNode; previous: ExprNode };

export interface ExprError {
  /** Character offset in the text where the problem is (0-based). */
  at: number;
  message: Label;
}

export type ParseExprResult = { ok: true; node: ExprNode; fields: string[] } | { ok: false; error: ExprError };

/** Longer texts are refused unread: an indicator formula is a line, not a program. */
export const MAX_EXPR_LENGTH = 500;
/** Nesting bound so a hostile "((((…" cannot exhaust the stack. */
const MAX_DEPTH = 40;

type Token =
  { kind: 'num'; value: number; at: number; text: string } | { kind: 'id'; text: string; at: number } | { kind: 'sym'; text: string; at: number } | { kind: 'end'; at: number };

class Fail {
  constructor(readonly error: ExprError) {}
}

const fail = (at: number, zh: string, en: string): never => {
  throw new Fail({ at, message: { zh, en } });
};

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const num = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (num) {
      out.push({ kind: 'num', value: Number(num[0]), at: i, text: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (id) {
      out.push({ kind: 'id', text: id[0], at: i });
      i += id[0].length;
      continue;
    }
    if ('+-*/(),'.includes(c)) {
      out.push({ kind: 'sym', text: c, at: i });
      i++;
      continue;
    }
    if (c === '（' || c === '）' || c === '，' || c === '／' || c === '×' || c === '÷') {
      fail(i, `第 ${i + 1} 个字符“${c}”是全角符号，请改用半角的 ( ) , / *`, `character ${i + 1} "${c}" is a full-width sign: use the ASCII ( ) , / *`);
    }
    fail(
      i,
      `第 ${i + 1} 个字符“${c}”不能用在公式里（可用：字段名、数字、+ − * /、括号和 growth(本年, 上年)）`,
      `character ${i + 1} "${c}" cannot be used in a formula (allowed: field ids, numbers, + - * /, brackets and growth(current, previous))`,
    );
  }
  out.push({ kind: 'end', at: text.length });
  return out;
}

/** Parses `text`; `fields` lists the field ids it reads, in first-use order. */
export function parseExpr(text: string): ParseExprResult {
  if (text.length > MAX_EXPR_LENGTH)
    return {
      ok: false,
      error: { at: MAX_EXPR_LENGTH, message: { zh: `公式过长（最多 ${MAX_EXPR_LENGTH} 个字符）`, en: `the formula is too long (at most ${MAX_EXPR_LENGTH} characters)` } },
    };
  try {
    const tokens = tokenize(text);
    if (tokens.length === 1) fail(0, '公式为空', 'the formula is empty');
    let k = 0;
    const fields: string[] = [];
    const peek = () => tokens[k];
    const isSym = (s: string) => {
      const t = tokens[k];
      return t.kind === 'sym' && t.text === s;
    };
    const expect = (s: string, zh: string, en: string) => {
      if (!isSym(s)) fail(peek().at, zh, en);
      k++;
    };
    const where = (t: Token) => (t.kind === 'end' ? { zh: '公式结尾', en: 'the end of the formula' } : { zh: `第 ${t.at + 1} 个字符`, en: `character ${t.at + 1}` });

    const expr = (depth: number): ExprNode => {
      if (depth > MAX_DEPTH) fail(peek().at, '括号嵌套过深', 'brackets are nested too deeply');
      let left = term(depth);
      while (isSym('+') || isSym('-')) {
        const op = (tokens[k++] as { text: '+' | '-' }).text;
        left = { op, left, right: term(depth) };
      }
      return left;
    };
    const term = (depth: number): ExprNode => {
      let left = unary(depth);
      while (isSym('*') || isSym('/')) {
        const op = (tokens[k++] as { text: '*' | '/' }).text;
        left = { op, left, right: unary(depth) };
      }
      return left;
    };
    const unary = (depth: number): ExprNode => {
      if (isSym('-')) {
        k++;
        if (depth > MAX_DEPTH) fail(peek().at, '负号过多', 'too many minus signs');
        return { op: 'neg', arg: unary(depth + 1) };
      }
      return primary(depth);
    };
    const primary = (depth: number): ExprNode => {
      const t = peek();
      if (t.kind === 'num') {
        k++;
        if (!Number.isFinite(t.value)) fail(t.at, `数字 ${t.text} 超出范围`, `the number ${t.text} is out of range`);
        return { op: 'num', value: t.value };
      }
      if (t.kind === 'id') {
        k++;
        if (isSym('(')) {
          if (t.text !== 'growth') fail(t.at, `没有函数“${t.text}”（只有 growth(本年, 上年)）`, `there is no function "${t.text}" (only growth(current, previous))`);
          k++;
          const current = expr(depth + 1);
          expect(',', `growth 需要两个参数，用逗号分开：growth(本年, 上年)`, 'growth takes two arguments separated by a comma: growth(current, previous)');
          const previous = expr(depth + 1);
          expect(')', `growth(…) 缺少右括号`, 'growth(…) lacks its closing bracket');
          return { op: 'growth', current, previous };
        }
        if (!/^[a-z][a-z0-9_]*$/.test(t.text))
          fail(t.at, `“${t.text}”不是字段名：字段名由小写字母、数字和下划线组成`, `"${t.text}" is not a field id: field ids are lower-case letters, digits and "_"`);
        if (!fields.includes(t.text)) fields.push(t.text);
        return { op: 'field', field: t.text, at: t.at };
      }
      if (isSym('(')) {
        k++;
        const inner = expr(depth + 1);
        expect(')', '缺少右括号', 'a closing bracket is missing');
        return inner;
      }
      const w = where(t);
      return fail(t.at, `${w.zh}处缺少字段名、数字或左括号`, `a field id, a number or "(" is expected at ${w.en}`);
    };

    const node = expr(0);
    const t = peek();
    if (t.kind !== 'end') {
      if (t.kind === 'sym' && t.text === ')') fail(t.at, `第 ${t.at + 1} 个字符处多了一个右括号`, `an extra closing bracket at character ${t.at + 1}`);
      fail(t.at, `第 ${t.at + 1} 个字符处缺少运算符（+ − * /）`, `an operator (+ - * /) is expected at character ${t.at + 1}`);
    }
    return { ok: true, node, fields };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    throw e;
  }
}

/** Fields an expression reads ([] when it does not parse: the system check reports why). */
export function exprFields(text: string): string[] {
  const r = parseExpr(text);
  return r.ok ? r.fields : [];
}

/**
 * Evaluates a parsed expression over columns (`column(field)` returns the field's Float64Array,
 * all-NaN when absent). Column-at-a-time: one output array per operator, no per-row closures.
 */
export function evaluateExpr(node: ExprNode, column: (field: string) => Float64Array, n: number): Float64Array {
  const walk = (e: ExprNode): Float64Array => {
    switch (e.op) {
      case 'num':
        return new Float64Array(n).fill(e.value);
      case 'field':
        return column(e.field);
      case 'neg': {
        const a = walk(e.arg);
        const out = new Float64Array(n);
        for (let r = 0; r < n; r++) out[r] = -a[r];
        return out;
      }
      case 'growth': {
        const a = walk(e.current);
        const b = walk(e.previous);
        const out = new Float64Array(n);
        for (let r = 0; r < n; r++) out[r] = growth(a[r], b[r]);
        return out;
      }
      case '/': {
        const a = walk(e.left);
        const b = walk(e.right);
        const out = new Float64Array(n);
        for (let r = 0; r < n; r++) out[r] = ratio(a[r], b[r]);
        return out;
      }
      case '+':
      case '-':
      case '*': {
        const a = walk(e.left);
        const b = walk(e.right);
        const out = new Float64Array(n);
        if (e.op === '+') for (let r = 0; r < n; r++) out[r] = a[r] + b[r];
        else if (e.op === '-') for (let r = 0; r < n; r++) out[r] = a[r] - b[r];
        else for (let r = 0; r < n; r++) out[r] = a[r] * b[r];
        return out;
      }
    }
  };
  return walk(node);
}

/**
 * A built-in value rule written in the expression language (`ratio` → `a / (b + c)`, `growth` →
 * `growth(y, prev)`, `sum` → `a + b`): the same values, since `/` and `growth` are the same rules.
 * The formula benchmark and the byte-for-byte CLI test rewrite the presets with it.
 */
export function valueRuleFormula(v: ValueRule): string {
  switch (v.kind) {
    case 'field':
      return v.field;
    case 'sum':
      return v.fields.join(' + ');
    case 'growth':
      return `growth(${v.current}, ${v.previous})`;
    case 'ratio':
      return `${v.numerator} / (${[v.denominator].flat().join(' + ')})`;
    case 'expr':
      return v.expr;
  }
}
