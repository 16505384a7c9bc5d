import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKED_SQL } from '../../src/data/sql.ts';
import { demoCsv, demoRecords } from '../../src/demo/generate.ts';
import { runCli } from './run-cli.ts';

/**
 * `npm run score -- --segment "EXPR"`: the rows the condition selects, with the population's
 * scores and ranks, and nothing else; a hostile condition is refused before anything is read.
 * The expected rows come from the demo generator's own records (city, industry code by USCC) and
 * the unsegmented run's output, not from the segment code.
 */
let dir: string;
let input: string;
const OPTS = { rows: 3000, seed: 5 };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segment-cli-'));
  input = join(dir, 'demo.csv');
  await writeFile(input, demoCsv(OPTS));
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function score(out: string, extra: string[] = []) {
  return runCli(['--system', 'sichuan-2024', '--input', input, '--output', join(dir, out), ...extra]);
}

describe('score --segment', () => {
  it('writes exactly the rows of the segment, with the whole population’s scores and ranks', async () => {
    const full = await score('full.csv');
    expect(full.code).toBe(0);
    const seg = await score('seg.csv', ['--segment', "city = '成都市' AND industry_code LIKE 'C39%'"]);
    expect(seg.code, seg.stderr).toBe(0);
    const byUscc = new Map<string, { city: string; industry: string }>();
    for (const rec of demoRecords(OPTS))
      byUscc.set(
        String(rec.uscc ?? '')
          .trim()
          .toUpperCase(),
        { city: String(rec.city ?? '').trim(), industry: String(rec.industry_code ?? '').trim() },
      );
    const [header, ...lines] = (await readFile(join(dir, 'full.csv'), 'utf8')).trimEnd().split('\n');
    const expected = lines.filter((l) => {
      const r = byUscc.get(l.split(',')[0]);
      return r !== undefined && r.city === '成都市' && r.industry.startsWith('C39');
    });
    expect(expected.length).toBeGreaterThan(5); // the condition selects a real part of the demo
    expect(expected.length).toBeLessThan(lines.length / 5);
    expect((await readFile(join(dir, 'seg.csv'), 'utf8')).trimEnd().split('\n')).toEqual([header, ...expected]);
    expect(seg.stderr).toContain(`note segment: ${expected.length} of ${lines.length} scored rows match the condition`);
  }, 120_000);

  it('accepts a Chinese header in quotes, numbers and dates', async () => {
    const seg = await score('seg2.csv', ['--segment', `"市" = '成都市' AND rd_expense >= 500 AND registration_date >= DATE '2015-01-01'`]);
    expect(seg.code, seg.stderr).toBe(0);
    const out = (await readFile(join(dir, 'seg2.csv'), 'utf8')).trimEnd().split('\n');
    expect(out.length).toBeGreaterThan(1);
  }, 120_000);

  it('reads the segment from the scenario file (the workbench’s export); --segment replaces it, with a note', async () => {
    const condition = "city = '成都市' AND industry_code LIKE 'C39%'";
    const scenario = { version: 1, systemId: 'sichuan-2024', weights: { initial: { rd_expense: 0.3 } } };
    await writeFile(join(dir, 'bare.json'), JSON.stringify(scenario));
    const doc = { format: 'innovation-points-scenario', version: 1, name: '成都先进制造', scenario, segment: condition };
    await writeFile(join(dir, 'doc.json'), JSON.stringify(doc));
    const byFlag = await score('flag.csv', ['--scenario', join(dir, 'bare.json'), '--segment', condition]);
    expect(byFlag.code, byFlag.stderr).toBe(0);
    const byFile = await score('file.csv', ['--scenario', join(dir, 'doc.json')]);
    expect(byFile.code, byFile.stderr).toBe(0);
    const flagCsv = await readFile(join(dir, 'flag.csv'), 'utf8');
    expect(await readFile(join(dir, 'file.csv'), 'utf8')).toBe(flagCsv);
    expect(byFile.stderr).toMatch(/note segment: \d+ of \d+ scored rows match the condition/);
    expect(byFile.stderr).not.toMatch(/not used by this command/);
    // The weights of the file apply too: the segment's rows are not those of the baseline run.
    await score('base-seg.csv', ['--segment', condition]);
    expect(await readFile(join(dir, 'base-seg.csv'), 'utf8')).not.toBe(flagCsv);

    const replaced = await score('replaced.csv', ['--scenario', join(dir, 'doc.json'), '--segment', "city = '绵阳市'"]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toContain(`note --segment replaces the scenario's segment (${condition})`);
    const cities = new Map(Array.from(demoRecords(OPTS), (r) => [String(r.uscc).trim().toUpperCase(), String(r.city ?? '').trim()]));
    const rows = (await readFile(join(dir, 'replaced.csv'), 'utf8')).trimEnd().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((l) => cities.get(l.split(',')[0]) === '绵阳市')).toBe(true);

    // A hostile segment in a file is refused with the file, naming the field.
    await writeFile(join(dir, 'hostile.json'), JSON.stringify({ ...doc, segment: "read_csv('/etc/passwd') IS NOT NULL" }));
    const hostile = await score('hostile.csv', ['--scenario', join(dir, 'hostile.json')]);
    expect(hostile.code).not.toBe(0);
    expect(hostile.stderr).toMatch(/is invalid: segment: .*read_csv\(\) is not supported/);
  }, 180_000);

  it('refuses hostile conditions with one sentence, before reading the input', async () => {
    const cases: [string, RegExp][] = [
      ["city = '成都市'; COPY segment_rows TO '/tmp/x.csv'", /only one condition is allowed/],
      ["read_csv('https://example.com/x.csv') IS NOT NULL", /the function read_csv\(\) is not supported/],
      ["city = '成都市' -- AND size = '大型'", /comments .* are not allowed/],
      ["city IN (SELECT city FROM read_text('/etc/passwd'))", /cannot contain a statement or a subquery \(SELECT\)/],
      ['town = 1', /has no column named town/],
    ];
    for (const [expr, message] of cases) {
      const r = await score('bad.csv', ['--segment', expr]);
      expect(r.code, expr).toBe(2);
      expect(r.stderr, expr).toMatch(message);
    }
  }, 120_000);

  it('refuses a condition that is not true/false, from DuckDB’s type', async () => {
    const r = await score('bad2.csv', ['--segment', 'rd_expense + 1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/must be true or false; this expression gives DOUBLE/);
  }, 120_000);

  it('the locked segment database reads no file and cannot be unlocked', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    try {
      for (const sql of LOCKED_SQL) await c.run(sql);
      await expect(c.run(`SELECT * FROM read_csv('${input.replace(/'/g, "''")}')`)).rejects.toThrow(/disabled/i);
      await expect(c.run(`SELECT * FROM read_text('/etc/hostname')`)).rejects.toThrow(/disabled/i);
      await expect(c.run('SET enable_external_access = true')).rejects.toThrow();
      await expect(c.run("ATTACH '/tmp/segment-attach.db'")).rejects.toThrow();
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});
