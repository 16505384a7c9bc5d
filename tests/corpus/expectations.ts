import { V } from './base.ts';

/**
 * The exact outcome of every corpus file (tests/corpus/files/, written by scripts/make-corpus.ts)
 * under `--system sichuan-2024` (as-of 2023-12-31 from the headers), for the CLI and — where the
 * browser differs or adds something — for the workbench's import:
 * - `scored`: the codes of the scored rows (any order), or
 * - `error`: the one sentence the CLI prints after `error: ` (the browser shows the same reader
 *   errors; mapping errors appear there as missing required columns instead);
 * - `excluded`: the CLI's `excluded <row> <uscc> <reason>` lines, exactly;
 * - `warnings`: texts that must each occur in one CLI `warning` line (English messages);
 * - `report`: (browser) [code, row] pairs the validation report must list (row undefined = column).
 */
export interface Outcome {
  scored?: string[];
  error?: string;
  excluded?: string[];
  warnings?: string[];
  notes?: string[];
  /** The codes of the scored rows the output marks vetoed (checked when given). */
  vetoed?: string[];
}

export interface Expectation {
  file: string;
  what: string;
  cli: Outcome;
  browser?: Outcome & { report?: [string, number | undefined][] };
}

const ALL = [...V];
const but = (...k: number[]) => V.filter((_, i) => !k.includes(i));
const PHONE = 'note personal-data column "法定代表人手机" dropped (not read, not written)';
const RD_H = '2023年度研发费用（万元）';
const VETO = '被纳入失信被执行人名单';
const STRATEGIC = '主营业务属于重点支持的战略性新兴产业、未来产业';
const ok = (what: string, file: string, extra: Outcome = {}): Expectation => ({ file, what, cli: { scored: ALL, notes: [PHONE], ...extra } });

