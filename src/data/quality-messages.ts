import type { Label } from '../engine/types.ts';

/**
 * Messages of the data-quality checks that go beyond single cells (quality-checks.ts), zh + en.
 * Like messages.ts, each names the row (or the whole column), the column as the user's header
 * names it, the value, and what to do. Kept apart from messages.ts so the CLI's messages and
 * their tests stay exactly as they are.
 */
export type QualityCode = 'missing-values' | 'extreme-value' | 'unit-suspect' | 'rd-far-above-revenue' | 'uscc-kept';

export interface QualityContext {
  /** The user's row number, or undefined for a finding about a whole column. */
  row?: number;
  column: string;
  value: string;
  /** missing-values: rows with an empty cell, and the number of scored rows. */
  count?: number;
  total?: number;
  otherColumn?: string;
  otherValue?: string;
  /** uscc-kept: why the code is invalid (the exclusion message it would have had). */
  why?: Label;
}

const where = (c: QualityContext): Label =>
  c.row === undefined ? { zh: `「${c.column}」列`, en: `Column "${c.column}"` } : { zh: `第 ${c.row} 行「${c.column}」`, en: `Row ${c.row}, column "${c.column}"` };

export function qualityMessage(code: QualityCode, c: QualityContext): Label {
  const p = where(c);
  const v = c.value;
  switch (code) {
    case 'missing-values': {
      const pct = c.total ? ((100 * (c.count ?? 0)) / c.total).toFixed(1) : '0';
      return {
        zh: `${p.zh}有 ${c.count} 行为空（占参与评分行的 ${pct}%），按缺失处理；如有数据请补齐。`,
        en: `${p.en} is empty in ${c.count} rows (${pct}% of the scored rows), treated as missing; fill them in if the data exists.`,
      };
    }
    case 'extreme-value':
      return {
        zh: `${p.zh}的值 ${v} 远超出该列的正常范围（极值调整上限附近为 ${c.otherValue}），评分时会被截断；请核对数值和单位。`,
        en: `${p.en}: ${v} lies far outside the column's range (the winsorisation cap is about ${c.otherValue}) and will be clipped; check the value and its unit.`,
      };
    case 'unit-suspect':
      return {
        zh: `${p.zh}的中位数为 ${v}，约为其他金额列（中位数 ${c.otherValue}）的 1 万倍，看起来单位是“元”而不是“万元”；请换算为万元（除以 10000）后重新导入。`,
        en: `${p.en} has a median of ${v}, about 10,000× the other money columns (median ${c.otherValue}); it looks like 元 rather than 万元. Divide by 10,000 and import again.`,
      };
    case 'rd-far-above-revenue':
      return {
        zh: `${p.zh}的值 ${v} 是「${c.otherColumn}」（${c.otherValue}）的 10 倍以上，仍按原值使用；请核对两列的数值和单位。`,
        en: `${p.en}: ${v} is more than 10× column "${c.otherColumn}" (${c.otherValue}); the values are used as given, please check both values and units.`,
      };
    case 'uscc-kept':
      return {
        zh: `${p.zh}的代码“${v}”无效，按您的选择仍参与评分并标记；请核对代码。（${c.why?.zh ?? ''}）`,
        en: `${p.en}: the code "${v}" is invalid; it is scored and flagged because you chose to include such rows. Check the code. (${c.why?.en ?? ''})`,
      };
  }
}
