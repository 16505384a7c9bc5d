import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run bench:whatif', () => {
  it('runs on worker_threads and ends with a JSON line', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench-whatif.ts', '--rows', '3000', '--samples', '40', '--workers', '2', '--sobol-samples', '8', '--audit-rows', '5000', '--json'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const last = JSON.parse(out.trim().split('\n').pop()!);
    expect(last).toMatchObject({ rows: 3000, samples: 40, workers: 2 });
    expect(last.total_s).toBeGreaterThan(0);
    expect(last.samples_per_s).toBeGreaterThan(0);
    expect(last.sobol_s).toBeGreaterThan(0);
    expect(last.sobol_rescorings).toBe(8 * 20);
    expect(last.audit_rows).toBe(5000);
    expect(last.audit_1m_s).toBeGreaterThan(0);
    // The audit agrees with numpy/scipy on every statistic (printed in the table line).
    const line = out.split('\n').find((l) => l.startsWith('Statistical audit'))!;
    const diff = line.match(/max relative \|Δ\| over every statistic of all enterprises ([0-9.e+-]+)/);
    if (diff) expect(Number(diff[1])).toBeLessThan(1e-9);
  });
});
