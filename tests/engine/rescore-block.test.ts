import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { BLOCK, BlockRescore, NO_STAGE, rescore, type Toggles } from '../../src/engine/index.ts';
import { setWasmKernels, WasmKernels } from '../../src/engine/wasm-kernels.ts';
import { KERNELS_WASM_BASE64 } from '../../src/engine/wasm/kernels-wasm.ts';
import { compileWat } from '../../scripts/wasm-compile.ts';
import { preparedFor, randomData, twoStageSystem } from '../whatif/fixtures.ts';

const ALL_ON: Toggles = { bonus: [true], veto: [true] };

/** Competition ranks by their definition: 1 + the number of rows scoring strictly more (in the stage). */
function countedRanks(score: number[], stage: number[], stages: number) {
  const rank = score.map((v) => 1 + score.filter((u) => u > v).length);
  const stageRank = score.map((v, r) => (stage[r] >= stages ? 0 : 1 + score.filter((u, q) => stage[q] === stage[r] && u > v).length));
  return { rank, stageRank };
}

function wasmRanks(score: number[], stage: number[], stages: number) {
  const ranker = WasmKernels.create(score.length, stages, 1)!;
  ranker.scores[0].set(score);
  ranker.stage.set(stage);
  const ok = ranker.rank(0, Math.min(...score), Math.max(...score));
  return { ok, rank: [...ranker.rankOut], stageRank: [...ranker.stageRank], order: [...ranker.order] };
}

describe('the WebAssembly rank kernel (kernels.wat rank)', () => {
  it('is the committed compilation of kernels.wat', async () => {
    const wat = readFileSync(new URL('../../src/engine/wasm/kernels.wat', import.meta.url), 'utf8');
    const bytes = await compileWat(wat, 'kernels.wat');
    expect(Buffer.from(bytes).toString('base64')).toBe(KERNELS_WASM_BASE64);
  });

  it('ranks a hand-worked case: ties share a rank ("1224"), a row without a stage gets stage rank 0', () => {
    // scores 5, 7, 7, 3 with stages 0, 1, 0, none: overall 7, 7 → 1, 1; 5 → 3; 3 → 4.
    // stage 0 holds rows 0 (5) and 2 (7) → 2, 1; stage 1 holds row 1 → 1.
    const out = wasmRanks([5, 7, 7, 3], [0, 1, 0, NO_STAGE], 2);
    expect(out.ok).toBe(true);
    expect(out.rank).toEqual([3, 1, 1, 4]);
    expect(out.stageRank).toEqual([2, 1, 1, 0]);
    expect(out.order.slice(2)).toEqual([0, 3]);
    expect(new Set(out.order.slice(0, 2))).toEqual(new Set([1, 2]));
  });

  it('gives the competition ranks of their definition on arbitrary scores and stages', () => {
    const row = fc.tuple(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 5 })), fc.constantFrom(0, 1, 2, NO_STAGE));
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 400 }), (rows) => {
        const score = rows.map((r) => r[0] + 0); // −0 → 0: the kernel's quantised keys treat them alike anyway
        const stage = rows.map((r) => r[1]);
        if (!(Math.max(...score) > Math.min(...score))) return;
        const out = wasmRanks(score, stage, 3);
        expect(out.ok).toBe(true);
        const want = countedRanks(score, stage, 3);
        expect(out.rank).toEqual(want.rank);
        expect(out.stageRank).toEqual(want.stageRank);
      }),
      { numRuns: 300 },
    );
  });

  it('declines scores clustered onto one quantised key, for the radix sort in JavaScript', () => {
    const score = [1e9, ...Array.from({ length: 20_000 }, (_, i) => ((i * 7919) % 20_000) * 1e-12)];
    expect(
      wasmRanks(
        score,
        score.map(() => 0),
        1,
      ).ok,
    ).toBe(false);
  });
});

