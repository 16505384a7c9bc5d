import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run bench:whatif', () => {
  it('runs on worker_threads and ends with a JSON line', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench-whatif.ts', '--rows', '3000', '--samples', '40', '--workers', '2', '--sobol-samples', '8', '--json'],
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
  });
});
