import { describe, expect, it } from 'vitest';
import type { IndicatorSystem } from '../../src/engine/index.ts';
import { copyAsCustom, exampleBankModel, freshId, putIndicator, removeIndicator, systemStageSums } from '../../src/systems/edit-system.ts';
import { customSystems, exportSystem, getSystem, importSystem, listSystems, parseSystem, registerSystem, systemsEpoch, unregisterSystem } from '../../src/systems/index.ts';

const sichuan = getSystem('sichuan-2024') as IndicatorSystem;

describe('system editor operations', () => {
  it('adds an indicator at 10% and scales the others to 90% in every stage', () => {
    const bank = exampleBankModel(sichuan);
    expect(parseSystem(JSON.parse(exportSystem(bank)))).toMatchObject({ ok: true });
    const added = bank.indicators.find((i) => i.id === 'rd_per_tech_staff')!;
    expect(added.value).toEqual({ kind: 'expr', expr: 'rd_expense / tech_staff' });
    expect(added.weights).toEqual({ initial: 0.1, growth: 0.1, stable: 0.1 });
    // spec §7: rd_expense .08/.08/.08, rd_growth .06/.05/.04 → × 0.9
    const w = (id: string) => bank.indicators.find((i) => i.id === id)!.weights;
    expect(w('rd_expense').initial).toBeCloseTo(0.072, 15);
    expect(w('rd_growth').stable).toBeCloseTo(0.036, 15);
    for (const v of Object.values(systemStageSums(bank))) expect(v).toBeCloseTo(1, 12);
    expect(sichuan.indicators).toHaveLength(18); // the frozen preset is untouched
    expect(bank.indicators).toHaveLength(19);
  });

  it('removes an indicator and lets the others share its weight in proportion', () => {
    const bank = exampleBankModel(sichuan);
    const back = removeIndicator(bank, 'rd_per_tech_staff', true);
    for (const ind of back.indicators) for (const st of sichuan.stages) expect(ind.weights[st.id]).toBeCloseTo(sichuan.indicators.find((i) => i.id === ind.id)!.weights[st.id], 14);
    const unscaled = removeIndicator(bank, 'rd_per_tech_staff', false);
    expect(systemStageSums(unscaled).initial).toBeCloseTo(0.9, 12);
    expect(parseSystem(unscaled)).toMatchObject({ ok: false });
  });

  it('replaces an indicator with the same id instead of adding a second one', () => {
    const bank = exampleBankModel(sichuan);
    const edited = putIndicator(
      bank,
      {
        id: 'rd_per_tech_staff',
        name: { zh: '改', en: 'x' },
        classId: 'tech_innovation',
        direction: 'reverse',
        expr: ' rd_expense / employees ',
        weights: { initial: 0.1, growth: 0.1, stable: 0.1 },
      },
      true,
    );
    expect(edited.indicators).toHaveLength(19);
    expect(edited.indicators.at(-1)!.value).toEqual({ kind: 'expr', expr: 'rd_expense / employees' });
    for (const v of Object.values(systemStageSums(edited))) expect(v).toBeCloseTo(1, 12);
  });

  it('makes fresh ids and custom copies', () => {
    expect(freshId('a', [])).toBe('a');
    expect(freshId('a', ['a', 'a-2'])).toBe('a-3');
    const copy = copyAsCustom(sichuan, { zh: '我的体系', en: 'Mine' }, ['custom-sichuan-2024']);
    expect(copy.id).toBe('custom-sichuan-2024-2');
    expect(copy.name).toEqual({ zh: '我的体系', en: 'Mine' });
  });
});

describe('formula checks name the field', () => {
  const withExpr = (expr: string) => {
    const s = exampleBankModel(sichuan);
    (s.indicators[18].value as { expr: string }).expr = expr;
    const r = importSystem(exportSystem(s));
    return r.ok ? [] : r.errors;
  };
  it.each([
    ['rd_expense / bogus_field', 'indicators[18].value.expr: unknown field "bogus_field": not in the data model (data-model.md) nor in optionalFields'],
    ['rd_expense / city', 'indicators[18].value.expr: field "city" is text, not a number'],
    ['rd_expense /', 'indicators[18].value.expr: a field id, a number or "(" is expected at the end of the formula in "rd_expense /"'],
  ])('%j', (expr, message) => {
    expect(withExpr(expr)).toEqual([message]);
  });
  it('refuses a field id that names an Object property (columns are looked up by id)', () => {
    const s = exampleBankModel(sichuan);
    (s.indicators[18].value as { expr: string }).expr = 'constructor * 2';
    const r = importSystem(exportSystem({ ...s, optionalFields: ['constructor'] }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toBe('optionalFields[0]: "constructor" cannot be a field id');
  });

  it('round-trips a system with formulas through export and import', () => {
    const bank = exampleBankModel(sichuan);
    const r = importSystem(exportSystem(bank));
    expect(r.ok && exportSystem(r.system)).toBe(exportSystem(bank));
  });
});

describe('runtime registry', () => {
  it('registers, lists, replaces and removes custom systems; the epoch moves only on change', () => {
    const bank = exampleBankModel(sichuan);
    const e0 = systemsEpoch();
    expect(registerSystem(bank)).toEqual([]);
    expect(getSystem(bank.id)?.indicators).toHaveLength(19);
    expect(listSystems().map((s) => s.id)).toContain(bank.id);
    expect(customSystems().map((s) => s.id)).toEqual([bank.id]);
    expect(systemsEpoch()).toBe(e0 + 1);
    expect(registerSystem(structuredClone(bank))).toEqual([]); // same content: no change
    expect(systemsEpoch()).toBe(e0 + 1);
    expect(registerSystem(removeIndicator(bank, 'rd_expense', true))).toEqual([]);
    expect(systemsEpoch()).toBe(e0 + 2);
    expect(getSystem(bank.id)?.indicators).toHaveLength(18);
    expect(Object.isFrozen(getSystem(bank.id))).toBe(true);
    expect(registerSystem({ ...structuredClone(sichuan) })[0]).toContain('preset');
    expect(registerSystem(removeIndicator(bank, 'rd_expense', false))[0]).toContain('sum to');
    unregisterSystem(bank.id);
    expect(getSystem(bank.id)).toBeUndefined();
    expect(systemsEpoch()).toBe(e0 + 3);
  });
});
