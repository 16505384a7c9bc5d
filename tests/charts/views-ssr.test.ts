/**
 * Server-side renders of the three views (Vite + the Svelte plugin in SSR mode, no browser): they
 * must render without throwing, expose accessible labels and real tables, add the points up to the
 * score and print enterprise names as text. Charts are embedded only in the browser ($effect), so
 * these renders cover the markup around them; the e2e tests cover the live charts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Component } from 'svelte';
import { effectiveWeights, explain, prepare, rescore, type IndicatorSystem } from '../../src/engine/index.ts';
import { stageComparison, stageHistograms, stageIndicatorMeans, stageSummaries } from '../../src/analysis/index.ts';

function system(): IndicatorSystem {
  return {
    id: 'test-3',
    name: { zh: '测试体系', en: 'Test system' },
    version: '1',
    source: { seed: 'test', published: '', defaults: '' },
    baseScale: 100,
    stages: [
      { id: 'initial', name: { zh: '初创期', en: 'Start-up' }, maxAgeYears: 5 },
      { id: 'growth', name: { zh: '成长期', en: 'Growth' }, maxAgeYears: 10 },
      { id: 'stable', name: { zh: '稳定期', en: 'Mature' } },
    ],
    classes: [
      { id: 'rd', name: { zh: '研发投入', en: 'R&D input' } },
      { id: 'out', name: { zh: '创新产出', en: 'Output' } },
    ],
    indicators: [
      {
        id: 'rd_expense',
        name: { zh: '研发费用金额', en: 'R&D expense' },
        classId: 'rd',
        direction: 'positive',
        value: { kind: 'field', field: 'rd_expense' },
        weights: { initial: 0.5, growth: 0.4, stable: 0.3 },
      },
      {
        id: 'patents',
        name: { zh: '发明专利申请量', en: 'Invention applications' },
        classId: 'out',
        direction: 'positive',
        value: { kind: 'field', field: 'patents' },
        weights: { initial: 0.3, growth: 0.3, stable: 0.3 },
      },
      {
        id: 'revenue',
        name: { zh: '营业收入', en: 'Revenue' },
        classId: 'out',
        direction: 'positive',
        value: { kind: 'field', field: 'revenue' },
        weights: { initial: 0.2, growth: 0.3, stable: 0.4 },
      },
    ],
    bonus: [{ id: 'honors', name: { zh: '荣誉', en: 'Honours' }, field: 'honors', points: 0.2, cap: 0.8 }],
    vetoes: [
      { id: 'accident', name: { zh: '重大安全事故', en: 'Major accident' }, fields: ['accident'], mandatory: true, defaultActive: true },
      { id: 'tax', name: { zh: '欠税', en: 'Tax arrears' }, fields: ['tax'], mandatory: false, defaultActive: false },
    ],
  };
}

const sys = system();
const n = 12;
const col = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
const prepared = prepare({
  system: sys,
  columns: {
    rd_expense: col((i) => (i === 3 ? NaN : i * 10)),
    patents: col((i) => (i * 7) % 5),
    revenue: col((i) => 100 - i),
    honors: col((i) => i % 3),
    accident: col((i) => (i === 5 ? 1 : 0)),
    tax: col(() => 0),
  },
  n,
  stage: Uint8Array.from({ length: n }, (_, i) => i % 3),
  normalization: { method: 'winsorized-minmax', lowerQuantile: 0.01, upperQuantile: 0.99 },
});
const weights = effectiveWeights(sys);
const toggles = { bonus: [true], veto: [true, false] };
const result = rescore(prepared, weights, toggles);

let server: ViteDevServer;
// `render` must come from the same Svelte instance as the components, i.e. through Vite too.
let render: (component: Component<any>, options: { props: Record<string, unknown> }) => { body: string };
const load = async (path: string) => (await server.ssrLoadModule(path)).default as Component<any>;

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'silent',
    plugins: [svelte()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
  });
  render = (await server.ssrLoadModule('svelte/server')).render;
});
afterAll(async () => {
  await server?.close();
});

describe('ProfileView', () => {
  it('renders a real table, ranks and percentile; the name is text, never HTML', async () => {
    const ProfileView = await load('/src/ui/views/ProfileView.svelte');
    const row = 5; // vetoed by the mandatory accident rule
    const explanation = explain(prepared, weights, toggles, row);
    const name = '<img src=x onerror=alert(1)>某某科技有限公司';
    const { body } = render(ProfileView, {
      props: { system: sys, lang: 'zh', explanation, name, uscc: '91510100MA6CXXXX1X', rank: result.rank[row], baselineRank: 3, percentile: 12.5 },
    });
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;img src=x onerror=alert(1)>某某科技有限公司');
    // Number columns are marked for right alignment and tabular figures (global.css table.data .num).
    expect(body).toContain('<th scope="col" class="num">原始值</th>');
    expect(body).toContain('<th scope="row">研发费用金额</th>');
    expect(body).toContain('已触发否决，得分清零');
    expect(body).toContain('12.5%');
    expect((body.match(/<table/g) ?? []).length).toBe(3); // indicators, bonus, vetoes
  });

  it('explains points that add up to the displayed score (unvetoed row)', async () => {
    const ProfileView = await load('/src/ui/views/ProfileView.svelte');
    const row = 4;
    const e = explain(prepared, weights, toggles, row);
    expect(e.indicators.reduce((a, x) => a + x.points, 0) + e.bonus).toBeCloseTo(result.score[row], 12);
    const { body } = render(ProfileView, {
      props: { system: sys, lang: 'en', explanation: e, name: 'ACME', uscc: 'X', rank: result.rank[row], baselineRank: result.rank[row], percentile: NaN },
    });
    expect(body).toContain(`data-testid="profile-score">${result.score[row].toFixed(3)}`);
    expect(body).toContain('Rank (published weights)');
  });
});

describe('WeightsView', () => {
  it('labels every slider and number input with the Chinese indicator name and stage', async () => {
    const WeightsView = await load('/src/ui/views/WeightsView.svelte');
    const { body } = render(WeightsView, { props: { system: sys, scenario: { version: 1, systemId: sys.id }, lang: 'zh', onchange: () => {} } });
    expect((body.match(/type="range"/g) ?? []).length).toBe(9); // 3 indicators × 3 stages
    expect((body.match(/aria-label="研发费用金额 — 初创期 权重"/g) ?? []).length).toBe(1); // the slider
    expect((body.match(/aria-label="研发费用金额 — 初创期 权重（%）"/g) ?? []).length).toBe(1); // the percentage field
    expect(body).toContain('保持各阶段合计 100%（按比例调整其他权重）');
    expect(body).toContain('自由权重，评分时归一');
    expect(body).toContain('重置为公布权重');
    expect(body).toContain('基于极端值调整的极值法');
    expect(body).toMatch(/<input type="checkbox"[^>]*disabled/); // the mandatory veto
    expect(body).toMatch(/<th scope="rowgroup" colspan="4"[^>]*>研发投入<\/th>/); // class group header
  });

  it('free mode: the typed weights as percentages, their sum as typed and the sum used in scoring', async () => {
    const WeightsView = await load('/src/ui/views/WeightsView.svelte');
    const scenario = { version: 1 as const, systemId: sys.id, weightMode: 'free' as const, weights: { initial: { rd_expense: 0.9 } } };
    const { body } = render(WeightsView, { props: { system: sys, scenario, lang: 'zh', onchange: () => {} } });
    // initial: 0.9 + 0.3 + 0.2 = 1.4 typed (140%); scoring divides by 1.4, so the weights used sum to 100%
    expect(body).toMatch(/data-testid="weight-sum"[^>]*>140%</);
    expect(body).toContain('评分所用合计 100%');
    expect(body).toMatch(/value="90"[^>]*aria-label="研发费用金额 — 初创期 权重（%）"/);
    expect(body).toContain('0.9000');
    expect(body).toContain('公布 0.5000');
    expect(body).toContain('已修改 1 项权重（自由模式：评分时各阶段权重按其合计折算为 100%）。');
  });

  it('names the indicator in English only in English labels', async () => {
    const WeightsView = await load('/src/ui/views/WeightsView.svelte');
    const { body } = render(WeightsView, { props: { system: sys, scenario: { version: 1, systemId: sys.id, weightMode: 'free' }, lang: 'en', onchange: () => {} } });
    expect(body).toContain('aria-label="R&amp;D expense — Start-up weight"');
    expect(body).not.toContain('(研发费用金额)');
    expect(body).toContain('Free mode: each stage is divided by its sum at scoring');
  });
});

describe('StagesView', () => {
  it('renders the summary, means and comparison tables from props', async () => {
    const StagesView = await load('/src/ui/views/StagesView.svelte');
    const props = {
      system: sys,
      lang: 'zh',
      histograms: stageHistograms(result.score, prepared.stage, 3, 10, { min: 0, max: 101 }),
      summaries: stageSummaries(result.score, prepared.stage, result.stageRank, 3, result.vetoed),
      means: stageIndicatorMeans(prepared, 3),
      comparison: stageComparison(prepared, weights),
    };
    const { body } = render(StagesView, { props });
    expect(body).toContain('<caption>各阶段得分概况</caption>');
    expect(body).toContain('<caption>各阶段指标平均标准化值</caption>');
    expect(body).toContain('实际（各自阶段权重）');
    expect(body).toContain('<th scope="row">按初创期权重</th>');
    const empty = render(StagesView, { props: { ...props, means: null, comparison: null } }).body;
    expect(empty).toContain('尚未计算。');
  });
});

describe('概览 data quality', () => {
  it('lists the indicators with missing values, most first, with the share of the rows counted', async () => {
    const DataQuality = await load('/src/ui/views/overview/DataQuality.svelte');
    const report = (id: string, missing: number, finite: number, clippedLow: number, clippedHigh: number) => ({
      id,
      missing,
      posInf: 0,
      negInf: 0,
      finite,
      lo: 0,
      hi: 1,
      bounds: 'quantile',
      clippedLow,
      clippedHigh,
    });
    // rd_expense: 30 of 120 missing = 25.0%; patents: 3 of 120 = 2.5%; revenue: none (left out).
    const stats = { reports: [report('rd_expense', 30, 90, 1, 2), report('patents', 3, 117, 0, 5), report('revenue', 0, 120, 4, 4)] };
    const { body } = render(DataQuality, { props: { system: sys, stats, scored: 120 } });
    const rows = [...body.matchAll(/<tr><th scope="row">([^<]+)<\/th><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><\/tr>/g)].map((m) =>
      m.slice(1),
    );
    expect(rows).toEqual([
      ['研发费用金额', '30', '25.0%', '1 / 2'],
      ['发明专利申请量', '3', '2.5%', '0 / 5'],
    ]);
    const none = render(DataQuality, { props: { system: sys, stats: { reports: [report('revenue', 0, 120, 0, 0)] }, scored: 120 } }).body;
    expect(none).toContain('各指标均无缺失值。');
    expect(none).not.toContain('<table');
  });
});
