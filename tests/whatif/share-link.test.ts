import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { MARKUP } from '../../src/whatif/scenarios/scenario-doc.ts';
import { describe, expect, it } from 'vitest';
import { NORMALIZATION_METHODS } from '../../src/engine/index.ts';
import { newScenarioDoc, type ScenarioDoc } from '../../src/whatif/scenarios/index.ts';
import { decodeShareHash, encodeScenarioDoc, encodeShareHash, fromBase64Url, inflateCapped, MAX_DOC_BYTES, MAX_HASH_CHARS, toBase64Url } from '../../src/whatif/share/index.ts';

const docArb: fc.Arbitrary<ScenarioDoc> = fc
  .record({
    // Any name the workbench can make (uniqueName drops markup and control characters).
    name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0 && !MARKUP.test(s)),
    weights: fc.dictionary(
      fc.constantFrom('initial', 'growth', 'stable'),
      fc.dictionary(fc.constantFrom('rd_expense', 'revenue', 'roe'), fc.double({ min: 0, max: 1, noNaN: true })),
    ),
    method: fc.constantFrom(...NORMALIZATION_METHODS),
    cities: fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
    n: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ name, weights, method, cities, n }) =>
    newScenarioDoc(name, { version: 1, systemId: 'sichuan-2024', weights, normalization: { method } }, '2024-06-01T08:00:00.000Z', {
      filters: { cities },
      list: { kind: 'top-n', n, scope: 'city' },
    }),
  );

describe('base64url', () => {
  it('round-trips any bytes and rejects non-canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(Array.from(fromBase64Url(toBase64Url(b))!)).toEqual(Array.from(b));
      }),
    );
    expect(toBase64Url(strToU8('hi?'))).toBe('aGk_');
    expect(fromBase64Url('a')).toBeNull();
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('ab=')).toBeNull();
    expect(new TextDecoder().decode(fromBase64Url('aGk')!)).toBe('hi');
    expect(fromBase64Url('aGl')).toBeNull(); // unused bits set
  });
});

describe('share links', () => {
  it('decode ∘ encode = identity (with and without a data URL)', () => {
    fc.assert(
      fc.property(docArb, fc.boolean(), (doc, withData) => {
        const hash = encodeShareHash(doc, withData ? 'https://example.org/data/企业.parquet?x=1&y=2' : undefined);
        const back = decodeShareHash(hash);
        expect(back).toEqual({ ok: true, doc, dataUrl: withData ? 'https://example.org/data/%E4%BC%81%E4%B8%9A.parquet?x=1&y=2' : null, context: null });
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on random input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => `#s=${s}`),
          fc.base64String().map((s) => `#s=${s.replace(/=/g, '')}`),
          fc.anything(),
        ),
        (x) => {
          const r = decodeShareHash(x);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) {
            expect(r.message.zh.length).toBeGreaterThan(0);
            expect(r.message.en.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses hostile and broken links with a bilingual message', () => {
    const doc = newScenarioDoc('x', { version: 1, systemId: 'sichuan-2024' });
    const pack = (text: string) => `#s=${toBase64Url(deflateSync(strToU8(text)))}`;
    const cases: [unknown, RegExp][] = [
      ['', /no scenario/],
      ['#data=https://a.org/x.csv', /no scenario/],
      ['#s=***', /base64url/],
      ['#s=AAAA', /damaged/],
      [`#s=${'A'.repeat(MAX_HASH_CHARS)}`, /too long/],
      [pack('{"format":'), /not valid JSON/],
      [pack('{"format":"innovation-points-scenario","version":1,"name":"x","scenario":{"version":1,"systemId":"s"},"__proto__":{"polluted":1}}'), /__proto__/],
      [pack(JSON.stringify({ ...doc, version: 9 })), /version 9/],
      [pack(JSON.stringify({ ...doc, scenario: { version: 1, systemId: 's', weights: { a: { b: 'x' } } } })), /scenario\.weights\.a\.b/],
      [`#s=${toBase64Url(deflateSync(new Uint8Array([0xff, 0xfe, 0x00])))}`, /UTF-8/],
      [`${encodeShareHash(doc)}&data=${encodeURIComponent('http://a.org/x.csv')}`, /https/],
      [`${encodeShareHash(doc)}&data=${encodeURIComponent('javascript:alert(1)')}`, /https/],
      [`${encodeShareHash(doc)}&data=${encodeURIComponent('https://u:p@a.org/x.csv')}`, /password/],
      [`${encodeShareHash(doc)}&data=%E0%A4%A`, /encoded/],
    ];
    for (const [input, msg] of cases) {
      const r = decodeShareHash(input);
      expect(r.ok, String(input).slice(0, 60)).toBe(false);
      if (!r.ok) expect(r.message.en).toMatch(msg);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => encodeShareHash(doc, 'ftp://x')).toThrow(/https/);
  });

  it('caps the inflated size: a decompression bomb stops at 64 KB', () => {
    const bomb = deflateSync(new Uint8Array(16 * 1024 * 1024).fill(32), { level: 9 });
    const hash = `#s=${toBase64Url(bomb)}`;
    expect(hash.length).toBeLessThan(MAX_HASH_CHARS);
    // No wall-clock assertion (it failed under load): the cap itself is checked exactly below.
    const r = decodeShareHash(hash);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.en).toMatch(/64 KB/);
    expect(inflateCapped(deflateSync(new Uint8Array(MAX_DOC_BYTES)), MAX_DOC_BYTES)).toHaveLength(MAX_DOC_BYTES);
    expect(inflateCapped(deflateSync(new Uint8Array(MAX_DOC_BYTES + 1)), MAX_DOC_BYTES)).toBeNull();
  });

  it('a typical scenario makes a short link', () => {
    const doc = newScenarioDoc('研发导向', { version: 1, systemId: 'sichuan-2024', weights: { initial: { rd_expense: 0.12, rd_growth: 0.04 } } });
    expect(encodeScenarioDoc(doc).length).toBeLessThan(300);
  });
});
