import { describe, expect, it } from 'vitest';
import { FIELDS, fieldName } from '../../src/data/fields.ts';
import { exportSystem, importSystem, listSystems } from '../../src/systems/index.ts';

// CJK ideographs and full-width punctuation: none may appear in text meant for the English UI.
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('bilingual system descriptions', () => {
  it('every preset describes itself in both languages, by title and edition, never by file name or id', () => {
    for (const s of listSystems()) {
      const about = s.about;
      expect(about, s.id).toBeDefined();
      if (!about) continue;
      for (const key of ['short', 'sourceTitle', 'edition', 'published', 'defaults'] as const) {
        const { zh, en } = about[key];
        expect(zh.length, `${s.id}.${key}.zh`).toBeGreaterThan(0);
        expect(CJK.test(en), `${s.id}.${key}.en has CJK: ${en}`).toBe(false);
        for (const text of [zh, en]) {
          expect(text).not.toMatch(/\.txt|\.md|§/);
          expect(text).not.toContain(s.id);
        }
      }
      expect(about.sourceTitle.zh).toMatch(/^《/);
    }
  });

  it('about survives export and import', () => {
    for (const s of listSystems()) {
      const r = importSystem(exportSystem(s));
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.system.about).toEqual(s.about);
    }
  });

  it('a system without about stays valid', () => {
    const [s] = listSystems();
    const copy: Record<string, unknown> = JSON.parse(exportSystem(s));
    delete copy.about;
    expect(importSystem(JSON.stringify(copy)).ok).toBe(true);
  });
});

describe('field names', () => {
  it('every field has an English name without CJK, and names never show the id', () => {
    for (const f of FIELDS) {
      expect(f.en.length, f.id).toBeGreaterThan(0);
      expect(CJK.test(fieldName(f.id, 'en')), `${f.id}: ${fieldName(f.id, 'en')}`).toBe(false);
      expect(fieldName(f.id, 'zh')).not.toContain(f.id);
      // Single-word ids (name, city, revenue) are ordinary English words; compound ids must not show.
      if (f.id.includes('_')) expect(fieldName(f.id, 'en')).not.toContain(f.id);
    }
    expect(fieldName('registered_capital', 'zh')).toBe('注册资本（万元）');
    expect(fieldName('registered_capital', 'en')).toBe('Registered capital (10k CNY)');
    expect(fieldName('rd_expense_prev', 'en')).toBe('R&D expenditure (previous year) (10k CNY)');
  });
});