describe('BlockRescore', () => {
  const k = 4;
  const system = twoStageSystem(k);

  /** Random stage weights (sum 1 per stage), reproducible from `seed`. */
  function randomWeights(seed: number): Float64Array {
    let x = seed;
    const w = new Float64Array(2 * k);
    for (let st = 0; st < 2; st++) {
      let sum = 0;
      for (let i = 0; i < k; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        w[st * k + i] = 0.05 + x / 2147483648;
        sum += w[st * k + i];
      }
      for (let i = 0; i < k; i++) w[st * k + i] /= sum;
    }
    return w;
  }

  it.each([true, false])('scores and ranks every slot bit for bit as rescore does (WebAssembly: %s)', (wasm) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: BLOCK }), fc.integer(), (n, decimals, count, seed) => {
        const { columns, stage } = randomData(n, k, seed >>> 0, decimals);
        if (n > 2) stage[n - 1] = NO_STAGE; // a row without a stage ranks overall only
        const p = preparedFor(system, columns, stage);
        setWasmKernels(wasm);
        const block = new BlockRescore(p, ALL_ON);
        setWasmKernels(true);
        expect(block.wasm).toBe(wasm);
        const ws = Array.from({ length: count }, (_, b) => randomWeights(seed + 7 * b));
        ws.forEach((w, b) => block.weights(b).set(w));
        block.score(count);
        let spread = 0; // slots whose scores are not all equal: the ones the kernel ranks
        for (let b = 0; b < count; b++) {
          const got = block.ranked(b);
          if (Math.max(...got.score) > Math.min(...got.score)) spread++;
          const want = rescore(p, ws[b], ALL_ON);
          expect(Buffer.from(got.score.buffer, got.score.byteOffset, 8 * n).equals(Buffer.from(want.score.buffer, 0, 8 * n))).toBe(true);
          expect([...got.rank]).toEqual([...want.rank]);
          expect([...got.stageRank]).toEqual([...want.stageRank]);
          expect([...got.vetoed]).toEqual([...want.vetoed]);
          for (let q = 1; q < n; q++) expect(got.score[got.order[q - 1]]).toBeGreaterThanOrEqual(got.score[got.order[q]]);
        }
        // With WebAssembly the kernel itself ranked every such slot (no silent fallback to JavaScript).
        expect(block.kernelRanks).toEqual(wasm ? { ranked: spread, declined: 0 } : { ranked: 0, declined: 0 });
      }),
      { numRuns: 150 },
    );
  });

  it('uses the WebAssembly kernel here, and refuses slots it did not score', () => {
    const { columns, stage } = randomData(50, k, 5);
    const block = new BlockRescore(preparedFor(system, columns, stage), ALL_ON);
    expect(block.wasm).toBe(true);
    block.weights(0).set(randomWeights(1));
    block.score(1);
    expect(() => block.ranked(1)).toThrow(/not scored/);
    expect(() => block.score(BLOCK + 1)).toThrow(/slots/);
  });
});

describe('rescore above the WebAssembly threshold (20,000 rows)', () => {
  /** Competition ranks by a comparator sort (an independent implementation), overall and in-stage. */
  function sortedRanks(score: Float64Array, stage: Uint8Array, stages: number) {
    const idx = Array.from(score, (_, r) => r).sort((a, b) => score[b] - score[a]);
    const rank = new Int32Array(score.length);
    const stageRank = new Int32Array(score.length);
    const seen = new Map<number, { count: number; last: number; rank: number }>();
    idx.forEach((r, p) => {
      rank[r] = p > 0 && score[idx[p - 1]] === score[r] ? rank[idx[p - 1]] : p + 1;
      if (stage[r] >= stages) return;
      const g = seen.get(stage[r]) ?? { count: 0, last: NaN, rank: 0 };
      g.count++;
      if (score[r] !== g.last) g.rank = g.count;
      g.last = score[r];
      seen.set(stage[r], g);
      stageRank[r] = g.rank;
    });
    return { rank, stageRank };
  }

  it.each([
    [2, 25_000],
    [0, 30_000],
  ])('gives the ranks of a comparator sort (values with %i decimals, %i rows), by the kernel and by JavaScript', (decimals, n) => {
    const k = 4;
    const system = twoStageSystem(k);
    const { columns, stage } = randomData(n, k, 17, decimals);
    for (let r = 0; r < n; r += 997) stage[r] = NO_STAGE;
    const p = preparedFor(system, columns, stage);
    const w = Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.4, 0.3, 0.2, 0.1]);
    const wasm = rescore(p, w, ALL_ON);
    const kernel = wasm.workspace.rankKernel()!;
    expect([kernel.ranked, kernel.declined]).toEqual([1, 0]); // the kernel ranked, no fallback
    const want = sortedRanks(wasm.score, stage, 2);
    expect(Buffer.from(wasm.rank.buffer).equals(Buffer.from(want.rank.buffer))).toBe(true);
    expect(Buffer.from(wasm.stageRank.buffer).equals(Buffer.from(want.stageRank.buffer))).toBe(true);
    for (let q = 1; q < n; q++) if (wasm.score[wasm.order[q - 1]] < wasm.score[wasm.order[q]]) throw new Error(`order breaks at ${q}`);
    setWasmKernels(false);
    const js = rescore(p, w, ALL_ON);
    setWasmKernels(true);
    expect(js.workspace.rankKernel()).toBeNull();
    expect(Buffer.from(js.rank.buffer).equals(Buffer.from(want.rank.buffer))).toBe(true);
    expect(Buffer.from(js.stageRank.buffer).equals(Buffer.from(want.stageRank.buffer))).toBe(true);
  });
});
