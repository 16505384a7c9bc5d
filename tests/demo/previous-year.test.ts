import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, type EngineDataset } from '../../src/data/build-dataset.ts';
import { matchHeaders } from '../../src/data/header-match.ts';
import { readDataFile } from '../../src/data/node/read-file.ts';
import { cellAt, type TypedRawTable } from '../../src/data/raw-table.ts';
import { daysFromCivil } from '../../src/engine/calendar.ts';
import { DEMO_EVALUATION_YEAR, recordCsvChunks } from '../../src/demo/generate.ts';
import { DEMO_PREVIOUS_YEAR, demoPreviousRecords } from '../../src/demo/previous-year.ts';
import { demoRawTable } from '../../src/demo/raw-table.ts';

/** The demo's previous year (src/demo/previous-year.ts): the changes it promises, checked on the built datasets. */
const ROWS = 6000;
let dir: string;
let path: string;

function built(raw: TypedRawTable, year: number): EngineDataset {
  const mapping = matchHeaders(raw.headers, { required: ['uscc', 'registration_date'], evalYear: year });
  return buildDataset(raw, mapping, { asOfDays: daysFromCivil(year, 12, 31), keepInvalidUscc: false });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-demo-prev-'));
  path = join(dir, 'demo-2022.csv');
  await writeFile(path, [...recordCsvChunks(demoPreviousRecords({ rows: ROWS }), DEMO_PREVIOUS_YEAR)].join(''));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the demo’s previous year', () => {
  const cur = built(demoRawTable({ rows: ROWS }), DEMO_EVALUATION_YEAR);
  const prevRaw = demoRawTable({ rows: ROWS }, 'previous');
  const prev = built(prevRaw, DEMO_PREVIOUS_YEAR);
  const curRow = new Map(cur.text.uscc.map((u, r) => [u, r]));
  const prevRow = new Map(prev.text.uscc.map((u, r) => [u, r]));

  it('is the CSV `npm run demo -- --previous` writes, headers of 2022', async () => {
    const csv = await readDataFile(path);
    expect(prevRaw.headers).toEqual(csv.headers);
    expect(prevRaw.headers).toContain('2022年度研发费用（万元）');
    expect(prevRaw.headers).toContain('2021年度研发费用（万元）');
    expect(prevRaw.rowNumbers).toEqual(csv.rowNumbers);
    for (let j = 0; j < csv.headers.length; j++)
      expect(
        Array.from({ length: csv.rowNumbers.length }, (_, i) => cellAt(prevRaw.columns[j], i)),
        csv.headers[j],
      ).toEqual(csv.columns[j]);
  });

  it('has no enterprise registered after 2022, and leaves out about 2% of the others', () => {
    const end = daysFromCivil(DEMO_PREVIOUS_YEAR, 12, 31);
    expect(Math.max(...prev.regDays)).toBeLessThanOrEqual(end);
    const eligible = cur.text.uscc.filter((_, r) => cur.regDays[r] <= end);
    const absent = eligible.filter((u) => !prevRow.has(u)).length;
    expect(cur.n - eligible.length).toBeGreaterThan(100); // registered in 2023: new this year
    expect(absent / eligible.length).toBeGreaterThan(0.01);
    expect(absent / eligible.length).toBeLessThan(0.03);
  });

  it('holds enterprises that have closed since: about one in 80, with codes this year lacks', () => {
    const closed = prev.text.uscc.filter((u) => !curRow.has(u));
    expect(closed.length / prev.n).toBeGreaterThan(0.008);
    expect(closed.length / prev.n).toBeLessThan(0.014);
  });

  it('takes a two-year fact from this year’s previous-year column, and clears no one', () => {
    let linked = 0;
    for (const [u, p] of prevRow) {
      const c = curRow.get(u);
      if (c === undefined) continue;
      linked++;
      for (const f of ['rd_expense', 'revenue', 'platforms', 'awards', 'projects', 'venture_capital']) {
        const want = cur.columns[`${f}_prev`][c];
        expect(Number.isNaN(want) ? Number.isNaN(prev.columns[f][p]) : prev.columns[f][p] === want, `${u} ${f}`).toBe(true);
      }
      for (const v of ['major_safety_accident', 'research_blacklist', 'dishonest_debtor']) expect(prev.columns[v][p] === 1).toBe(false);
    }
    expect(linked).toBeGreaterThan(0.9 * prev.n);
  });
});
