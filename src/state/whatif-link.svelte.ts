import type { Label } from '../engine/index.ts';
import { getSystem } from '../systems/index.ts';
import { decodeShareHash, encodeShareHash } from '../whatif/share/index.ts';
import type { ScenarioDoc } from '../whatif/scenarios/index.ts';
import type { Nav, Tab } from './nav.svelte.ts';
import { TABS } from './nav.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';
import { WHATIF_VIEWS, type WhatifState, type WhatifView } from './whatif.svelte.ts';

export interface Banner {
  kind: 'error' | 'info';
  message: Label;
  details?: string[];
}

/** True when a hash carries a share link (`#s=…`, possibly after other `&`-separated parts). */
export function isShareHash(hash: string): boolean {
  return /^#?(?:[^&]*&)*s=/.test(hash);
}

/** The `v=<tab>.<view>` part of a share hash (which section the link opens), validated. */
export function viewFromHash(hash: string): { tab: Tab | null; view: WhatifView | null } {
  const m = /(?:^#|&)v=([a-z]+)(?:\.([a-z]+))?/.exec(hash);
  const tab = m && (TABS as readonly string[]).includes(m[1]) ? (m[1] as Tab) : null;
  const view = m?.[2] && (WHATIF_VIEWS as readonly string[]).includes(m[2]) ? (m[2] as WhatifView) : null;
  return { tab, view };
}

/**
 * Shareable links: the current scenario (never the data) compressed into `#s=…` (src/whatif/share),
 * and on page load the reverse: a link is decoded and validated, and its scenario applied once the
 * data is ready (after any stored session, so the link wins). A broken or hostile link only sets
 * a banner; nothing in it is ever run or rendered as markup.
 */
export class ShareLinks {
  banner = $state.raw<Banner | null>(null);
  lastUrl = $state<string | null>(null);
  copied = $state(false);
  /** 'none' | 'pending' | 'applied' | 'rejected' (the e2e tests read it). */
  status = $state<'none' | 'pending' | 'applied' | 'rejected'>('none');
  readonly stop: () => void;

  constructor(
    private readonly workbench: Workbench,
    private readonly nav: Nav,
    private readonly whatif: WhatifState,
    /** Imports a file as the 数据 tab does (the one data path); resolves to an error or null. */
    private readonly openFile: (file: Blob, name: string) => Promise<Label | null>,
    hash = typeof location === 'undefined' ? '' : location.hash,
  ) {
    let pending: ScenarioDoc | null = null;
    let dataUrl: string | null = null;
    if (isShareHash(hash)) {
      const r = decodeShareHash(hash);
      if (!r.ok) {
        this.status = 'rejected';
        this.banner = { kind: 'error', message: r.message, ...(r.errors ? { details: r.errors.slice(0, 5) } : {}) };
      } else if (!getSystem(r.doc.scenario.systemId)) {
        this.status = 'rejected';
        this.banner = {
          kind: 'error',
          message: { zh: `链接中的指标体系“${r.doc.scenario.systemId}”不存在。`, en: `The link's indicator system "${r.doc.scenario.systemId}" does not exist.` },
        };
      } else {
        pending = r.doc;
        this.status = 'pending';
        const { tab, view } = viewFromHash(hash);
        if (tab) this.nav.tab = tab;
        if (view) this.whatif.view = view;
        dataUrl = r.dataUrl;
      }
    }
    this.stop = $effect.root(() => {
      $effect(() => {
        if (pending && this.workbench.phase === 'ready') {
          const doc = pending;
          pending = null;
          this.workbench.setScenario(doc.scenario);
          if (doc.list) this.whatif.listRule = doc.list;
          this.whatif.library.activeName = doc.name;
          this.status = 'applied';
          this.banner = { kind: 'info', message: { zh: `已打开分享的方案“${doc.name}”。`, en: `Opened the shared scenario "${doc.name}".` } };
          if (dataUrl) void this.openData(dataUrl);
        }
      });
    });
  }

  /** Puts the link to `doc` in the address bar and (when allowed) on the clipboard. */
  async copy(doc: ScenarioDoc): Promise<string> {
    const hash = `${encodeShareHash(doc)}&v=${this.nav.tab}.${this.whatif.view}`;
    const url = `${location.origin}${location.pathname}${location.search}${hash}`;
    history.replaceState(null, '', hash);
    this.lastUrl = url;
    this.copied = false;
    try {
      await navigator.clipboard.writeText(url);
      this.copied = true;
    } catch {
      this.copied = false; // no clipboard permission: the link stays selectable in the text field
    }
    return url;
  }

  /**
   * The link's dataset (https only, checked by decodeShareHash): a CSV is fetched without
   * credentials and imported like any user's file (automatic mapping); other formats are refused with a message.
   */
  private async openData(url: string): Promise<void> {
    const msg = (kind: Banner['kind'], zh: string, en: string) => (this.banner = { kind, message: { zh, en } });
    if (!/\.csv$/i.test(new URL(url).pathname)) {
      msg(
        'info',
        `链接指定的数据（${url}）不是 CSV：从网址读取 Parquet 等格式暂不支持，方案已应用于当前数据。`,
        `The link's data (${url}) is not a CSV: reading Parquet and other formats from a URL is not supported yet; the scenario is shown on the current data.`,
      );
      return;
    }
    msg('info', `正在读取链接中的数据：${url}`, `Reading the link's data: ${url}`);
    try {
      const res = await fetch(url, { credentials: 'omit', redirect: 'follow' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const failed = await this.openFile(await res.blob(), url);
      if (!failed) msg('info', `已读取链接中的数据：${url}`, `Opened the link's data: ${url}`);
      else msg('error', `链接中的数据无法评分：${failed.zh}`, `The link's data could not be scored: ${failed.en}`);
    } catch (err) {
      const m = err instanceof Error ? err.message : String(err);
      msg('error', `无法读取链接中的数据（${url}）：${m}`, `Could not read the link's data (${url}): ${m}`);
    }
  }

  dismiss(): void {
    this.banner = null;
  }
}
