import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/engine/calendar.ts';
import type { IndicatorSystem } from '../../src/engine/index.ts';
import { demoCsv } from '../../src/demo/generate.ts';
import { emptyFilters } from '../../src/segment/filters.ts';
import { composeWithStages, parseWithStages, stageBounds, stageCondition } from '../../src/segment/stage-filter.ts';
import { getSystem } from '../../src/systems/index.ts';
import { scoreCells } from '../cli/run-cli.ts';

const sichuan = getSystem('sichuan-2024') as IndicatorSystem;
const b = stageBounds(sichuan, { version: 1, systemId: sichuan.id }, daysFromCivil(2023, 12, 31));

describe('stage filter → registration-date condition', () => {
  // Sichuan at 2023-12-31 (scoring.md §2): 初创期 ≥ 2018-12-31, 成长期 ≥ 2013-12-31, 稳定期 before.
  it.each([
    [['initial'], "registration_date >= DATE '2018-12-31'"],
    [['growth'], "(registration_date >= DATE '2013-12-31' AND registration_date < DATE '2018-12-31')"],
    [['stable'], "registration_date < DATE '2013-12-31'"],
    [['initial', 'growth'], "registration_date >= DATE '2013-12-31'"],
    [['growth', 'stable'], "registration_date < DATE '2018-12-31'"],
    [['stable', 'initial'], "(registration_date >= DATE '2018-12-31' OR registration_date < DATE '2013-12-31')"],
    [['initial', 'growth', 'stable'], ''],
    [[], ''],
  ])('%j → %s', (stages, sql) => {
    expect(stageCondition(stages, b)).toBe(sql);
  });

  it('follows the as-of date (29 February → 28 February) and the scenario’s cut-offs', () => {
    const leap = stageBounds(sichuan, { version: 1, systemId: sichuan.id }, daysFromCivil(2024, 2, 29));
    expect(stageCondition(['initial'], leap)).toBe("registration_date >= DATE '2019-02-28'");
    const moved = stageBounds(sichuan, { version: 1, systemId: sichuan.id, stageCutoffs: { initial: 3 } }, daysFromCivil(2023, 12, 31));
    expect(stageCondition(['initial'], moved)).toBe("registration_date >= DATE '2020-12-31'");
  });

  it('reads every composed condition back, and nothing else', () => {
    const f = { ...emptyFilters(), city: ['成都市'] };
    for (const stages of [['initial'], ['growth'], ['stable'], ['initial', 'stable'], ['growth', 'stable']]) {
      expect(parseWithStages(composeWithStages(f, stages, b), b)).toEqual({ filters: f, stages });
      expect(parseWithStages(composeWithStages(emptyFilters(), stages, b), b)).toEqual({ filters: emptyFilters(), stages });
    }
    expect(parseWithStages("city = '成都市'", b)).toEqual({ filters: f, stages: [] });
    // Composed at another as-of date: not shown as stage picks.
    expect(parseWithStages("registration_date >= DATE '2018-12-30'", b)).toBeNull();
    expect(parseWithStages("registration_date >= DATE '2018-12-31' AND city = '成都市'", b)).toBeNull();
  });

  it('selects exactly the rows the CLI puts in each stage', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stage-filter-'));
    try {
      const input = join(dir, 'demo.csv');
      await writeFile(input, demoCsv({ rows: 2000, seed: 3 }));
      const rows = await scoreCells(join(dir, 'full.csv'), ['--system', 'sichuan-2024', '--input', input]);
      for (const stages of [['growth'], ['initial', 'stable']]) {
        const got = (await scoreCells(join(dir, `${stages.join('-')}.csv`), ['--system', 'sichuan-2024', '--input', input, '--segment', stageCondition(stages, b)])).map(
          (c) => c[0],
        );
        const want = rows.filter((c) => stages.includes(c[1])).map((c) => c[0]);
        expect(want.length).toBeGreaterThan(100);
        expect(got).toEqual(want);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
