import { describe, expect, it } from 'vitest';
import type { IndicatorSystem } from '../../src/engine/types.ts';
import { exportSystem, formatPath, getSystem, importSystem, listSystems, parseSystem } from '../../src/systems/index.ts';

/** A mutable copy of the Sichuan preset to break on purpose. */
function sichuan(): IndicatorSystem {
  return JSON.parse(JSON.stringify(getSystem('sichuan-2024')));
}

/** The error list of a system that must be rejected. */
function errorsOf(input: unknown): string[] {
  const r = parseSystem(input);
  if (r.ok) throw new Error('expected the system to be rejected');
  return r.errors;
}

function broken(edit: (s: IndicatorSystem) => void): string[] {
  const s = sichuan();
  edit(s);
  return errorsOf(s);
}

describe('parseSystem rejects a broken system with messages that name the field', () => {
  it('a stage whose weights do not sum to 1', () => {
    const errors = broken((s) => (s.indicators[3].weights.growth = 0.04)); // 0.07 → 0.04: sum 0.97
    expect(errors).toEqual(['indicators[*].weights.growth: weights of stage "growth" sum to 0.97, not 1']);
  });

  it('a sum off by more than 1e-9, but not one off by less', () => {
    expect(broken((s) => (s.indicators[0].weights.stable += 2e-9))[0]).toMatch(/^indicators\[\*\]\.weights\.stable: .*sum to 1\.000000002, not 1$/);
    const s = sichuan();
    s.indicators[0].weights.stable += 5e-10;
    expect(parseSystem(s).ok).toBe(true);
  });

  it('an unknown class', () => {
    expect(broken((s) => (s.indicators[2].classId = 'nope'))).toEqual(['indicators[2].classId: unknown class "nope" (classes: tech_innovation, growth_operation, auxiliary)']);
  });

  it('duplicate ids in every list', () => {
    expect(broken((s) => (s.indicators[5].id = 'rd_expense'))).toEqual(['indicators[5].id: duplicate id "rd_expense" (also indicators[0])']);
    expect(broken((s) => (s.classes[2].id = 'tech_innovation'))).toContain('classes[2].id: duplicate id "tech_innovation" (also classes[0])');
    expect(broken((s) => (s.bonus[4].id = 'honors'))).toEqual(['bonus[4].id: duplicate id "honors" (also bonus[1])']);
    expect(broken((s) => (s.vetoes[1].id = s.vetoes[0].id))).toEqual([`vetoes[1].id: duplicate id "${sichuan().vetoes[0].id}" (also vetoes[0])`]);
    expect(broken((s) => (s.stages[1].id = 'initial'))).toContain('stages[1].id: duplicate id "initial" (also stages[0])');
  });

  it('an unknown field, wherever it is read', () => {
    expect(broken((s) => (s.indicators[0].value = { kind: 'field', field: 'rd_expens' }))).toEqual([
      'indicators[0].value.field: unknown field "rd_expens": not in the data model (data-model.md) nor in optionalFields',
    ]);
    expect(broken((s) => (s.indicators[12].value = { kind: 'ratio', numerator: 'net_profit', denominator: ['equity_begin', 'equity'] }))[0]).toMatch(
      /^indicators\[12\]\.value\.denominator\[1\]: unknown field "equity"/,
    );
    expect(broken((s) => (s.bonus[0].field = 'strategic'))[0]).toMatch(/^bonus\[0\]\.field: unknown field "strategic"/);
    expect(broken((s) => (s.vetoes[1].fields = ['research_blacklist', 'debtor']))[0]).toMatch(/^vetoes\[1\]\.fields\[1\]: unknown field "debtor"/);
  });

  it('a field of the wrong type', () => {
    expect(broken((s) => (s.indicators[8].value = { kind: 'field', field: 'name' }))).toEqual(['indicators[8].value.field: field "name" is text, not a number']);
    // (major_safety_accident, now read by nothing, is also reported as a stale optional field)
    expect(broken((s) => (s.vetoes[0].fields = ['revenue']))).toContain('vetoes[0].fields[0]: field "revenue" is number, a veto needs a boolean field');
  });

  it('a negative, missing, infinite or misplaced weight', () => {
    expect(broken((s) => (s.indicators[1].weights.initial = -0.06))).toEqual(['indicators[1].weights.initial: a weight must be ≥ 0, got -0.06']);
    expect(broken((s) => (s.indicators[1].weights.initial = Infinity))[0]).toMatch(/^indicators\[1\]\.weights\.initial: /);
    expect(broken((s) => (s.indicators[1].weights.initial = NaN))[0]).toMatch(/^indicators\[1\]\.weights\.initial: /);
    expect(broken((s) => delete (s.indicators[4].weights as Record<string, number>).stable)).toEqual([
      'indicators[4].weights.stable: no weight for stage "stable"',
      'indicators[*].weights.stable: weights of stage "stable" sum to 0.93, not 1',
    ]);
    expect(broken((s) => ((s.indicators[4].weights as Record<string, number>).mature = 0))).toEqual(['indicators[4].weights.mature: no stage "mature" in this system']);
  });

  it('stages out of order or bounded wrongly', () => {
    expect(broken((s) => (s.stages[1].maxAgeYears = 5))).toEqual(['stages[1].maxAgeYears: bounds must increase: 5 years is not above 5 (stage "initial")']);
    expect(broken((s) => (s.stages[2].maxAgeYears = 20))).toEqual(['stages[2].maxAgeYears: the last stage ("stable") must be unbounded (no maxAgeYears)']);
    expect(broken((s) => delete s.stages[0].maxAgeYears)).toEqual(['stages[0].maxAgeYears: stage "initial" needs an upper age bound: only the last stage is unbounded']);
    expect(broken((s) => (s.stages[0].maxAgeYears = 2.5))[0]).toMatch(/^stages\[0\]\.maxAgeYears: maxAgeYears must be a whole number/);
  });

  it('bonus points ≤ 0 and caps below the points', () => {
    expect(broken((s) => (s.bonus[2].points = 0))).toEqual(['bonus[2].points: points must be > 0']);
    expect(broken((s) => (s.bonus[2].cap = 0.1))).toEqual(['bonus[2].cap: cap 0.1 is below the points per unit (0.2)']);
  });

  it('a mandatory veto switched off by default, an unused optional field, an unknown key', () => {
    expect(broken((s) => (s.vetoes[0].defaultActive = false))[0]).toMatch(/^vetoes\[0\]\.defaultActive: /);
    expect(broken((s) => s.optionalFields!.push('bachelor_staff'))).toEqual(['optionalFields[8]: "bachelor_staff" is not read by any indicator, bonus item or veto']);
    expect(broken((s) => Object.assign(s.indicators[0], { weight: 1 }))).toEqual(['indicators[0]: Unrecognized key: "weight"']);
  });

  it('input that is not a system at all, without throwing', () => {
    for (const bad of [null, undefined, 42, 'sichuan', [], {}]) expect(errorsOf(bad).length).toBeGreaterThan(0);
    expect(errorsOf({})).toContain('id: Invalid input: expected string, received undefined');
  });

  it('text that is not JSON', () => {
    const r = importSystem('{ "id": "x", ');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(/^\(root\): not valid JSON: /);
    }
  });

  it('formats paths the way the messages use them', () => {
    expect(formatPath(['indicators', 3, 'weights', 'growth'])).toBe('indicators[3].weights.growth');
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['weights', '2nd stage'])).toBe('weights["2nd stage"]');
  });
});

