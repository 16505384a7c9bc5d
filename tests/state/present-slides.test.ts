import { describe, expect, it } from 'vitest';
import { sameScenario } from '../../src/state/scenario-edit.ts';
import { buildSlides } from '../../src/state/whatif-present.svelte.ts';

const names = { baseline: '公布权重（基准）', unsaved: (a: string | null) => (a ? `${a}（含未保存的修改）` : '当前方案（未保存）') };
const base = { version: 1 as const, systemId: 'sichuan-2024' };
const saved = [{ name: '甲', scenario: { ...base, weights: { initial: { rd_expense: 0.1 } } } }];

describe('presenter slides', () => {
  it('the first slide is titled baseline and carries the baseline scenario, whatever is on screen', () => {
    const onScreen = { ...base, weights: { initial: { rd_expense: 0.2 } } };
    const slides = buildSlides('sichuan-2024', saved, onScreen, '甲', names);
    expect(slides.map((s) => [s.name, s.kind])).toEqual([
      ['公布权重（基准）', 'baseline'],
      ['甲', 'saved'],
      ['甲（含未保存的修改）', 'unsaved'],
    ]);
    expect(slides[0].scenario).toEqual(base);
    expect(slides[2].scenario).toBe(onScreen);
  });

  it('adds no unsaved slide when the scenario on screen is the baseline or a saved one', () => {
    expect(buildSlides('sichuan-2024', saved, { ...base }, null, names)).toHaveLength(2);
    // same content, other key order
    const reordered = { weights: { initial: { rd_expense: 0.1 } }, systemId: 'sichuan-2024', version: 1 as const };
    expect(buildSlides('sichuan-2024', saved, reordered, '甲', names)).toHaveLength(2);
    expect(buildSlides('sichuan-2024', [], null, null, names)).toHaveLength(1);
  });

  it('sameScenario ignores key order and undefined members, not values', () => {
    expect(sameScenario({ ...base, asOf: undefined }, base)).toBe(true);
    expect(sameScenario(base, { ...base, weightMode: 'free' })).toBe(false);
    expect(sameScenario(null, base)).toBe(false);
    expect(sameScenario(null, null)).toBe(true);
  });
});
