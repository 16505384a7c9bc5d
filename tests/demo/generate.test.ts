import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/build-dataset.ts';
import { matchHeaders } from '../../src/data/header-match.ts';
import { rawTableFromRows } from '../../src/data/raw-table.ts';
import { isValidUscc } from '../../src/data/uscc.ts';
import { daysFromCivil } from '../../src/engine/index.ts';
import { demoCsv, demoHeaderLine, demoRecords } from '../../src/demo/generate.ts';
import { MARKUP_NAMES } from '../../src/demo/names.ts';
import { formatNumber } from '../../src/demo/csv.ts';

/** A small RFC 4180 reader for the test (the product reads CSV with DuckDB). */
function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell === '' ? null : cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell === '' ? null : cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

describe('demo generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(demoCsv({ rows: 500 })).toBe(demoCsv({ rows: 500 }));
    expect(demoCsv({ rows: 500, seed: 1 })).not.toBe(demoCsv({ rows: 500 }));
  });

  it('writes headers that the shared mapping recognises, every one', () => {
    const headers = demoHeaderLine().trim().split(',');
    const m = matchHeaders(headers);
    expect(m.unmatched).toEqual([]);
    expect(m.ambiguous).toEqual([]);
    expect(m.evalYear).toBe(2023);
    expect(Object.keys(m.fields)).toHaveLength(headers.length);
  });

  it('gives valid codes except the planned defects, which the validation excludes with reasons', () => {
    const rows = parseCsv(demoCsv({ rows: 3000 }));
    const raw = rawTableFromRows(rows, { format: 'csv' });
    const mapping = matchHeaders(raw.headers);
    const ds = buildDataset(raw, mapping, { asOfDays: daysFromCivil(2023, 12, 31) });
    const reasons = ds.excluded.map((e) => e.reason).sort();
    expect(reasons).toEqual(
      [
        ...Array(6).fill('duplicate-key'),
        'registration-date-future',
        'registration-date-future',
        'registration-date-future',
        'registration-date-missing',
        ...Array(4).fill('uscc-check-digit'),
        'uscc-length',
      ].sort(),
    );
    expect(ds.n).toBe(3000 - 15);
    expect(ds.text.uscc.every(isValidUscc)).toBe(true);
    for (const name of MARKUP_NAMES) expect(ds.text.name).toContain(name);
  });

  it('has realistic shapes: stage mix, zero-inflated counts, missing cells, zero denominators, vetoes', () => {
    const recs = [...demoRecords({ rows: 5000 })];
    const share = (f: (r: (typeof recs)[number]) => boolean) => recs.filter(f).length / recs.length;
    expect(share((r) => r.pct_applications === 0)).toBeGreaterThan(0.7);
    expect(share((r) => r.invention_applications === 0)).toBeGreaterThan(0.3);
    expect(share((r) => r.revenue === 0)).toBeGreaterThan(0.005);
    expect(share((r) => Object.values(r).some((v) => v === null))).toBeGreaterThan(0.03);
    expect(share((r) => r.dishonest_debtor === '是' || r.major_safety_accident === '是' || r.research_blacklist === '是')).toBeGreaterThan(0.003);
    expect(new Set(recs.map((r) => r.tech_field)).size).toBe(9);
    expect(new Set(recs.map((r) => r.city)).size).toBeGreaterThanOrEqual(8);
    const years = recs.map((r) => Number(String(r.registration_date).slice(0, 4))).filter((y) => y > 1900);
    expect(years.filter((y) => y >= 2019).length / years.length).toBeGreaterThan(0.25);
    expect(years.filter((y) => y < 2013).length / years.length).toBeGreaterThan(0.15);
  });

  it('formats numbers as plain decimals', () => {
    expect([725.43, 725.4, 725, 0.05, -0.05, -44.61, 123.456, -0.001].map(formatNumber)).toEqual(['725.43', '725.4', '725', '0.05', '-0.05', '-44.61', '123.46', '0']);
  });
});
