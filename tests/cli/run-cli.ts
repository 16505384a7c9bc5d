import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';

/** Spawns the real CLI (`node --import tsx src/cli/score.ts …`) from the repository root. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = new URL('../..', import.meta.url).pathname;

/** `script`: the command's entry (default the scorer). */
export function runCli(args: string[], script = 'src/cli/score.ts'): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, TZ: 'Asia/Shanghai' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function stderrLines(r: CliResult, prefix: string): string[] {
  return r.stderr.split('\n').filter((l) => l.startsWith(prefix));
}

/** Parses OUT.csv (our own simple output: no quoted fields). */
export async function readOutput(path: string): Promise<{ text: string; header: string; rows: Record<string, string>[] }> {
  const text = await readFile(path, 'utf8');
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = header.split(',');
  return { text, header, rows: lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v]))) };
}

/** Compares OUT.csv rows with hand-computed expectations (|Δ| ≤ 1e-9 for numbers). */
export function expectRows(rows: Record<string, string>[], expected: Record<string, string | number>[]): void {
  expect(rows.map((r) => r.uscc)).toEqual(expected.map((e) => e.uscc));
  rows.forEach((r, i) => {
    const e = expected[i];
    for (const [k, v] of Object.entries(e)) {
      if (typeof v === 'number') expect(Number(r[k]), `${e.uscc} ${k}`).toBeCloseTo(v, 9);
      else expect(r[k], `${e.uscc} ${k}`).toBe(v);
    }
  });
}

/** A failed run: non-zero exit, exactly one `error:` line that is one sentence. */
export function expectOneSentenceFailure(r: CliResult): string {
  expect(r.code).not.toBe(0);
  const errors = stderrLines(r, 'error:');
  expect(errors, r.stderr).toHaveLength(1);
  expect(errors[0].trimEnd().endsWith('.')).toBe(true);
  return errors[0];
}

/** Runs `score … --output OUT` (OUT supplied here) and returns its data lines split into cells (uscc,stage,base,bonus,vetoed,score,rank,stage_rank). */
export async function scoreCells(out: string, args: string[]): Promise<string[][]> {
  const r = await runCli([...args, '--output', out]);
  expect(r.code, r.stderr).toBe(0);
  return (await readFile(out, 'utf8'))
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}