export const EXPECTATIONS: Expectation[] = [
  { file: 'empty.csv', what: 'a 0-byte file', cli: { error: 'empty.csv is empty: it has no header row and no data.' } },
  { file: 'whitespace-only.csv', what: 'only blanks and newlines', cli: { error: 'whitespace-only.csv is empty: it has no header row and no data.' } },
  { file: 'header-only.csv', what: 'a header and no data', cli: { error: 'header-only.csv has a header row but no data rows.' } },
  {
    file: 'wrong-delimiter.csv',
    what: 'fields separated by | (not , ; or tab): one column, nothing matches',
    cli: {
      error:
        'Required columns 统一社会信用代码 (uscc), 注册日期 (registration_date), 研发费用 (rd_expense) and 22 more are missing from wrong-delimiter.csv; add columns with those headers (the import template lists them all).',
    },
  },
  ok('semicolon-separated', 'semicolon.csv'),
  ok('tab-separated', 'tab-separated.tsv'),
  ok('UTF-8 with BOM and CRLF line ends', 'crlf-utf8-bom.csv'),
  { ...ok('GBK without BOM (detected as GB18030)', 'gbk-no-bom.csv'), browser: { scored: ALL } },
  ok('UTF-16 LE with BOM', 'utf16le-bom.csv'),
  { file: 'utf16le-no-bom.csv', what: 'UTF-16 without BOM: refused as binary', cli: { error: 'utf16le-no-bom.csv is not a CSV, XLSX or Parquet file (its content is binary).' } },
  { file: 'binary-renamed.csv', what: 'a PNG renamed .csv', cli: { error: 'binary-renamed.csv is not a CSV, XLSX or Parquet file (its content is binary).' } },
  {
    // Changed on purpose (issue 9, class 3): these rows were read padded / widened, i.e. shifted.
    file: 'ragged-rows.csv',
    what: 'two short rows and a long row: excluded, naming the row (never read shifted)',
    cli: {
      scored: [V[0], V[2]],
      notes: [PHONE],
      excluded: [`excluded 3 ${V[1]} cell count differs from header`, `excluded 5 ${V[3]} cell count differs from header`, `excluded 6 ${V[4]} cell count differs from header`],
    },
    browser: {
      scored: [V[0], V[2]],
      report: [
        ['cell-count', 3],
        ['cell-count', 5],
        ['cell-count', 6],
      ],
    },
  },
  {
    file: 'duplicate-headers-required.csv',
    what: 'two 研发费用 columns that differ: refused, naming both headers',
    cli: {
      error:
        'Columns "2023年度研发费用（万元）" and "2023年度研发费用（万元）" both match 研发费用 (rd_expense) but differ (first at row 2); delete or rename all but one of them.',
    },
  },
  {
    file: 'duplicate-headers-name.csv',
    what: 'two 企业名称 columns that differ: refused like any duplicated field (issue 9, class 4; was: both dropped with a note)',
    cli: { error: 'Columns "企业名称" and "企业名称" both match 企业名称 (name) but differ (first at row 2); delete or rename all but one of them.' },
  },
  ok('a title row above the header', 'title-row.csv'),
  ok('blank lines between and after rows', 'blank-lines.csv'),
  ok('dates written 2020/6/1, 2015年3月15日, 20081130, 44206 (serial), 2019.07.07', 'dates-mixed-text.csv'),
  ok('1,234.5 and 12,000 with thousands separators', 'thousands-separators.csv'),
  ok('full-width digits １２０', 'fullwidth-digits.csv'),
  ok('N/A, -, —, empty, 无 as missing (no warning)', 'missing-tokens.csv'),
  ok('1e308 is a number; 1e309 is not', 'huge-1e308.csv', { warnings: ['Row 3, column "2023年度研发费用（万元）": "1e309" is not a number and is treated as missing'] }),
  ok('-0 and -0.0 read as 0 without a negative warning', 'negative-zero.csv'),
  ok('a negative 研发费用 is kept with a warning', 'negative-values.csv', {
    warnings: ['Row 2, column "2023年度研发费用（万元）": "-5" is negative although this value cannot be'],
  }),
  ok('text in a number column', 'text-in-number.csv', { warnings: ['Row 2, column "2023年度研发费用（万元）": "约120万" is not a number and is treated as missing'] }),
  ok('科技人员 > 从业人员', 'staff-exceeds-employees.csv', { warnings: ['Row 2, column "截至2023年底科技人员数量": 500 is larger than column "截至2023年底从业人员期末数" (50)'] }),
  ok('高新技术产品收入 > 营业收入', 'high-tech-over-revenue.csv', { warnings: ['Row 2, column "2023年度高新技术产品收入": 5000 is larger than column "2023年度营业收入" (1000)'] }),
  {
    ...ok('研发费用 written in 元 (10,000× too large)', 'units-in-yuan.csv'),
    browser: { scored: ALL, report: [['unit-suspect', undefined]] },
  },
  {
    file: 'duplicate-uscc.csv',
    what: 'the same code in rows 2 and 7: both excluded',
    cli: { scored: but(0), excluded: [`excluded 2 ${V[0]} duplicate key`, `excluded 7 ${V[0]} duplicate key`] },
    browser: {
      scored: but(0),
      report: [
        ['duplicate-key', 2],
        ['duplicate-key', 7],
      ],
    },
  },
  {
    file: 'future-dates.csv',
    what: 'a registration date after the as-of date',
    cli: { scored: but(0), excluded: [`excluded 2 ${V[0]} registration_date after as-of date`] },
    browser: { scored: but(0), report: [['registration-date-future', 2]] },
  },
  {
    file: 'bad-uscc.csv',
    what: 'wrong check digit, empty, 15 characters, the letter I',
    cli: {
      scored: [V[4]],
      excluded: [
        `excluded 2 ${V[0].slice(0, 17)}0 uscc check digit wrong`,
        'excluded 3 - uscc missing',
        'excluded 4 91510100MA00003 uscc not 18 characters',
        'excluded 5 I1510100MA0000040X uscc invalid character',
      ],
    },
    browser: {
      scored: [V[4]],
      report: [
        ['uscc-check-digit', 2],
        ['uscc-missing', 3],
        ['uscc-length', 4],
        ['uscc-charset', 5],
      ],
    },
  },
  {
    file: 'bad-dates.csv',
    what: '2023-02-30, 不详, empty',
    cli: {
      scored: but(0, 1, 2),
      excluded: [`excluded 2 ${V[0]} registration_date unparseable`, `excluded 3 ${V[1]} registration_date unparseable`, `excluded 4 ${V[2]} registration_date missing`],
    },
  },
  {
    file: 'all-excluded.csv',
    what: 'every row registered in 2030',
    cli: {
      error: 'No row of all-excluded.csv could be scored: all 3 data rows were excluded (see the excluded lines above).',
      excluded: [0, 1, 2].map((k) => `excluded ${k + 2} ${V[k]} registration_date after as-of date`),
    },
  },
  {
    ...ok('法定代表人手机, 实际负责人姓名/邮箱 dropped', 'personal-columns.csv', {
      notes: [PHONE, 'note personal-data column "实际负责人姓名" dropped (not read, not written)', 'note personal-data column "实际负责人邮箱" dropped (not read, not written)'],
    }),
    browser: { scored: ALL },
  },
  ok('a quoted name with a line break (read serially: DuckDB reads quoted line breaks with parallel=false)', 'quoted-newlines.csv'),
  ok('a name that looks like a spreadsheet formula (kept as text)', 'formula-injection.csv'),
  {
    file: 'no-required-columns.csv',
    what: 'only the code and the name',
    cli: {
      error:
        'Required columns 注册日期 (registration_date), 研发费用 (rd_expense), 上年研发费用 (rd_expense_prev) and 21 more are missing from no-required-columns.csv; add columns with those headers (the import template lists them all).',
    },
  },
  { ...ok('XLSX with a merged title row, dates as date cells', 'title-merged.xlsx'), browser: { scored: ALL } },
  ok('formulas: cached results used, a cached 0 included (an uncalculated one: formula-no-cached-value.xlsx)', 'formulas.xlsx'),
  ok('XLSX dates as Excel serial numbers and as text', 'dates-serial.xlsx'),
  {
    file: 'two-sheets.xlsx',
    what: 'a notes sheet first (the CLI reads the first sheet; the browser lets the user choose)',
    cli: { error: 'two-sheets.xlsx has a header row but no data rows.' },
  },
  {
    file: 'not-a-workbook.xlsx',
    what: 'PK magic bytes but no zip',
    cli: { error: 'not-a-workbook.xlsx is not a readable XLSX workbook; open it in Excel or WPS and save it again as .xlsx.' },
  },
  ok('Parquet with DATE and DOUBLE columns', 'typed.parquet'),
  // Issue 9 (hostile files): each class and a neighbour.
  ok('a 400-digit 研发费用 is not a number (never +∞)', 'overflow-400-digits.csv', {
    warnings: [`Row 2, column "2023年度研发费用（万元）": "1${'0'.repeat(59)}…" is not a number and is treated as missing`],
  }),
  ok('an overflowing number written with thousands separators is not a number either', 'overflow-grouped.csv', {
    warnings: [`Row 2, column "2023年度营业收入": "${`1${',000'.repeat(103)}`.slice(0, 60)}…" is not a number and is treated as missing`],
  }),
  ok('line endings alternating LF and CRLF (DuckDB alone refuses it)', 'mixed-lf-crlf.csv'),
  ok('CR-only line endings (old Mac)', 'cr-only.csv'),
  {
    file: 'long-row-unquoted-comma.csv',
    what: 'an unquoted comma in a name: that row has one cell too many and is excluded, not shifted',
    cli: { scored: but(1), notes: [PHONE], excluded: [`excluded 3 ${V[1]} cell count differs from header`] },
    browser: { scored: but(1), report: [['cell-count', 3]] },
  },
  {
    file: 'short-row.csv',
    what: 'a row missing its last cell is excluded (a lost middle cell would look the same)',
    cli: { scored: but(1), notes: [PHONE], excluded: [`excluded 3 ${V[1]} cell count differs from header`] },
  },
  ok('a header ending in two empty cells: rows without them are fine', 'header-trailing-empties.csv'),
  {
    file: 'duplicate-veto-conflict.csv',
    what: 'the veto 被纳入失信被执行人名单 twice, differing: refused (it used to veto nobody)',
    cli: {
      error:
        'Columns "被纳入失信被执行人名单" and "被纳入失信被执行人名单" both match 被纳入失信被执行人名单 (dishonest_debtor) but differ (first at row 2); delete or rename all but one of them.',
    },
  },
  ok('研发费用 twice with identical cells: used once, with a note', 'duplicate-identical.csv', {
    notes: [
      PHONE,
      'note columns "2023年度研发费用（万元）" and "2023年度研发费用" all match 研发费用 (rd_expense) and are identical cell by cell; "2023年度研发费用（万元）" is used',
    ],
  }),
  ok('ZWSP/ZWJ around the veto header, BOM + soft hyphen in 研发费用, bidi marks around the code header: all matched, the veto applies', 'invisible-header-chars.csv', {
    vetoed: [V[1]],
  }),
  ok('NBSP and ideographic spaces inside headers', 'nbsp-headers.csv'),
  // Issue 9, the second half: neighbours of every class. Outcomes worked from data-model.md
  // (a cell is read as written or reported; empty = missing; a row whose cell count differs from
  // the header's is excluded; a duplicated field is refused unless identical), not from a run.
  // Class 1: every spelling of a number too large for a double is reported, never +∞.
  {
    ...ok('full-width １e400', 'overflow-fullwidth-exponent.csv', { warnings: [`Row 2, column "${RD_H}": "１e400" is not a number and is treated as missing`] }),
    browser: { scored: ALL, report: [['not-a-number', 2]] },
  },
  ok('-1e309 (overflow to −∞)', 'overflow-negative.csv', { warnings: [`Row 2, column "${RD_H}": "-1e309" is not a number and is treated as missing`] }),
  ok("'1' and 400 zeros with a decimal point", 'overflow-400-digits-decimal.csv', {
    warnings: [`Row 2, column "${RD_H}": "1${'0'.repeat(59)}…" is not a number and is treated as missing`],
  }),
  ok('401 full-width digits', 'overflow-fullwidth-digits.csv', {
    warnings: [`Row 2, column "2023年度营业收入": "１${'０'.repeat(59)}…" is not a number and is treated as missing`],
  }),
  ok('an overflowing number grouped with full-width commas', 'overflow-fullwidth-grouped.csv', {
    warnings: [`Row 2, column "2023年度营业收入": "${`1${'，000'.repeat(103)}`.slice(0, 60)}…" is not a number and is treated as missing`],
  }),
  ok('+1E309 in a count column', 'overflow-count-uppercase.csv', { warnings: ['Row 2, column "截至2023年底科技人员数量": "+1E309" is not a number and is treated as missing'] }),
  ok('the largest double is read; 1.8e308 is not a number', 'double-limit.csv', {
    warnings: ['Row 3, column "2023年度营业收入": "1.8e308" is not a number and is treated as missing'],
  }),
  ok('amounts written with 万 / 亿 (the parser reads no units): reported, never scaled silently', 'units-wan-yi.csv', {
    warnings: [`Row 2, column "${RD_H}": "120万" is not a number and is treated as missing`, 'Row 3, column "2023年度营业收入": "1.5亿" is not a number and is treated as missing'],
  }),
  ok('XLSX: a 400-digit text cell', 'xlsx-overflow-text.xlsx', { warnings: [`Row 2, column "${RD_H}": "${'9'.repeat(60)}…" is not a number and is treated as missing`] }),
  // Class 2: a formula is its cached value, whatever it is; an error or no value is reported.
  ok('XLSX formulas cached as strings (a number as text, a name)', 'formula-cached-string.xlsx'),
  // Changed on purpose: cached errors were read as empty cells (a silently missing value).
  {
    ...ok('XLSX formulas cached as #DIV/0! and #REF!, a plain #VALUE! cell: each reported', 'formula-cached-error.xlsx', {
      warnings: [
        `Row 2, column "${RD_H}": "#DIV/0!" is not a number and is treated as missing`,
        'Row 3, column "2023年度营业收入": "#REF!" is not a number and is treated as missing',
        'Row 4, column "截至2023年底科技人员数量": "#VALUE!" is not a number and is treated as missing',
      ],
    }),
    browser: {
      scored: ALL,
      report: [
        ['not-a-number', 2],
        ['not-a-number', 3],
        ['not-a-number', 4],
      ],
    },
  },
  ok('an XLSX formula never calculated: reported, quoting the formula', 'formula-no-cached-value.xlsx', {
    warnings: [`Row 2, column "${RD_H}": "=60*2" is not a number and is treated as missing`],
  }),
  ok('the veto as formulas cached TRUE / FALSE', 'formula-cached-bool-veto.xlsx', { vetoed: [V[1]] }),
  // Class 3: row widths, XLSX and CSV.
  {
    file: 'xlsx-value-beyond-header.xlsx',
    what: 'XLSX: a value beyond the last header is excluded (pasted one column off); a blank there is not a value',
    cli: { scored: but(1), notes: [PHONE], excluded: [`excluded 3 ${V[1]} cell count differs from header`] },
    browser: { scored: but(1), report: [['cell-count', 3]] },
  },
  ok('XLSX: a row holding only its first three cells (absent cells are empty; nothing can shift)', 'xlsx-short-row.xlsx'),
  ok('a quoted comma in a name: one cell, not two', 'long-row-quoted-comma.csv'),
  {
    file: 'long-row-trailing-empty.csv',
    what: 'a row with one extra (empty) cell: its cell count differs from the header, excluded',
    cli: { scored: but(1), notes: [PHONE], excluded: [`excluded 3 ${V[1]} cell count differs from header`] },
  },
  ok('trailing empty cells under empty headers, written or left out', 'trailing-empties-under-empty-headers.csv'),
  {
    file: 'semicolon-long-row.csv',
    what: 'semicolon-separated, an unquoted ; in a name: that row is excluded, not shifted',
    cli: { scored: but(1), notes: [PHONE], excluded: [`excluded 3 ${V[1]} cell count differs from header`] },
  },
  // Class 4: duplicated fields, optional, veto and unused ones too.
  ok('an optional (bonus) field twice, identical: used once with a note', 'duplicate-optional-identical.csv', {
    notes: [PHONE, `note columns "${STRATEGIC}" and "战略性新兴产业、未来产业" all match ${STRATEGIC} (strategic_industry) and are identical cell by cell; "${STRATEGIC}" is used`],
  }),
  {
    file: 'duplicate-optional-conflict.csv',
    what: 'an optional (bonus) field twice, differing: refused',
    cli: { error: `Columns "${STRATEGIC}" and "${STRATEGIC}" both match ${STRATEGIC} (strategic_industry) but differ (first at row 2); delete or rename all but one of them.` },
  },
  ok('the veto twice (header and alias), identical: used once, the veto applies', 'duplicate-veto-identical.csv', {
    notes: [PHONE, `note columns "${VETO}" and "失信被执行人" all match ${VETO} (dishonest_debtor) and are identical cell by cell; "${VETO}" is used`],
    vetoed: [V[1]],
  }),
  {
    file: 'duplicate-veto-id-header.csv',
    what: 'the veto as its Chinese header and as its id, differing at row 5: refused',
    cli: { error: `Columns "${VETO}" and "dishonest_debtor" both match ${VETO} (dishonest_debtor) but differ (first at row 5); delete or rename all but one of them.` },
    browser: { error: `「${VETO}」和「dishonest_debtor」都对应字段「${VETO}」但内容不同（第 5 行起）；请只保留其中一列（删除或改名其余各列）。` },
  },
  // Not refused by the CLI: it reads only the fields the system scores (run-score.ts
  // onlyUsedFields), so a column Sichuan-2024 never reads cannot change a score and is not compared.
  ok('a field Sichuan-2024 does not read (注册资本) twice, differing: not read, so not compared', 'duplicate-unused-field.csv'),
  {
    file: 'duplicate-empty-vs-value.csv',
    what: '研发费用 twice, one cell empty in one column only: not identical, refused',
    cli: { error: `Columns "${RD_H}" and "研发费用" both match 研发费用 (rd_expense) but differ (first at row 4); delete or rename all but one of them.` },
  },
  ok('研发费用 three times, identical but for surrounding blanks', 'duplicate-three-identical.csv', {
    notes: [PHONE, `note columns "${RD_H}" and "研发费用" and "rd_expense" all match 研发费用 (rd_expense) and are identical cell by cell; "${RD_H}" is used`],
  }),
  // Class 5: every invisible character class in the veto header (a miss would veto nobody).
  ...(
    [
      ['ZERO WIDTH SPACE', 'invisible-zwsp.csv'],
      ['ZERO WIDTH JOINER', 'invisible-zwj.csv'],
      ['ZERO WIDTH NON-JOINER', 'invisible-zwnj.csv'],
      ['WORD JOINER', 'invisible-word-joiner.csv'],
      ['a BOM inside the cell', 'invisible-bom-mid-cell.csv'],
      ['SOFT HYPHEN', 'invisible-soft-hyphen.csv'],
      ['LRM before, RLM inside', 'invisible-lrm-rlm.csv'],
      ['LRE … PDF around', 'invisible-lre-pdf.csv'],
      ['LRI … PDI around', 'invisible-lri-pdi.csv'],
      ['NO-BREAK SPACE inside', 'invisible-nbsp.csv'],
      ['NARROW NO-BREAK SPACE inside', 'invisible-narrow-nbsp.csv'],
      ['IDEOGRAPHIC SPACEs around and inside', 'invisible-ideographic-space.csv'],
    ] as const
  ).map(([what, file]) => ok(`veto header with ${what}: matched, the veto applies`, file, { vetoed: [V[1]] })),
  ok('a zero-width space inside a number cell: reported (cells are not cleaned like headers)', 'invisible-in-number-cell.csv', {
    warnings: [`Row 2, column "${RD_H}": "12\u200B0" is not a number and is treated as missing`],
  }),
  // Class 6: line endings.
  ok('CR, LF and CRLF in turn', 'mixed-cr-lf-crlf.csv'),
  ok('CRLF and LF in turn, no line end after the last row', 'mixed-endings-no-final-eol.csv'),
  ok('LF and CRLF in turn, a quoted CRLF inside a name', 'mixed-endings-quoted-break.csv'),
  ok('UTF-16 LE with BOM, CRLF and LF in turn', 'utf16le-mixed-endings.csv'),
  ok('UTF-16 BE with BOM, LF, CRLF and CR in turn', 'utf16be-mixed-endings.csv'),
  ok('GBK, LF and CRLF in turn', 'gbk-mixed-endings.csv'),
  ok('GBK, CR-only line ends', 'gbk-cr-only.csv'),
  {
    file: 'records.json',
    what: 'a JSON array of objects: read by the workbench only',
    cli: { error: 'records.json could not be read as CSV; save it as comma-, semicolon- or tab-separated text (UTF-8 or GBK), or as .xlsx.' },
    browser: { scored: ALL },
  },
];
