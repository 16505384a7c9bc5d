/**
 * Engine benchmark (not a test): prepare and re-score synthetic data under sichuan-2024.
 *   npm run bench                      → table for 10k, 100k and 1M rows
 *   npm run bench -- --rows N --json   → the same for N rows, last line JSON
 * rescore_ms is the median of 7 re-weightings (new weights → base, bonus, veto, score, ranks).
 * When python3 with numpy is present, the same work in numpy is timed for comparison.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignStages, DEFAULT_NORMALIZATION, effectiveWeights, prepare, rescore, type ScoreResult } from '../src/engine/index.ts';
import { getSystem } from '../src/systems/index.ts';
import { rng, syntheticColumns } from './bench/synthetic.ts';

const RUNS = 7;
const args = process.argv.slice(2);
const json = args.includes('--json');
const rowsArg = args.indexOf('--rows');
const sizes = rowsArg >= 0 ? [Number(args[rowsArg + 1])] : [10_000, 100_000, 1_000_000];
const system = getSystem('sichuan-2024');
if (!system) throw new Error('sichuan-2024 is missing');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function numpyRescore(s: Float64Array, stage: Uint8Array, n: number, k: number, stages: number): number | null {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    // row-major copy for numpy's matrix-vector product
    const rowMajor = new Float64Array(n * k);
    for (let i = 0; i < k; i++) for (let r = 0; r < n; r++) rowMajor[r * k + i] = s[i * n + r];
    writeFileSync(join(dir, 'm.s'), new Uint8Array(rowMajor.buffer));
    writeFileSync(join(dir, 'm.stage'), stage);
    const out = execFileSync('python3', [new URL('./bench/numpy-rescore.py', import.meta.url).pathname, join(dir, 'm'), String(n), String(k), String(stages), String(RUNS)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return JSON.parse(out.trim().split('\n').pop()!).numpy_rescore_ms;
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: Record<string, number | null>[] = [];
for (const n of sizes) {
  const { columns, regDays, asOfDays } = syntheticColumns(system, n);
  const t0 = performance.now();
  const stage = assignStages(regDays, asOfDays, system.stages);
  const p = prepare({ system, columns, n, stage, normalization: DEFAULT_NORMALIZATION });
  const prepareMs = performance.now() - t0;
  const toggles = { bonus: system.bonus.map(() => true), veto: system.vetoes.map(() => true) };
  const base = effectiveWeights(system);
  const rand = rng(42);
  let out: ScoreResult | undefined = rescore(p, base, toggles); // warm-up, allocates buffers
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    const w = base.map((v) => v * (0.8 + 0.4 * rand())); // new weights (renormalised below)
    for (let st = 0; st < system.stages.length; st++) {
      let sum = 0;
      for (let i = 0; i < p.k; i++) sum += w[st * p.k + i];
      for (let i = 0; i < p.k; i++) w[st * p.k + i] /= sum;
    }
    out = rescore(p, w, toggles, out);
    times.push(performance.now() - t);
  }
  const numpy = numpyRescore(p.s, stage, n, p.k, system.stages.length);
  rows.push({ rows: n, prepare_ms: +prepareMs.toFixed(1), rescore_ms: +median(times).toFixed(2), numpy_rescore_ms: numpy === null ? null : +numpy.toFixed(2) });
}

console.log(`engine benchmark — ${system.id}, ${system.indicators.length} indicators, ${system.stages.length} stages, median of ${RUNS} re-weightings`);
console.log('rows'.padStart(10) + 'prepare_ms'.padStart(14) + 'rescore_ms'.padStart(14) + 'numpy_ms'.padStart(12));
for (const r of rows) {
  console.log(String(r.rows).padStart(10) + String(r.prepare_ms).padStart(14) + String(r.rescore_ms).padStart(14) + String(r.numpy_rescore_ms ?? 'n/a').padStart(12));
}
if (json) console.log(JSON.stringify(rows.length === 1 ? rows[0] : rows));
