import { encodeGbk } from '../fixtures/gbk-encode.ts';
import { baseCsv, baseRows, csv, H, HEADERS, NAMES, RD, row, V } from './base.ts';

/**
 * The text files of the bad-input corpus, by name: each the base table (base.ts) with one kind of
 * damage. scripts/make-corpus.ts writes them (and the XLSX/Parquet ones) to tests/corpus/files/.
 */
const utf16le = (text: string, bom: boolean): Uint8Array => {
  const body = (bom ? '\uFEFF' : '') + text;
  const out = new Uint8Array(body.length * 2);
  for (let i = 0; i < body.length; i++) {
    out[2 * i] = body.charCodeAt(i) & 0xff;
    out[2 * i + 1] = body.charCodeAt(i) >> 8;
  }
  return out;
};
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const utf16be = (text: string): Uint8Array => {
  const le = utf16le(text, true);
  const out = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) [out[i], out[i + 1]] = [le[i + 1], le[i]];
  return out;
};
/** The base table with line ends cycling through `eols` (the header ends with the first). */
const cycled = (eols: string[], rows = [HEADERS, ...baseRows()]): string => rows.map((r, i) => csv([r], ',', eols[i % eols.length])).join('');
/** The veto header spelled with invisible characters; V[1] vetoed (a silent miss would veto nobody). */
const vetoSpelled = (header: string): string => csv([HEADERS.map((h) => (h === H.veto ? header : h)), ...baseRows().map((r, k) => (k === 1 ? row(1, { [H.veto]: '是' }) : r))]);
const mid = (ch: string) => `被纳入失信${ch}被执行人名单`;
const withCol = (header: string, cell: (k: number) => string) => csv([[...HEADERS, header], ...baseRows().map((r, k) => [...r, cell(k)])]);
const with0 = (over: Record<string, string>, k = 0) => [HEADERS, ...baseRows().map((r, i) => (i === k ? row(i, over) : r))];

