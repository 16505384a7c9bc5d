/**
 * Header normalisation: the "close variants" of data-model.md. Two headers that differ only in
 * full-/half-width forms, bracket style, whitespace, quotes, a bracketed unit such as （万元）, or
 * a year written in place of 当年 normalise to the same `base`; invisible format characters
 * (Unicode category Cf) and NBSP-like spaces are dropped.
 */

export interface NormalizedHeader {
  /** NFKC, brackets unified to (), whitespace and quotes removed, lower case. */
  key: string;
  /** `key` without year markers and without bracketed units / notes such as (万元), (有效). */
  base: string;
  /** The year written in the header (`2023年度`, `2023年`, `截至2023年底`), if any. */
  year?: number;
  /** `当年`/`本年` (current) or `上年` (previous) written in the header, if any. */
  relative?: 'current' | 'prev';
}

const OPEN = /[[【〔〖［｛{]/g;
const CLOSE = /[\]】〕〗］｝}]/g;
const QUOTES = /["'“”‘’「」『』]/g;
/** `截至2023年底`, `截止到2023年末`, `2023年度`, `2023年`, `2023年末` — capture the year. */
const YEAR = /截[至止]到?((?:19|20)\d\d)年度?(?:底|末|12月31日)?|((?:19|20)\d\d)年度?(?:底|末)?/g;
/** `上年`, `上一年度`, `当年`, `本年度` (not the 上 of `以上`). */
const RELATIVE = /(?<!以)上一?年度?|当年度?|本年度?/g;
/** A bracketed unit or note that does not change which field a header means. */
const IGNORABLE_GROUP = /\((?:单位[:：]?)?(?:万元|元|千元|亿元|万元人民币|人民币万元|人|人数|名|位|个|件|项|家|次|%|是\/否|是或否|1\/0|y\/n|有效|)\)/g;
const TRAILING_UNIT = /[/_-]?(?:万元|元|人|件|个|项)$/;

/**
 * Invisible characters a header may carry without the user seeing them: every Unicode format
 * character (category Cf: zero-width space/joiners, a BOM inside a cell, soft hyphen, bidi marks,
 * word joiner, …) and every space JS's \s knows (NBSP, figure/narrow spaces, ideographic space).
 * They are removed, not kept: a header that looks like 一票否决 to a person must match like it, or
 * a veto column silently goes unmatched (issue 9, class 5). Removed before NFKC as well as after,
 * because NFKC maps a few compatibility characters to spaces. NFKC once more at the end: removing
 * a quote can bring a letter and a combining mark together (idempotence, tested).
 */
const INVISIBLE = /[\p{Cf}\s]+/gu;

/** NFKC + bracket / quote / whitespace / invisible-character / case normalisation, shared with the alias table. */
export function headerKey(header: string): string {
  return header.replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '').replace(OPEN, '(').replace(CLOSE, ')').replace(QUOTES, '').toLowerCase().normalize('NFKC');
}

export function normalizeHeader(header: string): NormalizedHeader {
  const key = headerKey(header);
  let year: number | undefined;
  let relative: 'current' | 'prev' | undefined;
  let base = key.replace(YEAR, (_m, a: string | undefined, b: string | undefined) => {
    year ??= Number(a ?? b);
    return '';
  });
  base = base.replace(RELATIVE, (m) => {
    relative ??= m.startsWith('上') ? 'prev' : 'current';
    return '';
  });
  base = base.replace(IGNORABLE_GROUP, '');
  const out: NormalizedHeader = { key, base };
  if (year !== undefined) out.year = year;
  if (relative !== undefined) out.relative = relative;
  return out;
}

/** Looser forms of a base tried in order when the base itself is not a known header. */
export function looseForms(base: string): string[] {
  const forms: string[] = [];
  const add = (s: string) => {
    if (s && s !== base && !forms.includes(s)) forms.push(s);
  };
  const noBrackets = base.replace(/\([^()]*\)/g, '');
  add(noBrackets);
  add(base.replace(TRAILING_UNIT, ''));
  add(noBrackets.replace(TRAILING_UNIT, ''));
  add(base.replace(/^企业/, ''));
  add(base.replace(/(数量|人数|数)$/, ''));
  return forms;
}