describe('import / export', () => {
  it.each(listSystems().map((s) => [s.id, s] as const))('%s round-trips through exportSystem → importSystem', (_id, system) => {
    const text = exportSystem(system);
    const back = importSystem(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.system).toEqual(system);
    expect(exportSystem(back.system)).toBe(text);
  });

  it('exports the same text whatever the key order of the object', () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    for (const s of listSystems()) expect(exportSystem(reverseKeys(s) as IndicatorSystem)).toBe(exportSystem(s));
  });

  it('writes pretty JSON, id first, weights in stage order', () => {
    const text = exportSystem(getSystem('sichuan-2024')!);
    expect(text.startsWith('{\n  "id": "sichuan-2024",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('"weights": {\n        "initial": 0.08,\n        "growth": 0.08,\n        "stable": 0.08\n      }');
  });

  it('accepts a byte-order mark and reports a bad system in an imported file', () => {
    expect(importSystem(`\uFEFF${exportSystem(getSystem('jilin-2.0')!)}`).ok).toBe(true);
    const bad = sichuan();
    bad.indicators[0].weights.initial = 0.5;
    const r = importSystem(exportSystem(bad));
    expect(r.ok ? [] : r.errors).toEqual(['indicators[*].weights.initial: weights of stage "initial" sum to 1.42, not 1']);
  });
});
