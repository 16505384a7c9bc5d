import type { IndicatorSystem } from '../engine/types.ts';
import { parseExpr } from '../engine/expr.ts';
import { systemFields } from '../engine/system-fields.ts';
import { isNumericField, knownField } from './known-fields.ts';
import { pathKey } from './path.ts';

/** Tolerance on each stage's weight sum (scoring.md §5: stage weights sum to 1). */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

/** Enough digits to see the error, few enough that 0.97 does not print as 0.9700000000000001. */
const show = (x: number) => String(Number(x.toPrecision(12)));

/**
 * The semantic checks of an indicator system whose shape is already valid (see `schema.ts`).
 * Returns one message per problem, each starting with the field path; an empty list = valid.
 */
export function checkSystem(system: IndicatorSystem): string[] {
  const errors: string[] = [];
  const err = (path: string, message: string) => errors.push(`${path}: ${message}`);

  // Unique ids within each list.
  const lists = { stages: system.stages, classes: system.classes, indicators: system.indicators, bonus: system.bonus, vetoes: system.vetoes };
  for (const [list, items] of Object.entries(lists)) {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const j = first.get(item.id);
      if (j === undefined) first.set(item.id, i);
      else err(`${list}[${i}].id`, `duplicate id "${item.id}" (also ${list}[${j}])`);
    });
  }

  // Stages: youngest first, strictly increasing bounds, only the last one unbounded.
  const stages = system.stages;
  stages.forEach((s, i) => {
    const last = i === stages.length - 1;
    if (!last && s.maxAgeYears === undefined) err(`stages[${i}].maxAgeYears`, `stage "${s.id}" needs an upper age bound: only the last stage is unbounded`);
    if (last && s.maxAgeYears !== undefined) err(`stages[${i}].maxAgeYears`, `the last stage ("${s.id}") must be unbounded (no maxAgeYears)`);
    const prev = stages[i - 1]?.maxAgeYears;
    if (i > 0 && s.maxAgeYears !== undefined && prev !== undefined && !(s.maxAgeYears > prev)) {
      err(`stages[${i}].maxAgeYears`, `bounds must increase: ${s.maxAgeYears} years is not above ${prev} (stage "${stages[i - 1].id}")`);
    }
  });

  // Indicators: known class, one weight per stage, each stage summing to 1.
  const classIds = new Set(system.classes.map((c) => c.id));
  const stageIds = new Set(stages.map((s) => s.id));
  system.indicators.forEach((ind, i) => {
    if (!classIds.has(ind.classId)) err(`indicators[${i}].classId`, `unknown class "${ind.classId}" (classes: ${[...classIds].join(', ')})`);
    for (const s of stages) if (!Object.hasOwn(ind.weights, s.id)) err(`indicators[${i}].weights${pathKey(s.id)}`, `no weight for stage "${s.id}"`);
    for (const key of Object.keys(ind.weights)) if (!stageIds.has(key)) err(`indicators[${i}].weights${pathKey(key)}`, `no stage "${key}" in this system`);
  });
  for (const s of stages) {
    const sum = system.indicators.reduce((acc, ind) => acc + (ind.weights[s.id] ?? 0), 0);
    if (!(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE)) err(`indicators[*].weights${pathKey(s.id)}`, `weights of stage "${s.id}" sum to ${show(sum)}, not 1`);
  }

  // Bonus caps: a cap below one unit's points would make the item's points meaningless.
  system.bonus.forEach((b, i) => {
    if (b.cap !== undefined && b.cap < b.points) err(`bonus[${i}].cap`, `cap ${show(b.cap)} is below the points per unit (${show(b.points)})`);
  });

  // Vetoes: a mandatory one cannot be off by default.
  system.vetoes.forEach((v, i) => {
    if (v.mandatory && !v.defaultActive) err(`vetoes[${i}].defaultActive`, `veto "${v.id}" is mandatory, so it is always active: set defaultActive to true`);
  });

  checkFields(system, err);
  return errors;
}

/** Every field read exists in the data model (or is declared in optionalFields) and has a usable type. */
function checkFields(system: IndicatorSystem, err: (path: string, message: string) => void): void {
  const declared = system.optionalFields ?? [];
  const extension = new Set(declared);
  const used = new Set(systemFields(system));

  const use = (path: string, field: string, want: 'numeric' | 'bool') => {
    const k = knownField(field);
    if (!k) {
      if (!extension.has(field)) err(path, `unknown field "${field}": not in the data model (data-model.md) nor in optionalFields`);
      return;
    }
    if (want === 'bool' && k.type !== 'bool') err(path, `field "${field}" is ${k.type}, a veto needs a boolean field`);
    if (want === 'numeric' && !isNumericField(k)) err(path, `field "${field}" is ${k.type}, not a number`);
  };

  system.indicators.forEach((ind, i) => {
    const v = ind.value;
    const p = `indicators[${i}].value`;
    if (v.kind === 'field') use(`${p}.field`, v.field, 'numeric');
    else if (v.kind === 'growth') {
      use(`${p}.current`, v.current, 'numeric');
      use(`${p}.previous`, v.previous, 'numeric');
    } else if (v.kind === 'sum') v.fields.forEach((f, j) => use(`${p}.fields[${j}]`, f, 'numeric'));
    else if (v.kind === 'expr') {
      const r = parseExpr(v.expr);
      if (!r.ok) err(`${p}.expr`, `${r.error.message.en} in "${v.expr}"`);
      else r.fields.forEach((f) => use(`${p}.expr`, f, 'numeric'));
    } else {
      use(`${p}.numerator`, v.numerator, 'numeric');
      if (Array.isArray(v.denominator)) v.denominator.forEach((f, j) => use(`${p}.denominator[${j}]`, f, 'numeric'));
      else use(`${p}.denominator`, v.denominator, 'numeric');
    }
  });
  system.bonus.forEach((b, i) => use(`bonus[${i}].field`, b.field, 'numeric'));
  system.vetoes.forEach((v, i) => v.fields.forEach((f, j) => use(`vetoes[${i}].fields[${j}]`, f, 'bool')));

  const seen = new Set<string>();
  declared.forEach((f, i) => {
    if (seen.has(f)) err(`optionalFields[${i}]`, `"${f}" is listed twice`);
    seen.add(f);
    if (!used.has(f)) err(`optionalFields[${i}]`, `"${f}" is not read by any indicator, bonus item or veto`);
  });
}
