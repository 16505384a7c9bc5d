import { IMPORT } from '../i18n/import.ts';
import type { Lang } from '../i18n/lang.ts';
import type { DatasetSource } from '../protocol/scoring.ts';

/**
 * The dataset's name as the screen shows it: a user's file by its file name (their data, as
 * written), the demo by a name in the reader's language (its source name is bilingual because it
 * also goes into exports and links, which are read in either language).
 */
export function datasetName(source: DatasetSource, lang: Lang): string {
  if (source.kind !== 'demo') return source.name;
  return IMPORT[lang].demo;
}
