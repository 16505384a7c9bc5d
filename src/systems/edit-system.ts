import type { Direction, IndicatorSystem, Label } from '../engine/types.ts';

/**
 * The system editor's operations, pure: each returns a new system and leaves its input alone (the
 * presets are frozen). Validation is `parseSystem`'s job; these only keep the stage sums at 1 when
 * asked to (`rescale`), the way a user adding a 10% indicator expects: the others keep their
 * proportions and share the remaining 90%.
 */

/** Prefix of custom system ids, so they never collide with a preset's. */
export const CUSTOM_ID_PREFIX = 'custom-';

export interface IndicatorDraft {
  id: string;
  name: Label;
  classId: string;
  direction: Direction;
  expr: string;
  /** Weight per stage id, as a share (0.1 = 10%). */
  weights: Record<string, number>;
}

const mutable = (s: IndicatorSystem): IndicatorSystem => structuredClone(s) as IndicatorSystem;

/** A new id from `base` not yet in `taken` (`base`, `base-2`, `base-3`, …). */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let k = 2; ; k++) if (!used.has(`${base}-${k}`)) return `${base}-${k}`;
}

/** A copy of `system` that the user can edit: its own id, its name, version 1, the source kept. */
export function copyAsCustom(system: IndicatorSystem, name: Label, takenIds: Iterable<string>): IndicatorSystem {
  const out = mutable(system);
  out.id = freshId(`${CUSTOM_ID_PREFIX}${system.id.replace(/^custom-/, '')}`, takenIds);
  out.name = { zh: name.zh, en: name.en };
  out.version = '1';
  if (out.about) out.about = { ...out.about, short: { zh: name.zh, en: name.en } };
  return out;
}

/** Scales every weight of `stage` in `system` by `factor` (in place on a copy). */
function scaleStage(s: IndicatorSystem, stage: string, factor: number, except?: string): void {
  for (const ind of s.indicators) if (ind.id !== except) ind.weights[stage] = (ind.weights[stage] ?? 0) * factor;
}

/**
 * Adds an indicator (or replaces the one with the same id). With `rescale`, in each stage the other
 * indicators are scaled by (1 − w_new) / (their current sum), so the stage sums to 1 again.
 */
export function putIndicator(system: IndicatorSystem, draft: IndicatorDraft, rescale: boolean): IndicatorSystem {
  const out = mutable(system);
  const ind = {
    id: draft.id,
    name: { zh: draft.name.zh, en: draft.name.en },
    classId: draft.classId,
    direction: draft.direction,
    value: { kind: 'expr' as const, expr: draft.expr.trim() },
    weights: Object.fromEntries(out.stages.map((st) => [st.id, draft.weights[st.id] ?? 0])),
  };
  const at = out.indicators.findIndex((i) => i.id === draft.id);
  if (at >= 0) out.indicators[at] = { ...out.indicators[at], ...ind };
  else out.indicators.push(ind);
  if (rescale) {
    for (const st of out.stages) {
      const others = out.indicators.reduce((acc, i) => acc + (i.id === draft.id ? 0 : (i.weights[st.id] ?? 0)), 0);
      const want = 1 - (ind.weights[st.id] ?? 0);
      if (others > 0 && want >= 0) scaleStage(out, st.id, want / others, draft.id);
    }
  }
  return out;
}

/** Removes an indicator; with `rescale` the others share its weight in proportion. */
export function removeIndicator(system: IndicatorSystem, id: string, rescale: boolean): IndicatorSystem {
  const out = mutable(system);
  out.indicators = out.indicators.filter((i) => i.id !== id);
  if (rescale) {
    for (const st of out.stages) {
      const sum = out.indicators.reduce((acc, i) => acc + (i.weights[st.id] ?? 0), 0);
      if (sum > 0) scaleStage(out, st.id, 1 / sum);
    }
  }
  return out;
}

/** The stage sums of a system's weights (the editor shows them beside the table). */
export function systemStageSums(system: IndicatorSystem): Record<string, number> {
  return Object.fromEntries(system.stages.map((st) => [st.id, system.indicators.reduce((acc, i) => acc + (i.weights[st.id] ?? 0), 0)]));
}

/**
 * The example bank model of issue 13 ("研发人员人均研发费用"): Sichuan 2024 plus R&D expense per
 * technical staff member (`rd_expense / tech_staff`) at 10% in every stage, the other weights
 * scaled to 90%. The editor offers it as a starting point and the tests score it.
 */
export function exampleBankModel(base: IndicatorSystem): IndicatorSystem {
  const copy = copyAsCustom(base, { zh: '示例银行模型（四川 2024 + 人均研发费用）', en: 'Example bank model (Sichuan 2024 + R&D per technical staff)' }, []);
  copy.id = `${CUSTOM_ID_PREFIX}bank-example`;
  return putIndicator(
    copy,
    {
      id: 'rd_per_tech_staff',
      name: { zh: '研发人员人均研发费用', en: 'R&D expense per technical staff member' },
      classId: base.indicators[0].classId,
      direction: 'positive',
      expr: 'rd_expense / tech_staff',
      weights: Object.fromEntries(base.stages.map((st) => [st.id, 0.1])),
    },
    true,
  );
}
