import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutput, runCli, stderrLines } from '../cli/run-cli.ts';
import { EXPECTATIONS } from './expectations.ts';
import { writeLargeCsv } from './large.ts';

/** Every corpus file through the real CLI, with the exact outcome of expectations.ts. */
const FILES = resolve(import.meta.dirname, 'files');
let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'ipw-corpus-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('bad-input corpus through the CLI', () => {
  it('has at least 83 files (43 before issue 9, which asks for 40 more), each with an expectation', async () => {
    const files = (await readdir(FILES)).filter((f) => !f.startsWith('.'));
    expect(files.length).toBeGreaterThanOrEqual(83);
    expect(new Set(EXPECTATIONS.map((e) => e.file))).toEqual(new Set(files));
  });

  for (const e of EXPECTATIONS) {
    it(`${e.file}: ${e.what}`, async () => {
      const output = join(out, `${e.file}.out.csv`);
      const r = await runCli(['--system', 'sichuan-2024', '--input', join(FILES, e.file), '--output', output]);
      expect(stderrLines(r, 'excluded ')).toEqual(e.cli.excluded ?? []);
      if (e.cli.error !== undefined) {
        expect(r.code, r.stderr).not.toBe(0);
        const errors = stderrLines(r, 'error: ');
        expect(errors).toHaveLength(1);
        expect(errors[0].startsWith(`error: ${e.cli.error}`), errors[0]).toBe(true);
        await expect(stat(output)).rejects.toThrow();
        return;
      }
      expect(r.code, r.stderr).toBe(0);
      const { rows } = await readOutput(output);
      expect(rows.map((x) => x.uscc).sort()).toEqual([...(e.cli.scored ?? [])].sort());
      const warnings = stderrLines(r, 'warning ');
      for (const w of e.cli.warnings ?? [])
        expect(
          warnings.some((l) => l.includes(w)),
          `${w}\n${r.stderr}`,
        ).toBe(true);
      if (!e.cli.warnings) expect(warnings).toEqual([]);
      for (const n of e.cli.notes ?? []) expect(stderrLines(r, 'note ')).toContain(n);
      if (e.cli.vetoed) expect(rows.filter((x) => x.vetoed === 'true').map((x) => x.uscc)).toEqual(e.cli.vetoed);
    });
  }

  it('a 50 MB CSV (generated at test time) scores every valid row', async () => {
    const path = join(out, 'large.csv');
    const { rows, bytes } = await writeLargeCsv(path, 50 * 1024 * 1024);
    expect(bytes).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const output = join(out, 'large.out.csv');
    const r = await runCli(['--system', 'sichuan-2024', '--input', path, '--output', output]);
    expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
    const lines = (await readOutput(output)).rows.length;
    expect(lines).toBe(rows);
  }, 300_000);
});
