/**
 * Monte Carlo benchmark (not a test): rank uncertainty over synthetic data under sichuan-2024 on
 * the command line's pool (src/cli/node-pool.ts: the browser's worker object on worker_threads,
 * driven by the same MonteCarloPool), so it times the code the workbench runs.
 *   npm run bench:whatif                                   → 100,000 rows × 1,000 samples, 2 workers
 *   npm run bench:whatif -- --rows N --samples S --workers W [--methods] [--json]
 * --methods also samples the normalisation method (all six) and percentiles (re-prepare per spec).
 * Then Sobol indices of the 18 weights (N = 512 base samples → 10,240 re-scorings, per-enterprise
 * rank indices included; --sobol-samples N, 0 to skip) on the same pool, and the same work in numpy (scripts/sobol_numpy.py, 2 processes) when numpy is
 * installed. Then the statistical audit over --audit-rows (default 1,000,000; 0 to skip) rows in one
 * thread, beside scripts/audit_numpy.py doing the same statistics with numpy/scipy. The last line
 * is JSON with --json.
 */
import { loadavg } from 'node:os';
import { assignStages, DEFAULT_NORMALIZATION, effectiveWeights, NORMALIZATION_METHODS, prepare, rescore } from '../src/engine/index.ts';
import { getSystem } from '../src/systems/index.ts';
import { weightStability } from '../src/whatif/stability.ts';
import type { McConfig } from '../src/whatif/mc/index.ts';
import { syntheticColumns } from './bench/synthetic.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodePool } from '../src/cli/node-pool.ts';
import { copyLoadInput, preparedMatrix } from '../src/protocol/monte-carlo.ts';
import type { SobolConfig } from '../src/whatif/sobol/index.ts';
import { computeAudit, type Audit } from '../src/whatif/audit/index.ts';

const system = getSystem('sichuan-2024')!;

/** What a browser worker does after receiving the columns: prepare the scenario's matrix. */
function setup(rows: number, columns: Record<string, Float64Array>, stage: Uint8Array) {
  const prepared = prepare({ system, columns, n: rows, stage, normalization: DEFAULT_NORMALIZATION });
  const toggles = { bonus: system.bonus.map(() => true), veto: system.vetoes.map(() => true) };
  return { prepared, columns, weights: effectiveWeights(system), toggles };
}

