import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, HEADERS, row, V } from '../corpus/base.ts';
import { readOutput, runCli, stderrLines } from './run-cli.ts';

/** Issue 9 through the real CLI: duplicated fields (class 4) and --verbose details (class 7). */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const VETO = '近3年发生重大安全事故';
async function score(name: string, content: string, extra: string[] = []) {
  const input = join(dir, name);
  await writeFile(input, content);
  const output = join(dir, `${name}.out.csv`);
  return { r: await runCli(['--system', 'sichuan-2024', '--input', input, '--output', output, ...extra]), output };
}
const withColumns = (heads: string[], cells: (k: number) => string[]) => csv([[...HEADERS, ...heads], ...[0, 1, 2, 3, 4].map((k) => [...row(k), ...cells(k)])]);

describe('CLI: a field on two columns', () => {
  it('two veto columns that differ: refused with one sentence naming both headers', async () => {
    const { r } = await score(
      'veto-conflict.csv',
      withColumns([VETO, '是否发生重大安全事故'], (k) => ['否', k === 2 ? '是' : '否']),
    );
    expect(r.code).not.toBe(0);
    expect(stderrLines(r, 'error: ')).toEqual([
      `error: Columns "${VETO}" and "是否发生重大安全事故" both match ${VETO} (major_safety_accident) but differ (first at row 4); delete or rename all but one of them.`,
    ]);
  });

  it('two identical number columns (read by the typed reader): used once, with a note', async () => {
    const { r, output } = await score(
      'same-rd.csv',
      withColumns(['2023年度研发费用'], (k) => [['120', '85.5', '300', '0', '42'][k]]),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(stderrLines(r, 'note columns')).toEqual([
      'note columns "2023年度研发费用（万元）" and "2023年度研发费用" all match 研发费用 (rd_expense) and are identical cell by cell; "2023年度研发费用（万元）" is used',
    ]);
    expect((await readOutput(output)).rows.map((x) => x.uscc).sort()).toEqual([...V].sort());
  });
});

describe('CLI: refusals are one sentence; --verbose adds the details', () => {
  const FEW = csv([
    ['统一社会信用代码', '企业名称'],
    [V[0], '甲'],
  ]);
  it('without --verbose: only the sentence', async () => {
    const { r } = await score('few.csv', FEW);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].length).toBeLessThan(260);
  });
  it('with --verbose: the full list of missing fields follows', async () => {
    const { r } = await score('few-verbose.csv', FEW, ['--verbose']);
    const details = stderrLines(r, 'details: ');
    expect(details).toHaveLength(1);
    expect(details[0]).toContain('营业收入 (revenue)');
    expect(details[0]).toContain('获得风险投资金额 (venture_capital)');
  });

  it('a broken XLSX: no internal text in the sentence; --verbose shows it', async () => {
    const broken = 'PK\u0003\u0004 not really a zip';
    const plain = (await score('broken.xlsx', broken)).r;
    expect(stderrLines(plain, 'error: ')).toEqual(['error: broken.xlsx is not a readable XLSX workbook; open it in Excel or WPS and save it again as .xlsx.']);
    expect(plain.stderr).not.toContain('details:');
    const verbose = (await score('broken-v.xlsx', broken, ['--verbose'])).r;
    expect(stderrLines(verbose, 'details: ')).toEqual(["details: internal error: Corrupted zip: can't find end of central directory"]);
  });
});
