import { describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/data/uscc.ts';
import type { Explanation } from '../../src/engine/index.ts';
import type { ListEntry } from '../../src/whatif/lists/build-list.ts';
import { compareReference, referenceCodes } from '../../src/whatif/reference/reference-list.ts';

const U = (i: number) => makeUscc(`91510100MA${String(i).padStart(7, '0')}`);

describe('referenceCodes', () => {
  it('takes every USCC of a file whatever its column, once, and passes over names, headers and numbers', () => {
    const csv = `序号,企业名称,统一社会信用代码\n1,甲公司,${U(1)}\n2,乙公司, ${U(2).toLowerCase()} \n3,丙公司,${U(1)}\n4,丁,123456789012345678901\n5,戊,${U(3).slice(0, 17)}0`;
    const r = referenceCodes(csv);
    // U(3) with a wrong 18th character is kept (matched as written) and counted; 21 digits is no code.
    const wrong = `${U(3).slice(0, 17)}0` === U(3) ? [] : [`${U(3).slice(0, 17)}0`];
    expect(r.codes).toEqual([U(1), U(2), ...wrong]);
    expect(r.duplicates).toBe(1);
    expect(r.badCheck).toBe(wrong.length);
  });

  it('refuses the letters a USCC never has (I, O, S, V, Z)', () => {
    expect(referenceCodes('91510100MA0000000I').codes).toEqual([]);
    expect(referenceCodes('ABCDEFGHJKLMNPQRTU').codes).toEqual(['ABCDEFGHJKLMNPQRTU']);
  });
});

/** An explanation whose indicator points are `pts` (ids a, b, c) and bonus `bonus`. */
function ex(row: number, pts: number[], bonus = 0, vetoed = false): Explanation {
  return {
    row,
    stage: 0,
    indicators: pts.map((points, i) => ({ id: 'abc'[i], points }) as Explanation['indicators'][number]),
    base: pts.reduce((s, x) => s + x, 0),
    bonusItems: [{ id: 'bonus1', count: 1, active: true, points: bonus }],
    bonus,
    vetoes: [{ id: 'veto1', hit: vetoed, active: true }],
    vetoed,
    score: vetoed ? 0 : pts.reduce((s, x) => s + x, 0) + bonus,
  };
}

describe('compareReference', () => {
  // Six enterprises, two groups (stages g1, g2). Scores: r0 90, r1 80, r2 70 | r3 85, r4 60, r5 0 (vetoed).
  // The list: r0, r1 from g1 (cut-off r1 at 80) and r3 from g2 (cut-off r3 at 85).
  const usccs = [0, 1, 2, 3, 4, 5].map(U);
  const score = [90, 80, 70, 85, 60, 0];
  const rank = [1, 3, 4, 2, 5, 6];
  const vetoed = [0, 0, 0, 0, 0, 1];
  const group = ['g1', 'g1', 'g1', 'g2', 'g2', 'g2'];
  const entries: ListEntry[] = [
    { row: 0, group: 'g1', band: 1, bandId: '', rank: 1, scopeRank: 1, score: 90 },
    { row: 1, group: 'g1', band: 1, bandId: '', rank: 3, scopeRank: 2, score: 80 },
    { row: 3, group: 'g2', band: 1, bandId: '', rank: 2, scopeRank: 1, score: 85 },
  ];
  const exps: Record<number, Explanation> = {
    1: ex(1, [40, 30, 10]), // g1's cut-off
    2: ex(2, [45, 15, 8], 2), // behind on b by 15 and c by 2, ahead on a and the bonus
    3: ex(3, [50, 25, 10]), // g2's cut-off
    4: ex(4, [30, 20, 10]), // behind on a by 20 and b by 5
    5: ex(5, [50, 30, 9], 0, true), // vetoed: the veto is the first reason
  };
  const input = {
    usccs,
    entries,
    groupOf: (r: number) => group[r],
    rank,
    score,
    vetoed,
    explainRow: (r: number) => exps[r],
  };

  it('sorts the reference into both, added, dropped (with why) and missing, by hand', () => {
    const other = U(99);
    const res = compareReference({ ...input, codes: [U(1), U(2), U(5), other] });
    expect(res.found).toBe(3);
    expect(res.missing).toEqual([other]);
    expect(res.counts).toEqual({ both: 1, added: 2, dropped: 2, outside: 0 });
    expect(res.rows.map((x) => [x.row, x.status])).toEqual([
      [2, 'dropped'],
      [5, 'dropped'],
      [0, 'added'],
      [3, 'added'],
      [1, 'both'],
    ]);
    const r2 = res.rows[0];
    expect(r2.cutoffRow).toBe(1);
    // r2 − r1: a +5, b −15, c −2, bonus +2 → only where it is behind, most behind first.
    expect(r2.reasons.map((x) => [x.id, x.delta])).toEqual([
      ['b', -15],
      ['c', -2],
    ]);
    const r5 = res.rows[1];
    expect(r5.cutoffRow).toBe(3);
    expect(r5.vetoed).toBe(true);
    expect(r5.reasons[0]).toMatchObject({ kind: 'veto', id: 'veto1', delta: -85 });
    expect(r5.reasons.slice(1).map((x) => [x.id, x.delta])).toEqual([['c', -1]]);
  });

  it('puts reference enterprises outside the segment apart, not among the dropped', () => {
    const within = Uint8Array.from([1, 1, 0, 1, 1, 1]);
    const res = compareReference({ ...input, within, codes: [U(2), U(4)] });
    expect(res.counts).toEqual({ both: 0, added: 3, dropped: 1, outside: 1 });
    expect(res.rows.find((x) => x.row === 2)!.status).toBe('outside');
    expect(res.rows.find((x) => x.row === 4)!.status).toBe('dropped');
    expect(res.rows.find((x) => x.row === 4)!.reasons.map((x) => [x.id, x.delta])).toEqual([
      ['a', -20],
      ['b', -5],
    ]);
  });

  it('gives no reasons where the group let no one on', () => {
    const res = compareReference({ ...input, entries: entries.filter((e) => e.group === 'g1'), codes: [U(4)] });
    expect(res.rows.find((x) => x.row === 4)).toMatchObject({ status: 'dropped', cutoffRow: -1, reasons: [] });
  });
});

describe('readReferenceFile', () => {
  it('reads a UTF-16 CSV and every sheet of an XLSX; a file without codes is refused by name', async () => {
    const { readReferenceFile } = await import('../../src/whatif/reference/read-reference-file.ts');
    const utf16 = new Uint8Array(Buffer.from(`\uFEFF信用代码\t名称\r\n${U(7)}\t甲\r\n`, 'utf16le'));
    expect(await readReferenceFile(utf16, 'a.csv')).toEqual({ ok: true, codes: { codes: [U(7)], duplicates: 0, badCheck: 0 } });

    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('一').addRow(['代码', U(8)]);
    wb.addWorksheet('二').addRow([U(9), '乙']);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await readReferenceFile(xlsx, 'b.xlsx')).toEqual({ ok: true, codes: { codes: [U(8), U(9)], duplicates: 0, badCheck: 0 } });

    const none = await readReferenceFile(new TextEncoder().encode('名称\n甲\n'), 'c.csv');
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.zh).toBe('c.csv 中没有找到统一社会信用代码（18 位代码）：请检查文件是否为对照名单。');
  });
});
