import { describe, expect, it } from 'vitest';
import { filterRows, subsetRanks } from '../../workers/whatif-subset.ts';
import type { Dataset } from '../../workers/dataset.ts';

const ds = {
  n: 6,
  techField: Uint16Array.from([0, 1, 1, 2, 1, 0]),
  techFields: ['', '新材料', '电子信息'],
} as unknown as Dataset;
const stage = Uint8Array.from([0, 0, 1, 1, 0, 2]);

describe('what-if row subsets', () => {
  it('keeps every row without a filter (null: the fast path)', () => {
    expect(filterRows(ds, stage, { stage: -1, techField: '' })).toBeNull();
  });

  it('filters by stage, by tech field, and by both', () => {
    expect(Array.from(filterRows(ds, stage, { stage: 0, techField: '' })!)).toEqual([0, 1, 4]);
    expect(Array.from(filterRows(ds, stage, { stage: -1, techField: '新材料' })!)).toEqual([1, 2, 4]);
    expect(Array.from(filterRows(ds, stage, { stage: 0, techField: '新材料' })!)).toEqual([1, 4]);
    expect(Array.from(filterRows(ds, stage, { stage: 2, techField: '新材料' })!)).toEqual([]);
  });

  it('re-ranks a subset among itself, keeping ties as competition ranks', () => {
    const rank = Int32Array.from([5, 2, 2, 9, 7, 1]);
    expect(subsetRanks(rank, null)).toBe(rank);
    expect(Array.from(subsetRanks(rank, Uint32Array.from([0, 1, 2, 4])))).toEqual([3, 1, 1, 4]);
    expect(Array.from(subsetRanks(rank, Uint32Array.from([])))).toEqual([]);
  });
});
