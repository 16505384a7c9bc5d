import { evaluateExpr, exprFields, parseExpr } from './expr.ts';
import { growth, ratio } from './ratio-rule.ts';
import type { ValueRule } from './types.ts';

export { growth, ratio };

/**
 * Derived values (scoring.md §3). Every function writes into a preallocated output so that
 * preparing a million rows allocates one array per indicator, not one per row.
 */

export type Columns = Readonly<Record<string, Float64Array>>;

function column(columns: Columns, field: string, n: number): Float64Array {
  const c = columns[field];
  if (c === undefined) return missingColumn(n);
  if (c.length !== n) throw new Error(`column "${field}" has ${c.length} rows, expected ${n}`);
  return c;
}

function missingColumn(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}

/** Element-wise sum of several columns; missing when any term is missing (NaN propagates). */
function sumInto(out: Float64Array, cols: Float64Array[]): Float64Array {
  out.set(cols[0]);
  for (let j = 1; j < cols.length; j++) {
    const c = cols[j];
    for (let r = 0; r < out.length; r++) out[r] += c[r];
  }
  return out;
}

/** The raw value of one indicator for every row (NaN missing, ±∞ where the rule produces it). */
export function deriveValues(rule: ValueRule, columns: Columns, n: number): Float64Array {
  switch (rule.kind) {
    case 'field':
      return column(columns, rule.field, n);
    case 'sum':
      return sumInto(
        new Float64Array(n),
        rule.fields.map((f) => column(columns, f, n)),
      );
    case 'ratio': {
      const a = column(columns, rule.numerator, n);
      const dens = Array.isArray(rule.denominator) ? rule.denominator : [rule.denominator];
      const b =
        dens.length === 1
          ? column(columns, dens[0], n)
          : sumInto(
              new Float64Array(n),
              dens.map((f) => column(columns, f, n)),
            );
      const out = new Float64Array(n);
      for (let r = 0; r < n; r++) out[r] = ratio(a[r], b[r]);
      return out;
    }
    case 'growth': {
      const y = column(columns, rule.current, n);
      const p = column(columns, rule.previous, n);
      const out = new Float64Array(n);
      for (let r = 0; r < n; r++) out[r] = growth(y[r], p[r]);
      return out;
    }
    case 'expr': {
      const r = parseExpr(rule.expr);
      // Systems are validated before they are scored (schema.ts), so this only guards misuse.
      if (!r.ok) throw new Error(`formula "${rule.expr}": ${r.error.message.en}`);
      // A bare field returns its column, as the 'field' rule does (callers never write into it).
      return evaluateExpr(r.node, (f) => column(columns, f, n), n);
    }
    default: {
      const never: never = rule;
      throw new Error(`unknown value rule ${JSON.stringify(never)}`);
    }
  }
}

/** Canonical fields a value rule reads. */
export function ruleFields(rule: ValueRule): string[] {
  switch (rule.kind) {
    case 'field':
      return [rule.field];
    case 'sum':
      return [...rule.fields];
    case 'ratio':
      return [rule.numerator, ...(Array.isArray(rule.denominator) ? rule.denominator : [rule.denominator])];
    case 'growth':
      return [rule.current, rule.previous];
    case 'expr':
      return exprFields(rule.expr);
  }
}
