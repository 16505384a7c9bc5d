import { describe, expect, it } from 'vitest';
import { getSystem } from '../../src/systems/index.ts';
import {
  addDoc,
  baselineDoc,
  deleteDoc,
  duplicateDoc,
  exportScenarioDoc,
  newScenarioDoc,
  parseScenarioDoc,
  parseScenarioDocText,
  renameDoc,
  uniqueName,
  type ScenarioDoc,
} from '../../src/whatif/scenarios/index.ts';
import { STAGE_BANDS } from '../../src/whatif/lists/index.ts';

const system = getSystem('sichuan-2024')!;
const doc: ScenarioDoc = newScenarioDoc(
  '研发导向',
  { version: 1, systemId: 'sichuan-2024', weights: { initial: { rd_expense: 0.1 } }, weightMode: 'free', normalization: { method: 'zscore' } },
  '2024-06-01T08:00:00Z',
  {
    filters: { stages: ['initial'], cities: ['成都市'] },
    list: STAGE_BANDS,
  },
);

describe('scenario documents', () => {
  it('carries a segment condition: kept as written, checked against the data model when read', () => {
    const condition = "city = '成都市' AND industry_code LIKE 'C39%' AND rd_expense > 100";
    const withSegment = newScenarioDoc('成都先进制造', doc.scenario, undefined, { segment: condition });
    const text = exportScenarioDoc(withSegment);
    expect(JSON.parse(text).segment).toBe(condition);
    expect(parseScenarioDocText(text)).toEqual({ ok: true, doc: withSegment });
    // Refused with the file, each naming the field: a function that reads files, a second
    // statement, a comment, a column no dataset has, an empty condition, one too long.
    const refused: [unknown, RegExp][] = [
      ["read_csv('https://example.com/x.csv') IS NOT NULL", /^segment: .*the function read_csv\(\) is not supported/],
      ["city = '成都市'; DROP TABLE segment_rows", /^segment: .*semicolon/i],
      ["city = '成都市' -- OR 1 = 1", /^segment: .*comment/i],
      ['salary > 1', /^segment: .*no column named salary/],
      ['', /^segment: .*the condition is empty/],
      ['x'.repeat(2001), /^segment: /],
      [42, /^segment: /],
    ];
    for (const [segment, message] of refused) {
      const r = parseScenarioDoc({ ...JSON.parse(text), segment });
      expect(r.ok, String(segment)).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatch(message);
    }
  });

  it('export → import is the identity', () => {
    const back = parseScenarioDocText(exportScenarioDoc(doc));
    expect(back).toEqual({ ok: true, doc });
  });

  it('names the field of every error', () => {
    const bad = {
      ...doc,
      name: '',
      createdAt: 'yesterday',
      scenario: { version: 1, systemId: 'x', weights: { initial: { rd_expense: -1 } } },
      list: { kind: 'top-n', n: 1.5 },
      extra: 1,
    };
    const r = parseScenarioDoc(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.join('\n');
    expect(text).toMatch(/^name: /m);
    expect(text).toMatch(/^createdAt: /m);
    expect(text).toMatch(/^scenario\.weights\.initial\.rd_expense: /m);
    expect(text).toMatch(/^list\.n: /m);
    expect(text).toMatch(/extra/);
  });

  it('rejects other formats and unknown versions with one sentence', () => {
    expect(parseScenarioDoc({ ...doc, version: 2 })).toEqual({ ok: false, errors: ['version: scenario files of version 2 are not supported; this workbench reads version 1'] });
    expect(parseScenarioDoc({ version: 1 })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^format: this is not a scenario file/)] });
    expect(parseScenarioDoc(null)).toMatchObject({ ok: false });
    expect(parseScenarioDoc([1])).toMatchObject({ ok: false });
    expect(parseScenarioDocText('{')).toMatchObject({ ok: false, errors: [expect.stringMatching(/not valid JSON/)] });
    expect(parseScenarioDocText('{"__proto__": {"x": 1}}')).toMatchObject({ ok: false, errors: [expect.stringMatching(/__proto__/)] });
    expect(
      parseScenarioDoc({
        ...doc,
        list: {
          kind: 'bands',
          mode: 'exclusive',
          bands: [
            { id: 'a', name: { zh: 'a', en: 'a' }, percent: 70 },
            { id: 'b', name: { zh: 'b', en: 'b' }, percent: 70 },
          ],
        },
      }),
    ).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^list: .*"b" ends at 140%/)],
    });
  });

  it('library helpers: unique names, duplicate, rename, delete, add, baseline', () => {
    expect(uniqueName('A', ['A', 'A (2)'])).toBe('A (3)');
    expect(uniqueName('A (2)', ['A (2)'])).toBe('A (3)');
    expect(uniqueName('  ', [])).toBe('方案');
    const base = baselineDoc(system);
    expect(base.scenario).toEqual({ version: 1, systemId: 'sichuan-2024' });
    let lib = [base, doc];
    const dup = duplicateDoc(doc, lib, '2024-06-02T00:00:00Z');
    expect(dup.name).toBe('研发导向 副本');
    expect(dup.scenario).toEqual(doc.scenario);
    expect(dup.scenario).not.toBe(doc.scenario);
    lib = addDoc(lib, dup);
    lib = addDoc(lib, dup);
    expect(lib.map((d) => d.name).slice(2)).toEqual(['研发导向 副本', '研发导向 副本 (2)']);
    lib = renameDoc(lib, 3, '研发导向');
    expect(lib[3].name).toBe('研发导向 (2)');
    expect(deleteDoc(lib, 0)).toHaveLength(3);
    expect(() => renameDoc(lib, 9, 'x')).toThrow(/no scenario/);
    expect(parseScenarioDoc(base)).toEqual({ ok: true, doc: base });
  });

  it('refuses hostile documents: markup in the name, 10,000 nested levels (a typed name loses < and >)', () => {
    for (const name of ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned=1">', 'a\u0000b'])
      expect(parseScenarioDoc({ ...doc, name })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^name: must not contain < or >/)] });
    expect(parseScenarioDocText('['.repeat(10_000) + ']'.repeat(10_000))).toEqual({ ok: false, errors: ['(root): nested more than 64 levels deep'] });
    expect(parseScenarioDocText(JSON.stringify({ ...doc, name: '['.repeat(100) }))).toMatchObject({ ok: true }); // brackets in a string are not nesting
    expect(uniqueName('<b>方案</b>', [])).toBe('b方案/b');
    expect(uniqueName('<>', [])).toBe('方案');
  });
});
