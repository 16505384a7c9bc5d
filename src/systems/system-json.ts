import type { IndicatorSystem, Label, ValueRule } from '../engine/types.ts';

/**
 * JSON export of indicator systems (import is `importSystem` in schema.ts). Export writes keys in one fixed order (and each
 * indicator's weights in stage order), so the same system always gives the same text whatever the
 * key order of the object it came from: diffs of exported files show real changes only.
 */

const label = (l: Label): Label => ({ zh: l.zh, en: l.en });

function rule(v: ValueRule): ValueRule {
  switch (v.kind) {
    case 'field':
      return { kind: v.kind, field: v.field };
    case 'ratio':
      return { kind: v.kind, numerator: v.numerator, denominator: Array.isArray(v.denominator) ? [...v.denominator] : v.denominator };
    case 'growth':
      return { kind: v.kind, current: v.current, previous: v.previous };
    case 'sum':
      return { kind: v.kind, fields: [...v.fields] };
    case 'expr':
      return { kind: v.kind, expr: v.expr };
  }
}

/** A copy of the system with keys in canonical order; optional keys only when present. */
function canonical(s: IndicatorSystem): IndicatorSystem {
  const stageIds = s.stages.map((st) => st.id);
  const out: IndicatorSystem = {
    id: s.id,
    name: label(s.name),
    version: s.version,
    source: { seed: s.source.seed, published: s.source.published, defaults: s.source.defaults },
    ...(s.about === undefined
      ? {}
      : {
          about: {
            short: label(s.about.short),
            sourceTitle: label(s.about.sourceTitle),
            edition: label(s.about.edition),
            published: label(s.about.published),
            defaults: label(s.about.defaults),
          },
        }),
    baseScale: s.baseScale,
    stages: s.stages.map((st) => ({ id: st.id, name: label(st.name), ...(st.maxAgeYears === undefined ? {} : { maxAgeYears: st.maxAgeYears }) })),
    classes: s.classes.map((c) => ({ id: c.id, name: label(c.name) })),
    indicators: s.indicators.map((ind) => {
      const extra = Object.keys(ind.weights).filter((k) => !stageIds.includes(k));
      return {
        id: ind.id,
        name: label(ind.name),
        classId: ind.classId,
        direction: ind.direction,
        value: rule(ind.value),
        weights: Object.fromEntries([...stageIds, ...extra].filter((k) => Object.hasOwn(ind.weights, k)).map((k) => [k, ind.weights[k]])),
        ...(ind.unit === undefined ? {} : { unit: ind.unit }),
      };
    }),
    bonus: s.bonus.map((b) => ({ id: b.id, name: label(b.name), field: b.field, points: b.points, ...(b.cap === undefined ? {} : { cap: b.cap }) })),
    vetoes: s.vetoes.map((v) => ({ id: v.id, name: label(v.name), fields: [...v.fields], mandatory: v.mandatory, defaultActive: v.defaultActive })),
  };
  if (s.optionalFields !== undefined) out.optionalFields = [...s.optionalFields];
  return out;
}

/** Stable, pretty JSON (two-space indent, trailing newline). */
export function exportSystem(system: IndicatorSystem): string {
  return `${JSON.stringify(canonical(system), null, 2)}\n`;
}
