import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../src/data/header-match.ts';
import { headerKey, normalizeHeader } from '../../src/data/normalize-header.ts';

/**
 * Issue 9, class 5: invisible characters in a header must not make it unmatched (a veto column
 * that silently goes unmatched vetoes nobody). Each character by name, then a property over all
 * of Unicode's format characters.
 */
const INVISIBLE: [string, string][] = [
  ['ZERO WIDTH SPACE', '\u200B'],
  ['ZERO WIDTH NON-JOINER', '\u200C'],
  ['ZERO WIDTH JOINER', '\u200D'],
  ['LEFT-TO-RIGHT MARK', '\u200E'],
  ['RIGHT-TO-LEFT MARK', '\u200F'],
  ['LEFT-TO-RIGHT EMBEDDING', '\u202A'],
  ['RIGHT-TO-LEFT EMBEDDING', '\u202B'],
  ['POP DIRECTIONAL FORMATTING', '\u202C'],
  ['LEFT-TO-RIGHT OVERRIDE', '\u202D'],
  ['RIGHT-TO-LEFT OVERRIDE', '\u202E'],
  ['WORD JOINER', '\u2060'],
  ['LEFT-TO-RIGHT ISOLATE', '\u2066'],
  ['RIGHT-TO-LEFT ISOLATE', '\u2067'],
  ['FIRST STRONG ISOLATE', '\u2068'],
  ['POP DIRECTIONAL ISOLATE', '\u2069'],
  ['ARABIC LETTER MARK', '\u061C'],
  ['MONGOLIAN VOWEL SEPARATOR', '\u180E'],
  ['BYTE ORDER MARK inside a cell', '\uFEFF'],
  ['SOFT HYPHEN', '\u00AD'],
  ['INVISIBLE TIMES', '\u2062'],
  ['NO-BREAK SPACE', '\u00A0'],
  ['FIGURE SPACE', '\u2007'],
  ['NARROW NO-BREAK SPACE', '\u202F'],
  ['IDEOGRAPHIC SPACE', '\u3000'],
  ['EM SPACE', '\u2003'],
  ['MEDIUM MATHEMATICAL SPACE', '\u205F'],
];

const VETO = '近3年发生重大安全事故';

describe('header normalisation drops invisible characters', () => {
  it.each(INVISIBLE)('%s: the veto header still matches, wherever the character sits', (_name, ch) => {
    for (const header of [`${ch}${VETO}`, `近3年${ch}发生重大安全事故`, `${VETO}${ch}`, `近${ch}3${ch}年发生重大安全事故`]) {
      const m = matchHeaders(['统一社会信用代码', header]);
      expect(m.columns[1], JSON.stringify(header)).toMatchObject({ status: 'matched', field: 'major_safety_accident' });
    }
    expect(headerKey(`研发${ch}费用`)).toBe('研发费用');
  });

  it('a header made only of invisible characters is an empty key (not a match for anything)', () => {
    expect(headerKey('\u200B\uFEFF\u00AD\u00A0')).toBe('');
    expect(matchHeaders(['\u200B\u200D']).columns[0].status).toBe('unmatched');
  });

  it('the year and units still come through: 2023年度\\u200B研发费用（万元）', () => {
    expect(normalizeHeader('2023年度\u200B研发费用（万元）')).toMatchObject({ base: '研发费用', year: 2023 });
  });

  it('property: headerKey strips every Cf character and every \\s space, and is idempotent', () => {
    const cf = fc.constantFrom(...INVISIBLE.map(([, c]) => c), '\u0600', '\u06DD', '\u{110BD}', '\u{E0001}', '\u{E0041}', '\u{1D173}');
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 3 }), cf), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (h) => {
        const k = headerKey(h);
        expect(k).not.toMatch(/[\p{Cf}\s]/u);
        expect(headerKey(k)).toBe(k);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: inserting invisible characters anywhere never changes the key', () => {
    const cf = fc.constantFrom(...INVISIBLE.map(([, c]) => c));
    fc.assert(
      fc.property(fc.constantFrom(VETO, '统一社会信用代码', '2023年度研发费用（万元）', '注册日期'), fc.array(fc.tuple(fc.nat(), cf), { maxLength: 5 }), (h, inserts) => {
        let s = h;
        for (const [at, c] of inserts) {
          const p = at % (s.length + 1);
          s = s.slice(0, p) + c + s.slice(p);
        }
        expect(headerKey(s)).toBe(headerKey(h));
      }),
    );
  });
});
