import type { Direction, IndicatorSystem, Label } from '../engine/types.ts';
import { freshId, putIndicator, type IndicatorDraft } from '../systems/edit-system.ts';
import { checkFormula } from '../systems/formula.ts';
import { parseSystem } from '../systems/index.ts';
import { WEIGHT_SUM_TOLERANCE } from '../systems/check-system.ts';
import { parsePercent, percentText } from './weight-input.ts';

/**
 * The system editor's indicator form, as the user types it, and its validation. Pure (the view
 * only renders): every problem is reported at its field, in both languages, and nothing is applied
 * until the whole form is valid and the resulting system passes `parseSystem`.
 */
export interface IndicatorForm {
  /** The indicator being edited; '' = a new one. */
  editing: string;
  nameZh: string;
  nameEn: string;
  formula: string;
  direction: Direction;
  classId: string;
  /** Percent text per stage id, as typed ("10", "7.5%"). */
  weights: Record<string, string>;
  /** Scale the other indicators so each stage sums to 100% (the usual choice). */
  rescale: boolean;
}

export type FormField = 'name' | 'formula' | `weight:${string}`;

export type FormResult = { ok: true; system: IndicatorSystem } | { ok: false; errors: Partial<Record<FormField, Label>>; system?: undefined };

export function emptyForm(system: IndicatorSystem): IndicatorForm {
  return {
    editing: '',
    nameZh: '',
    nameEn: '',
    formula: '',
    direction: 'positive',
    classId: system.classes[0]?.id ?? '',
    weights: Object.fromEntries(system.stages.map((s) => [s.id, '10'])),
    rescale: true,
  };
}

/** The form filled with an existing formula indicator, for editing. */
export function formOf(system: IndicatorSystem, id: string): IndicatorForm | null {
  const ind = system.indicators.find((i) => i.id === id);
  if (!ind || ind.value.kind !== 'expr') return null;
  return {
    editing: id,
    nameZh: ind.name.zh,
    nameEn: ind.name.en === ind.name.zh ? '' : ind.name.en,
    formula: ind.value.expr,
    direction: ind.direction,
    classId: ind.classId,
    weights: Object.fromEntries(system.stages.map((s) => [s.id, percentText(ind.weights[s.id] ?? 0)])),
    rescale: true,
  };
}

const pct = (x: number) => String(Number((x * 100).toFixed(4)));

/** Validates the form and applies it to `system`; the new system, or the errors by field. */
export function applyForm(system: IndicatorSystem, form: IndicatorForm): FormResult {
  const errors: Partial<Record<FormField, Label>> = {};
  const nameZh = form.nameZh.trim();
  const nameEn = form.nameEn.trim() || nameZh;
  if (!nameZh) errors.name = { zh: '请填写指标名称', en: 'Give the indicator a name' };
  else if (nameZh.length > 200 || nameEn.length > 200) errors.name = { zh: '名称过长（最多 200 个字符）', en: 'The name is too long (at most 200 characters)' };
  else if (system.indicators.some((i) => i.id !== form.editing && (i.name.zh === nameZh || i.name.en === nameEn)))
    errors.name = { zh: `已有名为“${nameZh}”的指标`, en: `There is already an indicator named "${nameEn}"` };
  const f = checkFormula(form.formula.trim());
  if (!f.ok) errors.formula = f.error.message;
  const weights: Record<string, number> = {};
  for (const st of system.stages) {
    const p = parsePercent(form.weights[st.id] ?? '');
    if (!p.ok) {
      errors[`weight:${st.id}`] =
        p.reason === 'empty'
          ? { zh: '请填写权重（百分数）', en: 'Enter a weight (a percentage)' }
          : p.reason === 'out-of-range'
            ? { zh: `权重须在 0 到 100 之间，“${p.text}”超出范围`, en: `A weight is between 0 and 100; "${p.text}" is out of range` }
            : { zh: `“${p.text}”不是数字：请填写如 10 或 7.5 的百分数`, en: `"${p.text}" is not a number: enter a percentage such as 10 or 7.5` };
      continue;
    }
    weights[st.id] = p.weight;
    if (!form.rescale) {
      const others = system.indicators.reduce((acc, i) => acc + (i.id === form.editing ? 0 : (i.weights[st.id] ?? 0)), 0);
      const total = others + p.weight;
      if (Math.abs(total - 1) > WEIGHT_SUM_TOLERANCE) {
        errors[`weight:${st.id}`] = {
          zh: `不按比例缩放时，${st.name.zh}各指标权重之和须为 100%：现为 ${pct(total)}%（其余指标合计 ${pct(others)}%）`,
          en: `Without rescaling, the ${st.name.en} weights must sum to 100%: they sum to ${pct(total)}% (the others ${pct(others)}%)`,
        };
      }
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const draft: IndicatorDraft = {
    id:
      form.editing ||
      freshId(
        'custom',
        system.indicators.map((i) => i.id),
      ),
    name: { zh: nameZh, en: nameEn },
    classId: form.classId,
    direction: form.direction,
    expr: form.formula,
    weights,
  };
  const next = putIndicator(system, draft, form.rescale);
  const checked = parseSystem(next);
  if (!checked.ok) return { ok: false, errors: { formula: { zh: `体系校验未通过：${checked.errors[0]}`, en: `The system does not validate: ${checked.errors[0]}` } } };
  return { ok: true, system: checked.system };
}
