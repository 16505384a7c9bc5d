import { describe, expect, it } from 'vitest';
import type { IndicatorSystem } from '../../src/engine/types.ts';
import { getSystem, listSystems, parseSystem, SYSTEM_IDS, WEIGHT_SUM_TOLERANCE } from '../../src/systems/index.ts';
import { systemFields } from '../../src/engine/index.ts';
import { KNOWN_FIELD_IDS } from '../../src/systems/known-fields.ts';

const presets = listSystems();
const sys = (id: string) => getSystem(id)!;
const stageSum = (s: IndicatorSystem, stage: string) => s.indicators.reduce((a, i) => a + i.weights[stage], 0);
const classOf = (s: IndicatorSystem, zh: string) => s.classes.find((c) => c.name.zh.startsWith(zh))!.id;

describe('preset registry', () => {
  it('lists the four presets, Sichuan first, and finds each by id', () => {
    expect(SYSTEM_IDS).toEqual(['sichuan-2024', 'torch-2021', 'jilin-2.0', 'jiangxi-2025']);
    expect(presets.map((s) => s.id)).toEqual(SYSTEM_IDS);
    for (const id of SYSTEM_IDS) expect(getSystem(id)?.id).toBe(id);
    expect(getSystem('nope')).toBeUndefined();
  });

  it('hands out frozen presets, so no caller can change another caller’s system', () => {
    const s = sys('sichuan-2024');
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.indicators[0].weights)).toBe(true);
    expect(() => {
      (s.indicators[0].weights as Record<string, number>).initial = 1;
    }).toThrow();
  });
});

describe.each(presets.map((s) => [s.id, s] as const))('preset %s', (_id, system) => {
  it('passes parseSystem, as an object and as JSON', () => {
    expect(parseSystem(system)).toEqual({ ok: true, system });
    const viaJson = parseSystem(JSON.parse(JSON.stringify(system)));
    expect(viaJson.ok ? [] : viaJson.errors).toEqual([]);
  });

  it('has weights summing to 1 in every stage (±1e-9), each finite and ≥ 0', () => {
    for (const st of system.stages) {
      expect(Math.abs(stageSum(system, st.id) - 1)).toBeLessThanOrEqual(WEIGHT_SUM_TOLERANCE);
      for (const ind of system.indicators) expect(ind.weights[st.id]).toBeGreaterThanOrEqual(0);
    }
  });

  it('cites a seed document and says what is published and what is ours, with bilingual names', () => {
    expect(system.source.seed).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
    expect(system.source.published.length).toBeGreaterThan(50);
    expect(system.source.defaults.length).toBeGreaterThan(50);
    const labels = [
      system.name,
      ...system.stages.map((s) => s.name),
      ...system.classes.map((c) => c.name),
      ...system.indicators.map((i) => i.name),
      ...system.bonus.map((b) => b.name),
      ...system.vetoes.map((v) => v.name),
    ];
    for (const l of labels) {
      expect(l.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(l.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('reads only data-model fields, plus the extension fields it declares as optional', () => {
    const known = new Set(KNOWN_FIELD_IDS);
    const declared = new Set(system.optionalFields ?? []);
    for (const f of systemFields(system)) expect(known.has(f) || declared.has(f), f).toBe(true);
  });

  it('scores on a 100-point base', () => {
    expect(system.baseScale).toBe(100);
  });
});

describe('torch-2021', () => {
  const s = sys('torch-2021');
  it('has the 20 core indicators in 3 classes: 技术创新 6 / 成长经营 6 / 辅助 8', () => {
    expect(s.indicators).toHaveLength(20);
    const count = (zh: string) => s.indicators.filter((i) => i.classId === classOf(s, zh)).length;
    expect([count('技术创新'), count('成长经营'), count('辅助')]).toEqual([6, 6, 8]);
    expect(s.indicators.map((i) => i.name.zh.split(' ')[0])).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
      '3.6',
      '3.7',
      '3.8',
    ]);
  });

  it('weights equally within each class, with the documented class shares', () => {
    const shares: Record<string, [number, number, number]> = { 技术创新: [0.48, 0.45, 0.42], 成长经营: [0.36, 0.33, 0.3], 辅助: [0.16, 0.22, 0.28] };
    for (const [zh, share] of Object.entries(shares)) {
      const members = s.indicators.filter((i) => i.classId === classOf(s, zh));
      s.stages.forEach((st, k) => {
        for (const m of members) expect(m.weights[st.id]).toBeCloseTo(share[k] / members.length, 12);
      });
    }
  });

  it('maps 1.1 to rd_expense / revenue and 2.4 to the optional bachelor_staff', () => {
    expect(s.indicators[0].value).toEqual({ kind: 'ratio', numerator: 'rd_expense', denominator: 'revenue' });
    expect(s.indicators[9].value).toEqual({ kind: 'ratio', numerator: 'bachelor_staff', denominator: 'employees' });
    expect(s.optionalFields).toEqual(expect.arrayContaining(['bachelor_staff', 'hnte_or_tsme', 'competition_award_level', 'credit_rating_score', 'env_credit_score']));
  });
});

describe('jilin-2.0', () => {
  const s = sys('jilin-2.0');
  it('has 9 quantitative indicators, 3 per group, and 4 stages', () => {
    expect(s.indicators).toHaveLength(9);
    for (const zh of ['创新投入', '创新产出', '创新发展']) expect(s.indicators.filter((i) => i.classId === classOf(s, zh))).toHaveLength(3);
    expect(s.stages.map((st) => st.name.zh)).toEqual(['初创期', '成长期', '成熟期', '转型期']);
  });

  it('caps the 创新影响 bonus at 30 points in total', () => {
    expect(s.bonus.reduce((a, b) => a + (b.cap ?? Infinity), 0)).toBe(30);
  });

  it('has the five veto situations of seed 002, all optional', () => {
    expect(s.vetoes.flatMap((v) => v.fields)).toEqual(['major_safety_accident', 'research_blacklist', 'dishonest_debtor', 'tax_arrears', 'social_insurance_violation']);
    for (const v of s.vetoes) expect(v.mandatory).toBe(false);
  });
});

describe('jiangxi-2025', () => {
  const s = sys('jiangxi-2025');
  it('has the five classes of seed 003, each used, and three stages', () => {
    expect(s.classes.map((c) => c.name.zh)).toEqual(['技术创新指标', '成长经营指标', '辅助指标', '特色指标', '逆向指标']);
    for (const c of s.classes) expect(s.indicators.some((i) => i.classId === c.id)).toBe(true);
    expect(s.stages).toHaveLength(3);
  });

  it('has reverse-direction indicators, exactly those of the 逆向 class', () => {
    const reverse = s.indicators.filter((i) => i.direction === 'reverse');
    expect(reverse.length).toBeGreaterThanOrEqual(1);
    expect(reverse).toEqual(s.indicators.filter((i) => i.classId === classOf(s, '逆向')));
  });
});