{
  const args = process.argv.slice(2);
  const opt = (name: string, def: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : def;
  };
  const rows = opt('--rows', 100_000);
  const samples = opt('--samples', 1000);
  const workers = opt('--workers', 2);
  const json = args.includes('--json');
  const config: McConfig = {
    samples,
    weights: { mode: 'perturb', spread: 0.2 },
    topN: [10, 100],
    list: { kind: 'top-percent', percent: 20, scope: 'stage' },
    ...(args.includes('--methods')
      ? {
          methods: NORMALIZATION_METHODS,
          quantiles: [
            [0.01, 0.99],
            [0.05, 0.95],
          ],
        }
      : {}),
  };
  const seed = 20240601;
  const { columns, regDays, asOfDays } = syntheticColumns(system, rows);
  const stage = assignStages(regDays, asOfDays, system.stages);

  // Setup (once per data set in the workbench): the scenario's matrix, prepared on this thread as
  // the workbench's scoring worker has prepared it to show the ranking; start the pool (the
  // browser's worker object on worker_threads, src/cli/node-pool.ts) and hand each worker the
  // columns and that matrix, as the scoring worker's mcData does.
  const tSetup = performance.now();
  const st = setup(rows, columns, stage);
  const { pool, dispose } = createNodePool(workers);
  const toggles = { bonus: system.bonus.map(() => true), veto: system.vetoes.map(() => true) };
  const scenario = { normalization: DEFAULT_NORMALIZATION, weights: effectiveWeights(system), toggles };
  // A copy: the pool moves (transfers) what it is given, and the stability run below needs `columns`.
  await pool.load(copyLoadInput({ system, n: rows, columns, stage, matrix: preparedMatrix(st.prepared) }));
  const setupS = (performance.now() - tSetup) / 1000;

  // The timed run: MonteCarloPool over every worker, merge and summary on this thread.
  const load = loadavg()[0];
  const t0 = performance.now();
  const mcRun = await pool.run(scenario, config, seed, {
    onProgress: (d) => !json && process.stderr.isTTY && process.stderr.write(`\r${d} / ${samples}`),
  });
  const totalS = (performance.now() - t0) / 1000;
  // The same run again with another seed: what a user waits for on a second run.
  const t1 = performance.now();
  await pool.run(scenario, config, seed + 1);
  const againS = (performance.now() - t1) / 1000;
  const merged = mcRun.partial;
  const summary = mcRun.summary;
  // Stability intervals (权重稳定区间) of the enterprise ranked N-th overall, top-N rule, every weight
  // of its stage: one thread, median of 5 after one warm-up run.
  const base = rescore(st.prepared, st.weights, st.toggles);
  const listN = Math.min(100, rows);
  const row = base.order[listN - 1];
  const stabilityRuns: number[] = [];
  let stable = weightStability({ prepared: st.prepared, weights: st.weights, result: base, row, rule: { kind: 'top-n', n: listN } });
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    stable = weightStability({ prepared: st.prepared, weights: st.weights, result: base, row, rule: { kind: 'top-n', n: listN } });
    stabilityRuns.push(performance.now() - t);
  }
  stabilityRuns.sort((a, b) => a - b);
  const stabilityMs = +stabilityRuns[2].toFixed(1);
  // Sobol: same data, same worker count, the scenario's weights perturbed ±20 %.
  const sobolSamples = opt('--sobol-samples', 512);
  let sobolS: number | null = null;
  let numpy: { numpy_sobol_s: number; S: number[] } | string = 'skipped';
  let sobolLoad = 0;
  let sobolMaxDiff: number | null = null;
  if (sobolSamples > 0) {
    const sobolConfig: SobolConfig = { samples: sobolSamples, weights: { mode: 'perturb', spread: 0.2 }, list: { kind: 'top-percent', percent: 20, scope: 'stage' } };
    sobolLoad = loadavg()[0];
    const ts = performance.now();
    const sobRun = await pool.runSobol(scenario, sobolConfig, seed, {
      onProgress: (d, t) => !json && process.stderr.isTTY && process.stderr.write(`\rSobol ${d} / ${t}`),
    });
    const sob = { partial: sobRun.partial, outputs: sobRun.result.outputs };
    sobolS = +((performance.now() - ts) / 1000).toFixed(2);
    let hasNumpy = true;
    try {
      execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
    } catch {
      hasNumpy = false;
      numpy = 'numpy is not installed (python3 -c "import numpy" failed): no comparison';
    }
    if (hasNumpy) {
      const dir = mkdtempSync(join(tmpdir(), 'sobol-'));
      const bin = (name: string, a: ArrayBufferView) => writeFileSync(join(dir, name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      bin('s.bin', st.prepared.s);
      bin('stage.bin', st.prepared.stage);
      bin('bonus.bin', base.bonus);
      bin('vetoed.bin', base.vetoed);
      bin('weights.bin', st.weights);
      bin('uA.bin', sob.partial.uA);
      bin('uB.bin', sob.partial.uB);
      const k = st.prepared.k;
      writeFileSync(join(dir, 'meta.json'), JSON.stringify({ n: rows, k, stages: system.stages.length, N: sobolSamples, spread: 0.2, scale: system.baseScale, percent: 20 }));
      try {
        const py = execFileSync('python3', [new URL('./sobol_numpy.py', import.meta.url).pathname, dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
        numpy = JSON.parse(py.trim().split('\n').pop()!) as { numpy_sobol_s: number; S: number[] };
        const ours = sob.outputs[0].indices.S;
        sobolMaxDiff = Math.max(...numpy.S.map((x, i) => Math.abs(x - ours[i])));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  await dispose();
  // The statistical audit over --audit-rows (1M) synthetic enterprises, in this thread (one
  // worker's work in the browser), median of 3; then the same statistics with numpy/scipy.
  const auditRows = opt('--audit-rows', 1_000_000);
  let auditS: number | null = null;
  let auditNumpy: { numpy_audit_s: number; maxDiff: number } | string = 'skipped';
  let auditLoad = 0;
  if (auditRows > 0) {
    const a = syntheticColumns(system, auditRows);
    const aStage = assignStages(a.regDays, a.asOfDays, system.stages);
    const ap = setup(auditRows, a.columns, aStage);
    const aRes = rescore(ap.prepared, ap.weights, ap.toggles);
    auditLoad = loadavg()[0];
    const runs: number[] = [];
    let audit: Audit | null = null;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      audit = computeAudit({ prepared: ap.prepared, weights: ap.weights, result: aRes });
      runs.push(performance.now() - t);
    }
    runs.sort((x, y) => x - y);
    auditS = +(runs[1] / 1000).toFixed(2);
    let hasScipy = true;
    try {
      execFileSync('python3', ['-c', 'import numpy, scipy'], { stdio: 'ignore' });
    } catch {
      hasScipy = false;
      auditNumpy = 'numpy/scipy are not installed: no comparison';
    }
    if (hasScipy && audit) {
      const dir = mkdtempSync(join(tmpdir(), 'audit-'));
      const bin = (name: string, x: ArrayBufferView) => writeFileSync(join(dir, name), new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
      try {
        const k = ap.prepared.k;
        bin('s.bin', ap.prepared.s);
        const raw = new Float64Array(k * auditRows);
        ap.prepared.raw.forEach((col, i) => raw.set(col, i * auditRows));
        bin('raw.bin', raw);
        bin('stage.bin', ap.prepared.stage);
        bin('score.bin', aRes.score);
        bin('vetoed.bin', aRes.vetoed);
        const classes = system.classes.map((c) => system.indicators.flatMap((ind, i) => (ind.classId === c.id ? [i] : []))).filter((c) => c.length > 0);
        writeFileSync(join(dir, 'meta.json'), JSON.stringify({ n: auditRows, k, stages: system.stages.length, classes }));
        const py = execFileSync('python3', [new URL('./audit_numpy.py', import.meta.url).pathname, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
        const res = JSON.parse(py.trim().split('\n').pop()!) as { numpy_audit_s: number; all: Record<string, (number | null)[]> };
        const g = audit.groups[audit.groups.length - 1];
        const ours: Record<string, number[]> = {
          coverage: g.coverage,
          skew_raw: g.skewness,
          kurt_raw: g.kurtosis,
          skew_s: g.sSkewness,
          kurt_s: g.sKurtosis,
          pearson: g.pearson,
          spearman: g.spearman,
          alpha: g.alpha.map((x) => x.alpha),
          explained: g.pca.explained,
          effective: g.effective,
          r2: g.r2,
        };
        let maxDiff = 0;
        for (const [key, values] of Object.entries(ours)) {
          res.all[key].forEach((x, i) => {
            if (x !== null && Number.isFinite(x)) maxDiff = Math.max(maxDiff, Math.abs(x - values[i]) / Math.max(1, Math.abs(x)));
          });
        }
        auditNumpy = { numpy_audit_s: res.numpy_audit_s, maxDiff };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const out = {
    rows,
    samples,
    workers,
    methods: !!config.methods,
    total_s: +totalS.toFixed(2),
    samples_per_s: +(samples / totalS).toFixed(1),
    setup_s: +setupS.toFixed(2),
    bins: merged.edges.length - 1,
    resolution: +summary.resolution.toFixed(4),
    exact_rows: merged.exactRows.length,
    load_avg_before: +load.toFixed(2),
    mc_s: +totalS.toFixed(2),
    mc_again_s: +againS.toFixed(2),
    stability_ms: stabilityMs,
    stability_weights: stable.weights.length,
    sobol_s: sobolS,
    sobol_samples: sobolSamples,
    sobol_rescorings: sobolSamples * (system.indicators.length + 2),
    sobol_load_avg_before: +sobolLoad.toFixed(2),
    numpy_sobol_s: typeof numpy === 'string' ? null : numpy.numpy_sobol_s,
    audit_rows: auditRows,
    audit_1m_s: auditS,
    audit_load_avg_before: +auditLoad.toFixed(2),
    numpy_audit_s: typeof auditNumpy === 'string' ? null : auditNumpy.numpy_audit_s,
  };
  if (process.stderr.isTTY && !json) process.stderr.write('\n');
  console.log(`Monte Carlo rank uncertainty — sichuan-2024, ${rows} rows × ${samples} samples on ${workers} worker_threads`);
  console.log(`  run: ${out.total_s} s (${out.samples_per_s} samples/s), the workers' first, merge and summary included`);
  console.log(`  the same run again with another seed: ${out.mc_again_s} s`);
  console.log(`  setup, once per data set (not in the run time): ${out.setup_s} s to prepare the scenario's matrix, start the workers and hand over the columns and the matrix`);
  console.log(`  rank histogram: ${out.bins} bins/row (relative resolution ${(out.resolution * 100).toFixed(1)}%), exact ranks kept for ${out.exact_rows} rows`);
  console.log(`  1-minute load average before the run: ${out.load_avg_before} (other processes on this 2-core machine slow the workers)`);
  console.log(
    `Stability intervals (top ${listN}, enterprise ranked ${listN}, ${stable.weights.length} weights of its stage, ${rows} rows, one thread): ${stabilityMs} ms median of 5`,
  );
  if (sobolS !== null) {
    const vs =
      typeof numpy === 'string'
        ? numpy
        : `numpy on 2 processes ${numpy.numpy_sobol_s} s (ratio numpy / ours ${(numpy.numpy_sobol_s / sobolS).toFixed(2)}; max |ΔS| of the mean rank shift ${sobolMaxDiff?.toExponential(2)})`;
    console.log(
      `Sobol first-order + total, ${system.indicators.length} weights, N = ${sobolSamples} (${out.sobol_rescorings} re-scorings), ${rows} rows, per-enterprise indices, ${workers} worker_threads: ${sobolS} s (the pool already loaded) | ${vs} | load average before ${out.sobol_load_avg_before}`,
    );
  }
  if (auditS !== null) {
    const vs =
      typeof auditNumpy === 'string'
        ? auditNumpy
        : `numpy/scipy ${auditNumpy.numpy_audit_s} s (ratio numpy / ours ${(auditNumpy.numpy_audit_s / auditS).toFixed(2)}; max relative |Δ| over every statistic of all enterprises ${auditNumpy.maxDiff.toExponential(2)})`;
    console.log(
      `Statistical audit, ${auditRows} rows × ${system.indicators.length} indicators, ${system.stages.length} stages + all, one thread: ${auditS} s median of 3 | ${vs} | load average before ${out.audit_load_avg_before}`,
    );
  }
  if (json) console.log(JSON.stringify(out));
}
