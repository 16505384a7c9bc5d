/**
 * Every preset runs through the engine on a synthetic population: stages assigned, base within
 * [0, baseScale], bonus within the caps, vetoes as the system's defaults say. This catches a
 * preset the engine cannot use (a stage layout, a value rule) before a user does.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate, scoreScenario, type IndicatorSystem } from '../../src/engine/index.ts';
import { listSystems } from '../../src/systems/index.ts';
import { systemFields } from '../../src/engine/index.ts';
import { knownField } from '../../src/systems/known-fields.ts';

const N = 200;
const AS_OF = parseIsoDate('2023-12-31');

/** A deterministic generator (mulberry32), so the test never depends on Math.random. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function population(system: IndicatorSystem) {
  const rand = rng(42);
  const columns: Record<string, Float64Array> = {};
  for (const f of systemFields(system)) {
    const bool = knownField(f)?.type === 'bool';
    // ~5 % missing; booleans true ~10 % of the time; other values spread over four decades.
    columns[f] = Float64Array.from({ length: N }, () => (rand() < 0.05 ? NaN : bool ? Number(rand() < 0.1) : Math.floor(10 ** (rand() * 4))));
  }
  const regDays = Float64Array.from({ length: N }, () => AS_OF - Math.floor(rand() * 30 * 365.25));
  return { columns, regDays };
}

describe.each(listSystems().map((s) => [s.id, s] as const))('%s scores a synthetic population', (_id, system) => {
  const { columns, regDays } = population(system);
  const run = scoreScenario({ columns, n: N, regDays, asOfDays: AS_OF }, system, { version: 1, systemId: system.id });
  const r = run.result;
  const maxBonus = system.bonus.reduce((a, b) => a + (b.cap ?? Infinity), 0);

  it('assigns every row a stage and uses every stage', () => {
    const used = new Set(run.prepared.stage);
    expect([...used].every((s) => s < system.stages.length)).toBe(true);
    expect(used.size).toBe(system.stages.length);
  });

  it('keeps base in [0, baseScale] and bonus within the caps', () => {
    for (let i = 0; i < N; i++) {
      expect(r.base[i]).toBeGreaterThanOrEqual(0);
      expect(r.base[i]).toBeLessThanOrEqual(system.baseScale + 1e-9);
      expect(r.bonus[i]).toBeLessThanOrEqual(maxBonus + 1e-9);
      expect(r.score[i]).toBe(r.vetoed[i] ? 0 : r.base[i] + r.bonus[i]);
    }
  });

  it('applies exactly the vetoes that are active by default', () => {
    for (let i = 0; i < N; i++) {
      const hit = system.vetoes.some((v) => v.defaultActive && v.fields.some((f) => columns[f][i] > 0));
      expect(Boolean(r.vetoed[i])).toBe(hit);
    }
  });
});
