import { parseExpr, type ExprError } from '../engine/expr.ts';
import type { Label, ValueRule } from '../engine/types.ts';
import { isNumericField, knownField, KNOWN_FIELDS } from './known-fields.ts';

/**
 * What the system editor says about a formula as it is typed, in both languages: the parser's
 * error, or a field the data model lacks or that is not a number (the system check says the same
 * in its path-named English form). `fields` are the fields it reads, for the editor's list.
 */
export type FormulaCheck = { ok: true; fields: string[] } | { ok: false; error: ExprError };

export function checkFormula(text: string): FormulaCheck {
  const r = parseExpr(text);
  if (!r.ok) return r;
  for (const f of r.fields) {
    const k = knownField(f);
    const at = Math.max(0, text.search(new RegExp(`\\b${f}\\b`)));
    if (!k)
      return { ok: false, error: { at, message: { zh: `没有字段“${f}”：请从下方的字段列表中选用`, en: `there is no field "${f}": pick one from the list of fields below` } } };
    if (!isNumericField(k))
      return { ok: false, error: { at, message: { zh: `“${k.zh}”（${f}）不是数值字段，不能参与计算`, en: `"${k.en}" (${f}) is not a number and cannot be computed with` } } };
  }
  return { ok: true, fields: r.fields };
}

/** The fields a formula may read: numeric fields of the data model, in catalogue order. */
export function formulaFields(): { id: string; name: Label; unit?: string }[] {
  return KNOWN_FIELDS.filter(isNumericField).map((k) => ({ id: k.id, name: { zh: k.zh, en: k.en }, ...(k.unit ? { unit: k.unit } : {}) }));
}

const fieldName = (id: string, lang: 'zh' | 'en') => {
  const k = knownField(id);
  return k ? (lang === 'zh' ? k.zh : k.en) : id;
};

/**
 * A value rule as a reader sees it: field names instead of ids, ÷ and ×, growth spelled out
 * ("研发费用 ÷ 营业收入", "增长率（营业收入，上年营业收入）").
 */
export function ruleText(rule: ValueRule, lang: 'zh' | 'en'): string {
  const n = (id: string) => fieldName(id, lang);
  const growthOf = (a: string, b: string) => (lang === 'zh' ? `增长率（${a}，${b}）` : `growth(${a}, ${b})`);
  switch (rule.kind) {
    case 'field':
      return n(rule.field);
    case 'sum':
      return rule.fields.map(n).join(' + ');
    case 'ratio': {
      const den = [rule.denominator].flat();
      return `${n(rule.numerator)} ÷ ${den.length > 1 ? `(${den.map(n).join(' + ')})` : n(den[0])}`;
    }
    case 'growth':
      return growthOf(n(rule.current), n(rule.previous));
    case 'expr': {
      const r = parseExpr(rule.expr);
      if (!r.ok) return rule.expr;
      type Node = typeof r.node;
      const prec = (e: Node) => (e.op === '+' || e.op === '-' ? 1 : e.op === '*' || e.op === '/' ? 2 : 3);
      const show = (e: Node): string => {
        switch (e.op) {
          case 'num':
            return String(e.value);
          case 'field':
            return n(e.field);
          case 'neg':
            return `−${prec(e.arg) < 3 ? `(${show(e.arg)})` : show(e.arg)}`;
          case 'growth':
            return growthOf(show(e.current), show(e.previous));
          default: {
            const sign = { '+': '+', '-': '−', '*': '×', '/': '÷' }[e.op];
            const l = prec(e.left) < prec(e) ? `(${show(e.left)})` : show(e.left);
            // Right operands of − and ÷ keep brackets at equal precedence: a − (b − c).
            const r2 = prec(e.right) < prec(e) || (prec(e.right) === prec(e) && (e.op === '-' || e.op === '/')) ? `(${show(e.right)})` : show(e.right);
            return `${l} ${sign} ${r2}`;
          }
        }
      };
      return show(r.node);
    }
  }
}
