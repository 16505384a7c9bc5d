/**
 * Writes the bad-input corpus into tests/corpus/files/ (committed; small files only). The 50 MB
 * file is generated at test time (tests/corpus/large.ts). Run: node --import tsx scripts/make-corpus.ts
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  datesSerialXlsx,
  formulaCachedBoolXlsx,
  formulaCachedErrorXlsx,
  formulaCachedStringXlsx,
  formulaNoCacheXlsx,
  formulasXlsx,
  notAWorkbook,
  titleMergedXlsx,
  twoSheetsXlsx,
  typedParquet,
  xlsxBeyondHeader,
  xlsxOverflowText,
  xlsxShortRow,
} from '../tests/corpus/binary-files.ts';
import { textCorpus } from '../tests/corpus/corpus-files.ts';

const dir = resolve(import.meta.dirname, '../tests/corpus/files');
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
for (const [name, content] of Object.entries(textCorpus())) await writeFile(join(dir, name), content);
await writeFile(join(dir, 'title-merged.xlsx'), await titleMergedXlsx());
await writeFile(join(dir, 'formulas.xlsx'), await formulasXlsx());
await writeFile(join(dir, 'dates-serial.xlsx'), await datesSerialXlsx());
await writeFile(join(dir, 'two-sheets.xlsx'), await twoSheetsXlsx());
await writeFile(join(dir, 'not-a-workbook.xlsx'), notAWorkbook());
await writeFile(join(dir, 'formula-cached-string.xlsx'), await formulaCachedStringXlsx());
await writeFile(join(dir, 'formula-cached-error.xlsx'), await formulaCachedErrorXlsx());
await writeFile(join(dir, 'formula-no-cached-value.xlsx'), await formulaNoCacheXlsx());
await writeFile(join(dir, 'formula-cached-bool-veto.xlsx'), await formulaCachedBoolXlsx());
await writeFile(join(dir, 'xlsx-value-beyond-header.xlsx'), await xlsxBeyondHeader());
await writeFile(join(dir, 'xlsx-short-row.xlsx'), await xlsxShortRow());
await writeFile(join(dir, 'xlsx-overflow-text.xlsx'), await xlsxOverflowText());
const tmpCsv = join(dir, '.typed-source.csv');
await typedParquet(join(dir, 'typed.parquet'), tmpCsv);
await rm(tmpCsv);
console.log(`corpus written to ${dir}`);
