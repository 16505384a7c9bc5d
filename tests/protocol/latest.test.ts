import { describe, expect, it } from 'vitest';
import { Latest } from '../../src/protocol/latest.ts';

describe('the one stale-result rule', () => {
  it('only the newest ticket is current; invalidate makes every ticket stale', () => {
    const l = new Latest();
    const a = l.take();
    const b = l.take();
    expect(l.isNewest(a)).toBe(false);
    expect(l.isNewest(b)).toBe(true);
    l.invalidate();
    expect(l.isNewest(b)).toBe(false);
  });

  it('a worker hears tickets taken on the page and never goes back to an older one', () => {
    const worker = new Latest();
    worker.hear(5);
    worker.hear(3);
    expect(worker.isNewest(5)).toBe(true);
    expect(worker.isNewest(3)).toBe(false);
  });

  it('admit drops a request that a newer one overtook while it waited one macrotask', async () => {
    const worker = new Latest();
    const first = worker.admit(1);
    const second = worker.admit(2); // posted behind the first, heard before the first resumes
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(await worker.admit(3)).toBe(true);
  });
});
