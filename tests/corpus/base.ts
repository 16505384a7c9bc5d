import { makeUscc } from '../../src/data/uscc.ts';
import { HEADERS } from '../fixtures/cli-dataset.ts';

/**
 * The building blocks of the bad-input corpus: the sample form's headers (evaluation year 2023,
 * as-of 2023-12-31; every column Sichuan-2024 needs) and five valid enterprises V[0..4]. Each
 * corpus file is this table with one kind of damage.
 */
export { HEADERS };

/** Valid codes (GB 32100-2015 check character computed). */
export const V = [1, 2, 3, 4, 5].map((k) => makeUscc(`91510100MA${String(k).padStart(7, '0')}`));
export const NAMES = ['甲科技有限公司', '乙创新股份公司', '丙电子有限公司', '丁新材料有限公司', '戊生物科技有限公司'];
export const DATES = ['2020-06-01', '2015-03-15', '2008-11-30', '2021-01-10', '2019-07-07'];
export const RD = ['120', '85.5', '300', '0', '42'];

const COL = Object.fromEntries(HEADERS.map((h, i) => [h, i]));
export const H = {
  uscc: '统一社会信用代码',
  name: '企业名称',
  reg: '注册日期',
  rd: '2023年度研发费用（万元）',
  rdPrev: '2022年度研发费用（万元）',
  tech: '截至2023年底科技人员数量',
  staff: '截至2023年底从业人员期末数',
  revenue: '2023年度营业收入',
  highTech: '2023年度高新技术产品收入',
  phone: '法定代表人手机',
  veto: '被纳入失信被执行人名单',
} as const;

/** One data row (all cells text), the enterprise k with optional overrides by header. */
export function row(k: number, over: Record<string, string> = {}): string[] {
  const r = HEADERS.map(() => '');
  r[COL[H.uscc]] = V[k];
  r[COL[H.name]] = NAMES[k];
  r[COL[H.reg]] = DATES[k];
  r[COL[H.rd]] = RD[k];
  r[COL[H.rdPrev]] = String(Number(RD[k]) / 2);
  r[COL[H.tech]] = String(10 + k);
  r[COL[H.staff]] = String(50 + 10 * k);
  r[COL[H.revenue]] = String(1000 + 500 * k);
  r[COL[H.phone]] = '13800000000';
  for (const [h, v] of Object.entries(over)) {
    if (!(h in COL)) throw new Error(`no column ${h}`);
    r[COL[h]] = v;
  }
  return r;
}

export const baseRows = (): string[][] => [0, 1, 2, 3, 4].map((k) => row(k));

export function csvField(v: string, delimiter = ','): string {
  return v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csv(rows: readonly (readonly string[])[], delimiter = ',', eol = '\n'): string {
  return rows.map((r) => r.map((c) => csvField(c, delimiter)).join(delimiter)).join(eol) + eol;
}

/** The base table as CSV text. */
export const baseCsv = (): string => csv([HEADERS, ...baseRows()]);