export function textCorpus(): Record<string, string | Uint8Array> {
  return {
    'empty.csv': '',
    'whitespace-only.csv': '  \n\n \n',
    'header-only.csv': csv([HEADERS]),
    'wrong-delimiter.csv': csv([HEADERS, ...baseRows()], '|'),
    'semicolon.csv': csv([HEADERS, ...baseRows()], ';'),
    'tab-separated.tsv': csv([HEADERS, ...baseRows()], '\t'),
    'crlf-utf8-bom.csv': '\uFEFF' + csv([HEADERS, ...baseRows()], ',', '\r\n'),
    'gbk-no-bom.csv': encodeGbk(baseCsv()),
    'utf16le-bom.csv': utf16le(baseCsv(), true),
    'utf16le-no-bom.csv': utf16le(baseCsv(), false),
    'binary-renamed.csv': PNG,
    'ragged-rows.csv': [csv([HEADERS]), csv([row(0), row(1).slice(0, 12), row(2), row(3).slice(0, 5), [...row(4), 'extra', 'cells']])].join(''),
    'duplicate-headers-required.csv': csv([[...HEADERS, H.rd], ...baseRows().map((r) => [...r, '1'])]),
    'duplicate-headers-name.csv': csv([[...HEADERS, H.name], ...baseRows().map((r) => [...r, '别名'])]),
    'title-row.csv': csv([['创新积分制数据样表（2023年度）'], HEADERS, ...baseRows()]),
    'blank-lines.csv': csv([HEADERS, row(0), [], row(1), row(2), [], [], row(3), row(4), [], []]),
    'dates-mixed-text.csv': csv([
      HEADERS,
      row(0, { [H.reg]: '2020/6/1' }),
      row(1, { [H.reg]: '2015年3月15日' }),
      row(2, { [H.reg]: '20081130' }),
      row(3, { [H.reg]: '44206' }),
      row(4, { [H.reg]: '2019.07.07' }),
    ]),
    'thousands-separators.csv': csv(with0({ [H.rd]: '1,234.5', [H.revenue]: '12,000' })),
    'fullwidth-digits.csv': csv(with0({ [H.rd]: '１２０', [H.tech]: '１０' })),
    'missing-tokens.csv': csv([HEADERS, row(0, { [H.rd]: 'N/A' }), row(1, { [H.rd]: '-' }), row(2, { [H.rd]: '—' }), row(3, { [H.rd]: '' }), row(4, { [H.rd]: '无' })]),
    'huge-1e308.csv': csv([HEADERS, row(0, { [H.rd]: '1e308' }), row(1, { [H.rd]: '1e309' }), row(2), row(3), row(4)]),
    'negative-zero.csv': csv(with0({ [H.rd]: '-0', [H.rdPrev]: '-0.0' })),
    'negative-values.csv': csv(with0({ [H.rd]: '-5' })),
    'text-in-number.csv': csv(with0({ [H.rd]: '约120万' })),
    'staff-exceeds-employees.csv': csv(with0({ [H.tech]: '500', [H.staff]: '50' })),
    'high-tech-over-revenue.csv': csv(with0({ [H.highTech]: '5000', [H.revenue]: '1000' })),
    'units-in-yuan.csv': csv([HEADERS, ...[0, 1, 2, 3, 4].map((k) => row(k, { [H.rd]: String((k + 1) * 1_000_000) }))]),
    'duplicate-uscc.csv': csv([HEADERS, ...baseRows(), row(0, { [H.name]: '甲科技有限公司（重复）' })]),
    'future-dates.csv': csv([HEADERS, row(0, { [H.reg]: '2024-01-01' }), row(1), row(2), row(3), row(4)]),
    'bad-uscc.csv': csv([
      HEADERS,
      row(0, { [H.uscc]: V[0].slice(0, 17) + (V[0][17] === '0' ? '1' : '0') }),
      row(1, { [H.uscc]: '' }),
      row(2, { [H.uscc]: '91510100MA00003' }),
      row(3, { [H.uscc]: 'I1510100MA0000040' + 'X' }),
      row(4),
    ]),
    'bad-dates.csv': csv([HEADERS, row(0, { [H.reg]: '2023-02-30' }), row(1, { [H.reg]: '不详' }), row(2, { [H.reg]: '' }), row(3), row(4)]),
    'all-excluded.csv': csv([HEADERS, ...[0, 1, 2].map((k) => row(k, { [H.reg]: '2030-01-01' }))]),
    'personal-columns.csv': csv([[...HEADERS, '实际负责人姓名', '实际负责人邮箱'], ...baseRows().map((r) => [...r, '张三', 'a@b.cn'])]),
    'quoted-newlines.csv': csv(with0({ [H.name]: '甲科技\n"有限"公司, 成都' })),
    'formula-injection.csv': csv(with0({ [H.name]: '=HYPERLINK("http://x","点我")' })),
    'no-required-columns.csv': csv([
      [H.uscc, H.name],
      [V[0], NAMES[0]],
    ]),
    // Issue 9 (hostile files), one case per class and neighbours:
    'overflow-400-digits.csv': csv([HEADERS, row(0, { [H.rd]: `1${'0'.repeat(400)}` }), row(1), row(2), row(3), row(4)]),
    'overflow-grouped.csv': csv([HEADERS, row(0, { [H.revenue]: `1${',000'.repeat(103)}` }), row(1), row(2), row(3), row(4)]),
    'mixed-lf-crlf.csv': baseRows().reduce((text, r, i) => text + csv([r], ',', i % 2 ? '\r\n' : '\n'), csv([HEADERS])),
    'cr-only.csv': csv([HEADERS, ...baseRows()], ',', '\r'),
    'long-row-unquoted-comma.csv': [csv([HEADERS, row(0)]), csv([row(1)]).replace(NAMES[1], `${NAMES[1]},成都`), csv([row(2), row(3), row(4)])].join(''),
    'short-row.csv': csv([HEADERS, row(0), row(1).slice(0, -1), row(2), row(3), row(4)]),
    'header-trailing-empties.csv': csv([[...HEADERS, '', ''], ...baseRows()]),
    'duplicate-veto-conflict.csv': csv([[...HEADERS, H.veto], ...baseRows().map((r, k) => [...r, k === 1 ? '是' : '否'])]),
    'duplicate-identical.csv': csv([[...HEADERS, '2023年度研发费用'], ...baseRows().map((r) => [...r, r[HEADERS.indexOf(H.rd)]])]),
    'invisible-header-chars.csv': csv([
      HEADERS.map((h) => (h === H.veto ? `\u200B${h}\u200D` : h === H.rd ? `\uFEFF${h}\u00AD` : h === H.uscc ? `\u202A${h}\u202C` : h)),
      ...baseRows().map((r, k) => (k === 1 ? row(1, { [H.veto]: '是' }) : r)),
    ]),
    'nbsp-headers.csv': csv([HEADERS.map((h) => (h === H.reg ? `注册\u00A0日期` : h === H.revenue ? `2023年度\u3000营业收入` : h)), ...baseRows()]),
    // Issue 9, the second half of the corpus (classes and neighbours).
    // Class 1, overflow in other spellings:
    'overflow-fullwidth-exponent.csv': csv(with0({ [H.rd]: '１e400' })),
    'overflow-negative.csv': csv(with0({ [H.rd]: '-1e309' })),
    'overflow-400-digits-decimal.csv': csv(with0({ [H.rd]: `1${'0'.repeat(400)}.5` })),
    'overflow-fullwidth-digits.csv': csv(with0({ [H.revenue]: `１${'０'.repeat(400)}` })),
    'overflow-fullwidth-grouped.csv': csv(with0({ [H.revenue]: `1${'，000'.repeat(103)}` })),
    'overflow-count-uppercase.csv': csv(with0({ [H.tech]: '+1E309' })),
    'double-limit.csv': csv([HEADERS, row(0, { [H.revenue]: '1.7976931348623157e308' }), row(1, { [H.revenue]: '1.8e308' }), row(2), row(3), row(4)]),
    'units-wan-yi.csv': csv([HEADERS, row(0, { [H.rd]: '120万' }), row(1, { [H.revenue]: '1.5亿' }), row(2), row(3), row(4)]),
    // Class 3, row widths (CSV):
    'long-row-quoted-comma.csv': csv(with0({ [H.name]: '甲科技有限公司,成都' })),
    'long-row-trailing-empty.csv': csv([HEADERS, row(0), [...row(1), ''], row(2), row(3), row(4)]),
    'trailing-empties-under-empty-headers.csv': csv([[...HEADERS, '', ''], [...row(0), '', ''], [...row(1), ''], row(2), [...row(3), '', ''], row(4)]),
    'semicolon-long-row.csv': [csv([HEADERS, row(0)], ';'), csv([row(1)], ';').replace(NAMES[1], `${NAMES[1]};成都`), csv([row(2), row(3), row(4)], ';')].join(''),
    // Class 4, duplicated fields (optional, veto, an unused field):
    'duplicate-optional-identical.csv': csv([
      [...HEADERS, '战略性新兴产业、未来产业'],
      ...baseRows().map((r, k) => {
        const v = k === 2 ? '是' : '否';
        return [...r.map((c, j) => (HEADERS[j] === '主营业务属于重点支持的战略性新兴产业、未来产业' ? v : c)), v];
      }),
    ]),
    'duplicate-optional-conflict.csv': withCol('主营业务属于重点支持的战略性新兴产业、未来产业', (k) => (k === 2 ? '是' : '否')),
    'duplicate-veto-identical.csv': csv([[...HEADERS, '失信被执行人'], ...baseRows().map((r, k) => (k === 1 ? [...row(1, { [H.veto]: '是' }), '是'] : [...r, '']))]),
    'duplicate-veto-id-header.csv': csv([[...HEADERS, 'dishonest_debtor'], ...baseRows().map((r, k) => (k === 3 ? [...r, '1'] : [...r, '']))]),
    'duplicate-unused-field.csv': csv([[...HEADERS, '注册资本（万元）', '注册资金'], ...baseRows().map((r, k) => [...r, '100', k === 4 ? '200' : '100'])]),
    'duplicate-empty-vs-value.csv': csv([[...HEADERS, '研发费用'], ...baseRows().map((r, k) => [...r, k === 2 ? '' : RD[k]])]),
    'duplicate-three-identical.csv': csv([[...HEADERS, '研发费用', 'rd_expense'], ...baseRows().map((r, k) => [...r, ` ${RD[k]} `, RD[k]])]),
    // Class 5, one file per invisible character class, in the veto header:
    'invisible-zwsp.csv': vetoSpelled(mid('\u200B')),
    'invisible-zwj.csv': vetoSpelled(mid('\u200D')),
    'invisible-zwnj.csv': vetoSpelled(mid('\u200C')),
    'invisible-word-joiner.csv': vetoSpelled(mid('\u2060')),
    'invisible-bom-mid-cell.csv': vetoSpelled(mid('\uFEFF')),
    'invisible-soft-hyphen.csv': vetoSpelled(mid('\u00AD')),
    'invisible-lrm-rlm.csv': vetoSpelled(`\u200E${mid('\u200F')}`),
    'invisible-lre-pdf.csv': vetoSpelled(`\u202A${H.veto}\u202C`),
    'invisible-lri-pdi.csv': vetoSpelled(`\u2066${H.veto}\u2069`),
    'invisible-nbsp.csv': vetoSpelled(mid('\u00A0')),
    'invisible-narrow-nbsp.csv': vetoSpelled(mid('\u202F')),
    'invisible-ideographic-space.csv': vetoSpelled(`\u3000${mid('\u3000')}\u3000`),
    'invisible-in-number-cell.csv': csv(with0({ [H.rd]: '12\u200B0' })),
    // Class 6, line endings:
    'mixed-cr-lf-crlf.csv': cycled(['\r', '\n', '\r\n']),
    'mixed-endings-no-final-eol.csv': cycled(['\r\n', '\n']).slice(0, -1),
    'mixed-endings-quoted-break.csv': cycled(['\n', '\r\n'], with0({ [H.name]: '甲科技\r\n有限公司' })),
    'utf16le-mixed-endings.csv': utf16le(cycled(['\r\n', '\n']), true),
    'utf16be-mixed-endings.csv': utf16be(cycled(['\n', '\r\n', '\r'])),
    'gbk-mixed-endings.csv': encodeGbk(cycled(['\n', '\r\n'])),
    'gbk-cr-only.csv': encodeGbk(csv([HEADERS, ...baseRows()], ',', '\r')),
    'records.json': JSON.stringify(baseRows().map((r) => Object.fromEntries(HEADERS.map((h, j) => [h, r[j]])))),
  };
}
