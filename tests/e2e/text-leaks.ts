import type { Page } from 'playwright-core';
import { FIELDS } from '../../src/data/fields.ts';
import { listSystems } from '../../src/systems/index.ts';

/**
 * What counts as a leak on screen, shared by id-leaks.test.ts (ids and developer file names) and
 * language-leak.test.ts (Latin words in the Chinese view, Chinese in the English view).
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// System ids and versions, and field ids that are not ordinary words (single-word ids such as
// `name` or `city` could be legitimate English; compound snake_case ids and `uscc` never are).
const IDS = [...listSystems().flatMap((s) => [s.id, `v${s.version}`]), ...FIELDS.map((f) => f.id).filter((id) => id.includes('_') || id === 'uscc')];
export const LEAK = new RegExp(`(?<![A-Za-z0-9_.-])(${IDS.map(escape).join('|')})(?![A-Za-z0-9_])|\\d{3}_[0-9a-f]{16}\\.txt|scoring\\.md|§\\d`);
/** CJK ideographs, full-width forms and CJK punctuation. */
export const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** System/field ids, developer file names and contract section marks in a text. */
export function leaks(text: string): string[] {
  return [...text.matchAll(new RegExp(LEAK, 'g'))].map((m) => m[0]);
}

/**
 * Latin words allowed in the Chinese view, each because a Chinese reader meets it in Latin letters
 * in Chinese documents too:
 * - codes and file formats the user handles: PCT (PCT 专利), USCC is not used in zh text but is the
 *   standard abbreviation, CSV/TSV/XLSX/JSON/Parquet/PNG/SVG (file types on buttons), DuckDB (the
 *   reading engine named in progress messages), SQL (the language segment conditions are typed in), GB (GB 32100-2015, the standard's code), Excel and
 *   PERCENTILE/INC (the spreadsheet function a reader can check the quantiles with);
 * - English: the language switch names each language in itself (as 中文 in the English view);
 * - lo/hi: the symbols of the bounds, shown beside their Chinese names (下界 lo) so the formulas
 *   and the profile table can be matched; ln, min, max, sign: standard function names in formulas;
 * - Esc: the key as printed on the keyboard.
 */
export const ZH_LATIN_ALLOWED = new Set([
  'English',
  'PCT',
  'USCC',
  'CSV',
  'TSV',
  'XLSX',
  'JSON',
  'Parquet',
  'PNG',
  'SVG',
  'DuckDB',
  'SQL',
  'GB',
  'Excel',
  'PERCENTILE',
  'INC',
  'lo',
  'hi',
  'ln',
  'min',
  'max',
  'sign',
  'Esc',
  // The variance-based sensitivity method (Sobol indices) and the authors of its estimators, cited
  // by name as Chinese texts on the method do.
  'Sobol',
  'Saltelli',
  'Jansen',
]);

/** Latin words of two or more letters (single letters are variables: N, x, s, A/B; runs touching digits are codes such as a USCC). */
export function latinWords(text: string): string[] {
  // A command-line option (--as-of) is typed as written: a code, not a word.
  return [...text.replace(/--[a-z][a-z-]*/g, ' ').matchAll(/(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])/g)].map((m) => m[0]);
}

/** Maximal runs of CJK characters. */
export function cjkRuns(text: string): string[] {
  return [...text.matchAll(new RegExp(`${CJK.source}+`, 'g'))].map((m) => m[0]);
}

/**
 * The user's own data seen on screen: a fragment is data when a data value that contains it is
 * itself in the text (so 成都 inside the name 成都某某科技有限公司 is data, a stray 成都 label is not).
 */
export function notUserData(fragments: string[], text: string, values: readonly string[]): string[] {
  const present = values.filter((v) => text.includes(v));
  return fragments.filter((f) => !present.some((v) => v.includes(f)));
}

/** Latin words in a Chinese view that are neither allowed nor part of the user's data. */
export function latinLeaks(text: string, data: readonly string[]): string[] {
  return notUserData(
    latinWords(text).filter((w) => !ZH_LATIN_ALLOWED.has(w)),
    text,
    data,
  );
}

/** CJK text in an English view that is neither the language switch (中文) nor the user's data. */
export function cjkLeaks(text: string, data: readonly string[]): string[] {
  return notUserData(
    cjkRuns(text).filter((r) => r !== '中文'),
    text,
    data,
  );
}

/** Function names and bound symbols that may stand in a formula outside \text{}. */
const MATH_WORDS = new Set(['lo', 'hi', 'ln', 'min', 'max', 'sign', 'sum', 'frac', 'sqrt']);

/**
 * What one page shows a reader, language-wise: the visible text (KaTeX excluded), the accessible
 * names and hints of controls and figures (aria-label, title, placeholder, option texts), the
 * texts of SVG charts, and from each KaTeX formula its \text{} words and any multi-letter
 * identifier outside \text{} that is not a standard function name.
 */
export async function screenText(page: Page): Promise<{ text: string; math: string[] }> {
  return page.evaluate(
    (mathWords) => {
      const style = document.createElement('style');
      // Formulas are read below; code (SQL a user types, shown in <code> or a [data-code] field) is not words.
      style.textContent = '.katex, code, [data-code] { display: none !important; }';
      document.head.append(style);
      const parts: string[] = [document.body.innerText];
      style.remove();
      const visible = (el: Element) => (el as HTMLElement).checkVisibility?.() ?? true;
      // Names and hints a reader can meet: not inside a subtree hidden from assistive technology.
      for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [aria-description]')) {
        if (!visible(el) || el.closest('[aria-hidden="true"]') || el.closest('[data-code], code')) continue;
        for (const a of ['aria-label', 'title', 'placeholder', 'aria-description']) {
          const v = el.getAttribute(a);
          if (v) parts.push(v);
        }
      }
      for (const sel of document.querySelectorAll('select')) if (visible(sel)) for (const o of sel.options) parts.push(o.text);
      for (const t of document.querySelectorAll('svg text, svg title')) if (visible(t.closest('svg') ?? t)) parts.push(t.textContent ?? '');
      const math: string[] = [];
      for (const ann of document.querySelectorAll('.katex annotation[encoding="application/x-tex"]')) {
        const tex = ann.textContent ?? '';
        for (const m of tex.matchAll(/\\(?:text|operatorname|mathrm)\{([^}]*)\}/g)) if (!mathWords.includes(m[1])) math.push(m[1]);
        const rest = tex
          .replace(/\\(?:text|operatorname|mathrm)\{[^}]*\}/g, ' ')
          .replace(/\\(?:begin|end)\{[a-z]+\}/g, ' ')
          .replace(/\\[A-Za-z]+/g, ' ');
        for (const m of rest.matchAll(/(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])/g)) if (!mathWords.includes(m[0])) math.push(m[0]);
      }
      return { text: parts.join('\n'), math };
    },
    [...MATH_WORDS],
  );
}
