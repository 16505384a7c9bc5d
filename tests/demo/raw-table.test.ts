import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/build-dataset.ts';
import { columnReads } from '../../src/data/column-reads.ts';
import { matchHeaders } from '../../src/data/header-match.ts';
import { readDataFile, readDataFileTyped } from '../../src/data/node/read-file.ts';
import { cellAt } from '../../src/data/raw-table.ts';
import { daysFromCivil } from '../../src/engine/calendar.ts';
import { demoRawTable } from '../../src/demo/raw-table.ts';
import { DEMO_EVALUATION_YEAR, demoCsv } from '../../src/demo/generate.ts';

/**
 * The demo built straight into a raw table (what the page scores without DuckDB) against the
 * demo CSV read by the CLI's native-DuckDB reader: the same cells, and the same dataset.
 */
const ROWS = 6000; // enough for every kind of defect the generator plants (defects.ts)
let dir: string;
let path: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-demo-'));
  path = join(dir, 'demo.csv');
  await writeFile(path, demoCsv({ rows: ROWS }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('demoRawTable', () => {
  it('holds the cells the CSV holds, row numbers included', async () => {
    const direct = demoRawTable({ rows: ROWS });
    const csv = await readDataFile(path);
    expect(direct.headers).toEqual(csv.headers);
    expect(direct.rowNumbers).toEqual(csv.rowNumbers);
    for (let j = 0; j < csv.headers.length; j++) {
      const cells = Array.from({ length: ROWS }, (_, i) => cellAt(direct.columns[j], i));
      expect(cells, csv.headers[j]).toEqual(csv.columns[j]);
    }
  });

  it('builds the same dataset as the CSV through the typed reader (values, exclusions, warnings)', async () => {
    const direct = demoRawTable({ rows: ROWS });
    const mapping = matchHeaders(direct.headers, { required: ['uscc', 'registration_date'], evalYear: DEMO_EVALUATION_YEAR });
    const csv = await readDataFileTyped(path, {}, (headers) => columnReads(matchHeaders(headers, { required: ['uscc', 'registration_date'], evalYear: DEMO_EVALUATION_YEAR })));
    const options = { asOfDays: daysFromCivil(DEMO_EVALUATION_YEAR, 12, 31), keepInvalidUscc: false };
    const a = buildDataset(direct, mapping, options);
    const b = buildDataset(csv, mapping, options);
    expect(a.n).toBe(b.n);
    expect(a.excluded.length).toBeGreaterThan(0); // the demo plants defects: the test sees them
    expect(a.excluded).toEqual(b.excluded);
    expect(a.warnings).toEqual(b.warnings);
    expect(a.text).toEqual(b.text);
    expect(Array.from(a.regDays)).toEqual(Array.from(b.regDays));
    expect(Object.keys(a.columns).sort()).toEqual(Object.keys(b.columns).sort());
    for (const k of Object.keys(a.columns)) expect(Array.from(a.columns[k]), k).toEqual(Array.from(b.columns[k]));
  });
});
