import { ruleFields, type IndicatorSystem, type Label } from '../engine/index.ts';
import { FIELD_BY_ID } from './fields.ts';

/** What a field the system reads but the dataset lacks does to every row's score. */
export type MissingInputKind = 'bonus' | 'veto' | 'indicator';

export interface MissingInput {
  kind: MissingInputKind;
  field: string;
  /** Indicator ids (kind 'indicator'), bonus item id or veto rule id reading the field. */
  readers: string[];
  /** The fact with its consequence, as the user reads it. */
  message: Label;
}

const fieldZh = (id: string): string => FIELD_BY_ID.get(id)?.zh ?? id;

/**
 * Every field `system` reads that `present` lacks, with its consequence for the scores: a bonus
 * field counts 0 for all enterprises, a veto field is never checked, an indicator input makes its
 * indicators missing (s = 0) for every row. The CLI prints these as notes and the browser lists
 * them after an import and on 概览, so both say the same thing. Order: indicator inputs, bonus
 * items, veto fields, each in the system's order (the order an official reads the system in).
 */
export function missingInputs(system: IndicatorSystem, present: Iterable<string>): MissingInput[] {
  const has = new Set(present);
  const out: MissingInput[] = [];

  const byField = new Map<string, { ids: string[]; zh: string[]; en: string[] }>();
  for (const ind of system.indicators) {
    for (const f of new Set(ruleFields(ind.value))) {
      if (has.has(f)) continue;
      const g = byField.get(f) ?? { ids: [], zh: [], en: [] };
      g.ids.push(ind.id);
      g.zh.push(`「${ind.name.zh}」`);
      g.en.push(`"${ind.name.en}"`);
      byField.set(f, g);
    }
  }
  for (const [f, g] of byField) {
    out.push({
      kind: 'indicator',
      field: f,
      readers: g.ids,
      message: {
        zh: `指标数据『${fieldZh(f)}』缺失：指标${g.zh.join('')}对所有企业按缺失计（得 0 分）`,
        en: `Indicator input "${fieldZh(f)}" (${f}) is missing: indicator${g.en.length > 1 ? 's' : ''} ${g.en.join(', ')} count${g.en.length > 1 ? '' : 's'} as missing (0 points) for every enterprise`,
      },
    });
  }

  for (const b of system.bonus) {
    if (has.has(b.field)) continue;
    out.push({
      kind: 'bonus',
      field: b.field,
      readers: [b.id],
      message: {
        zh: `加分项『${fieldZh(b.field)}』缺失：所有企业此项计 0 分`,
        en: `Bonus item "${b.name.en}" (${b.field}) is missing: every enterprise scores 0 on it`,
      },
    });
  }

  for (const v of system.vetoes) {
    const absent = v.fields.filter((f) => !has.has(f));
    const partial = absent.length < v.fields.length;
    for (const f of absent) {
      out.push({
        kind: 'veto',
        field: f,
        readers: [v.id],
        message: partial
          ? {
              zh: `约束项『${fieldZh(f)}』缺失：不按此项做清零判断（「${v.name.zh}」仍按其余字段判断）`,
              en: `Veto field "${fieldZh(f)}" (${f}) is missing: no zeroing check on it ("${v.name.en}" still checks its other fields)`,
            }
          : {
              zh: `约束项『${fieldZh(f)}』缺失：不做清零判断`,
              en: `Veto field "${fieldZh(f)}" (${f}) is missing: no zeroing check on it`,
            },
      });
    }
  }
  return out;
}
