import { describe, expect, it } from 'vitest';
import { APP } from '../../src/i18n/app.ts';
import { CHARTS } from '../../src/i18n/charts.ts';
import { COMMON } from '../../src/i18n/common.ts';
import { EXPORTS } from '../../src/i18n/exports.ts';
import { IMPORT } from '../../src/i18n/import.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { METHOD } from '../../src/i18n/method.ts';
import { PROFILE } from '../../src/i18n/profile.ts';
import { REFERENCE } from '../../src/i18n/reference.ts';
import { SEGMENT } from '../../src/i18n/segment.ts';
import { YOY } from '../../src/i18n/yoy.ts';
import { SYSTEM_EDITOR } from '../../src/i18n/system-editor.ts';
import { SOBOL } from '../../src/i18n/sobol.ts';
import { STAGES } from '../../src/i18n/stages.ts';
import { WEIGHTS } from '../../src/i18n/weights.ts';
import { WHATIF_CHARTS } from '../../src/i18n/whatif-charts.ts';
import { WHATIF } from '../../src/i18n/whatif.ts';
import { CJK, ZH_LATIN_ALLOWED, latinWords } from '../e2e/text-leaks.ts';

/**
 * Every i18n table is complete at run time as well as in its type: each leaf has both languages,
 * neither empty, the Chinese not a copy of the English, the Chinese free of Latin words outside the
 * allow-list (the same list the language-leak e2e test uses), the English free of Chinese.
 * Functions are called with sample arguments (numbers: they print in either language).
 */
const TABLES: Record<string, Record<Lang, unknown>> = {
  APP,
  COMMON,
  CHARTS,
  EXPORTS,
  IMPORT,
  METHOD,
  PROFILE,
  REFERENCE,
  SEGMENT,
  SOBOL,
  STAGES,
  WEIGHTS,
  WHATIF,
  WHATIF_CHARTS,
  YOY,
  SYSTEM_EDITOR,
};

// Strings that are the same in both languages on purpose: symbols and formats, not words.
const SAME_IN_BOTH = new Set(['Spearman ρ', 'PCT', 'CSV', 'XLSX', 'JSON']);

// Leaves that are ids, not text: the paragraph ids listed per section of 方法说明; and the segment
// field's placeholder, which is an example condition (SQL, with Chinese values), not a sentence.
const IDS = /^METHOD\.sections\[\d+\]\.paras\[\d+\]$|^SEGMENT\.placeholder$/;

/** Text between backticks is code the user types (rendered as <code>): neither language's words. */
const withoutCode = (s: string) => s.replace(/`[^`]*`/g, '');

interface Leaf {
  path: string;
  zh: string;
  en: string;
}

/** The string leaves of two parallel values; a shape mismatch is reported as a leaf with '' on the missing side. */
function leaves(zh: unknown, en: unknown, path: string, out: Leaf[]): Leaf[] {
  if (typeof zh === 'function' || typeof en === 'function') {
    const args = (f: unknown) => (typeof f === 'function' ? Array.from({ length: Math.max(f.length, 1) }, (_, i) => 7 + i) : []);
    const call = (f: unknown) => (typeof f === 'function' ? String((f as (...a: number[]) => unknown)(...args(f))) : '');
    out.push({ path: `${path}()`, zh: call(zh), en: call(en) });
  } else if (Array.isArray(zh) || Array.isArray(en)) {
    const a = Array.isArray(zh) ? zh : [];
    const b = Array.isArray(en) ? en : [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) leaves(a[i], b[i], `${path}[${i}]`, out);
  } else if ((zh && typeof zh === 'object') || (en && typeof en === 'object')) {
    const a = (zh ?? {}) as Record<string, unknown>;
    const b = (en ?? {}) as Record<string, unknown>;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) leaves(a[k], b[k], `${path}.${k}`, out);
  } else if (!IDS.test(path)) {
    // `{name}` placeholders of locale.t are filled at run time: checked as a sample value.
    const fill = (s: unknown) => (typeof s === 'string' ? s.replace(/\{\w+\}/g, '7') : '');
    out.push({ path, zh: fill(zh), en: fill(en) });
  }
  return out;
}

/** Problems of one leaf, as readable strings (an empty list is a complete translation). */
function problems(l: Leaf): string[] {
  const p: string[] = [];
  // Separators and parentheticals may be pure punctuation or whitespace, never absent.
  if (l.zh === '' && !/Pre$|Post$/.test(l.path)) p.push(`${l.path}: zh empty`);
  if (l.en === '' && !/Pre$|Post$/.test(l.path)) p.push(`${l.path}: en empty`);
  if (l.zh !== '' && l.zh === l.en && /[A-Za-z]{2,}/.test(l.zh) && !SAME_IN_BOTH.has(l.zh)) p.push(`${l.path}: zh equals en "${l.en}"`);
  const latin = latinWords(withoutCode(l.zh)).filter((w) => !ZH_LATIN_ALLOWED.has(w));
  if (latin.length) p.push(`${l.path}: Latin in zh: ${latin.join(' ')}`);
  if (CJK.test(withoutCode(l.en))) p.push(`${l.path}: Chinese in en: ${l.en}`);
  return p;
}

describe('the leaf check itself', () => {
  it('catches an empty, an untranslated, a mixed and a one-sided entry', () => {
    expect(problems({ path: 'a', zh: '', en: 'Score' })).toEqual(['a: zh empty']);
    expect(problems({ path: 'b', zh: 'Score', en: 'Score' })).toEqual(['b: zh equals en "Score"', 'b: Latin in zh: Score']);
    expect(problems({ path: 'c', zh: '得分 Score', en: 'Score 得分' })).toEqual(['c: Latin in zh: Score', 'c: Chinese in en: Score 得分']);
    expect(problems({ path: 'd', zh: '导出 CSV', en: 'Export CSV' })).toEqual([]);
    expect(problems({ path: 'e', zh: "例如 `city = '成都市'`", en: "e.g. `city = '成都市'`" })).toEqual([]);
    expect(problems({ path: 'f', zh: '例如 city', en: 'e.g. 成都市' })).toEqual(['f: Latin in zh: city', 'f: Chinese in en: e.g. 成都市']);
    const l = leaves({ x: 'a', f: (n: number) => `第 ${n} 页` }, { f: () => '' }, 'T', []);
    expect(l).toEqual([
      { path: 'T.x', zh: 'a', en: '' },
      { path: 'T.f()', zh: '第 7 页', en: '' },
    ]);
  });
});

describe.each(Object.entries(TABLES))('%s', (name, table) => {
  it('has both languages for every entry', () => {
    const all = leaves(table.zh, table.en, name, []);
    expect(all.length).toBeGreaterThan(3);
    expect(all.flatMap(problems)).toEqual([]);
  });
});
