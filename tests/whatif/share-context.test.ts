import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { datasetFingerprint } from '../../src/data/dataset-fingerprint.ts';
import { newScenarioDoc } from '../../src/whatif/scenarios/index.ts';
import { datasetNotice, decodeShareHash, encodeShareHash, toBase64Url, type ShareContext } from '../../src/whatif/share/index.ts';

const doc = newScenarioDoc('研发加权', { version: 1, systemId: 'sichuan-2024', weights: { initial: { rd_expense: 0.3 } } }, undefined, {
  list: { kind: 'top-n', n: 37, scope: 'overall' },
});
const context: ShareContext = {
  version: 1,
  view: {
    tab: 'ranking',
    sub: 'lists',
    profile: '91510900266109003W',
    compare: { a: 'baseline', b: { name: '另一方案', scenario: { version: 1, systemId: 'sichuan-2024', normalization: { method: 'zscore' } } } },
    mc: { samples: 500, mode: 'simplex', spread: 0.1, topN: 37, seed: 7, sampleMethods: true },
  },
  dataset: { name: '模拟数据', rows: 29985, fingerprint: '0123456789abcdef' },
};
const packed = (value: unknown) => toBase64Url(deflateSync(strToU8(JSON.stringify(value))));

describe('share links with a view and a dataset (c=)', () => {
  it('round-trips the view, the comparison pair and the dataset next to the scenario', () => {
    const r = decodeShareHash(`${encodeShareHash(doc, undefined, context)}&v=ranking.lists`);
    expect(r).toEqual({ ok: true, doc, dataUrl: null, context });
  });

  it('a link without c= (the earlier format) decodes as before, with no context', () => {
    expect(decodeShareHash(encodeShareHash(doc))).toEqual({ ok: true, doc, dataUrl: null, context: null });
  });

  it('damaged, newer or hostile view parts are refused with a message, never applied', () => {
    const s = encodeShareHash(doc);
    const cases: [string, string][] = [
      [`${s}&c=%%%`, '视图信息编码无效'],
      [`${s}&c=${packed({ version: 2 })}`, '较新版本'],
      [`${s}&c=${packed({ version: 1, view: { tab: '<img src=x onerror=alert(1)>' } })}`, 'view.tab'],
      [
        `${s}&c=${packed({ version: 1, view: { compare: { a: 'baseline', b: { name: 'x', scenario: { version: 1, systemId: 'sichuan-2024', weights: { initial: { rd_expense: -1 } } } } } } })}`,
        '对比方案无效',
      ],
      [`${s}&c=${packed({ version: 1, dataset: { name: 'x', rows: 1, fingerprint: 'zz' } })}`, 'dataset.fingerprint'],
      [`${s}&c=${toBase64Url(deflateSync(strToU8('{"version":1,"__proto__":{"x":1}}')))}`, '有效的 JSON'],
    ];
    for (const [hash, expected] of cases) {
      const r = decodeShareHash(hash);
      expect(r.ok, hash).toBe(false);
      if (!r.ok) expect(r.message.zh, hash).toContain(expected);
    }
  });
});

describe('datasetNotice', () => {
  const shown = { name: 'crlf-utf8-bom.csv', rows: 5, fingerprint: 'fedcba9876543210' };
  it('says nothing for an older link or the same data', () => {
    expect(datasetNotice(undefined, shown)).toBeNull();
    expect(datasetNotice({ ...shown, name: 'renamed.csv' }, shown)).toBeNull();
  });
  it('names both datasets and says the ranking may differ', () => {
    expect(datasetNotice({ name: '模拟数据', rows: 29985, fingerprint: '0123456789abcdef' }, shown)).toEqual({
      zh: '此链接创建于数据集『模拟数据』（29,985 家企业），当前显示的是『crlf-utf8-bom.csv』（5 家企业）；方案已应用，但排名可能不同。',
      en: 'This link was made on the dataset "模拟数据" (29,985 enterprises); the workbench now shows "crlf-utf8-bom.csv" (5 enterprises). The scenario is applied, but the ranking may differ.',
    });
  });
  it('same name and size but other content: says so', () => {
    expect(datasetNotice({ ...shown, fingerprint: '0000000000000000' }, shown)?.zh).toContain('名称与家数相同但内容不同');
  });
});

describe('datasetFingerprint', () => {
  const usccs = ['91510100MA0000001L', '91510100MA0000002P', '91510100MA0000003T'];
  const headers = ['统一社会信用代码', '企业名称', '成立日期'];
  it('is 16 hex digits, the same for the same enterprises in another row order', () => {
    const f = datasetFingerprint(usccs, headers);
    expect(f).toMatch(/^[0-9a-f]{16}$/);
    expect(datasetFingerprint([...usccs].reverse(), headers)).toBe(f);
  });
  it('changes with one USCC, one row more or less, or the header list', () => {
    const f = datasetFingerprint(usccs, headers);
    expect(datasetFingerprint(['91510100MA0000001L', '91510100MA0000002P', '91510100MA0000004X'], headers)).not.toBe(f);
    expect(datasetFingerprint(usccs.slice(0, 2), headers)).not.toBe(f);
    expect(datasetFingerprint([...usccs, usccs[0]], headers)).not.toBe(f);
    expect(datasetFingerprint(usccs, [...headers, '城市'])).not.toBe(f);
  });
});
