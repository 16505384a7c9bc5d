import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../src/data/index.ts';
import { headerHash } from '../../src/import/header-hash.ts';
import { applyEdits, forgetAllEdits, manualEdits, recallEdits, rememberEdits } from '../../src/import/mapping-memory.ts';
import { setColumnField } from '../../src/data/mapping.ts';

class MemoryStore {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

const HEADERS = ['信用代码号', '企业名称', '成立日期', '研发投入合计', '法定代表人手机'];

describe('remembered mappings', () => {
  it('hashes the header list in order', () => {
    expect(headerHash(HEADERS)).toBe(headerHash([...HEADERS]));
    expect(headerHash(HEADERS)).not.toBe(headerHash([...HEADERS].reverse()));
    expect(headerHash(HEADERS)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('re-applies manual edits to a file with the same headers', () => {
    const store = new MemoryStore();
    let m = matchHeaders(HEADERS, { required: ['uscc', 'registration_date', 'rd_expense'] });
    expect(m.missingRequired).toEqual(['uscc', 'rd_expense']);
    expect(m.personal).toEqual([4]);
    m = setColumnField(m, 0, 'uscc');
    m = setColumnField(m, 3, 'rd_expense');
    rememberEdits(store, HEADERS, manualEdits(m));
    const again = applyEdits(matchHeaders(HEADERS, { required: ['uscc', 'registration_date', 'rd_expense'] }), recallEdits(store, HEADERS));
    expect(again.fields).toEqual(m.fields);
    expect(again.missingRequired).toEqual([]);
    expect(recallEdits(store, ['other'])).toEqual({});
    forgetAllEdits(store);
    expect(store.length).toBe(0);
  });

  it('ignores edits that no longer fit (personal column, unknown field, corrupt JSON)', () => {
    const m = matchHeaders(HEADERS);
    expect(applyEdits(m, { 4: 'name', 1: 'no_such_field' }).fields).toEqual(m.fields);
    const store = new MemoryStore();
    store.setItem(`ipw.mapping.${headerHash(HEADERS)}`, '{not json');
    expect(recallEdits(store, HEADERS)).toEqual({});
  });
});
