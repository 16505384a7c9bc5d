/**
 * Server-side render of the one chart component (src/ui/Chart.svelte). The Vega view is embedded
 * only in the browser ($effect), so what SSR must produce is the figure around it: the accessible
 * name, the text alternative, the caption, the fallback table and the export buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Component, createRawSnippet as CreateRawSnippet } from 'svelte';
import type { TopLevelSpec } from 'vega-lite';

let server: ViteDevServer;
// `render` and `createRawSnippet` must come from the same Svelte instance as the component.
let render: (component: Component<any>, options: { props: Record<string, unknown> }) => { body: string };
let createRawSnippet: typeof CreateRawSnippet;
let Chart: Component<any>;

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
  createRawSnippet = (await server.ssrLoadModule('svelte')).createRawSnippet;
  Chart = (await server.ssrLoadModule('/src/ui/Chart.svelte')).default;
});
afterAll(async () => {
  await server?.close();
});

const spec: TopLevelSpec = {
  data: {
    values: [
      { bin: '0–10', count: 3 },
      { bin: '10–20', count: 5 },
    ],
  },
  mark: 'bar',
  encoding: { x: { field: 'bin', type: 'ordinal' }, y: { field: 'count', type: 'quantitative' } },
};

describe('Chart', () => {
  it('renders the figure with its name, text alternative, caption, table and export buttons', () => {
    const table = createRawSnippet(() => ({ render: () => '<table class="data"><tbody><tr><th scope="row">0–10</th><td>3</td></tr></tbody></table>' }));
    const { body } = render(Chart, {
      props: {
        spec,
        label: '得分分布',
        caption: '各区间企业数',
        description: '两个区间：0–10 有 3 家，10–20 有 5 家。',
        table,
        tableSummary: '数据表',
        exportAs: { file: 'histogram', png: '导出 PNG', svg: '导出 SVG' },
        testid: 'hist',
      },
    });
    expect(body).toMatch(/<figure[^>]*aria-label="得分分布"/);
    expect(body).toContain('data-testid="hist"');
    const describedBy = /aria-describedby="([^"]+)"/.exec(body)?.[1];
    expect(describedBy).toBeTruthy();
    expect(body).toContain(`id="${describedBy}" class="visually-hidden`);
    expect(body).toContain('两个区间：0–10 有 3 家，10–20 有 5 家。');
    expect(body).toMatch(/<figcaption[^>]*>[\s\S]*各区间企业数[\s\S]*<\/figcaption>/);
    expect(body).toMatch(/<details[^>]*><summary[^>]*>数据表<\/summary>[\s\S]*<th scope="row">0–10<\/th>/);
    expect(body).toContain('导出 PNG');
    expect(body).toContain('导出 SVG');
    expect(body).not.toContain('<svg'); // the view itself is embedded in the browser only
  });

  it('renders only the figure for a bare chart (no caption, no table, no buttons)', () => {
    const { body } = render(Chart, { props: { spec, label: 'Score distribution', live: true } });
    expect(body).toMatch(/<figure[^>]*aria-label="Score distribution"/);
    expect(body).not.toContain('aria-describedby');
    expect(body).not.toContain('<figcaption');
    expect(body).not.toContain('<table');
    expect(body).not.toContain('<button');
  });
});
