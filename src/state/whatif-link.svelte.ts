import type { Label, Scenario } from '../engine/index.ts';
import { exportSystem, getSystem, isPresetSystem, listSystems, registerSystem } from '../systems/index.ts';
import { freshId } from '../systems/edit-system.ts';
import type { IndicatorSystem } from '../engine/types.ts';
import { datasetNotice, decodeShareHash, encodeShareHash, type LinkScenarioRef, type ShareContext, type ShareDataset, type ShareView } from '../whatif/share/index.ts';
import { newScenarioDoc, type ScenarioDoc } from '../whatif/scenarios/index.ts';
import type { Nav, Tab } from './nav.svelte.ts';
import { TABS } from './nav.svelte.ts';
import type { ProfileState } from './profile.svelte.ts';
import type { MonteCarloState } from './whatif-mc.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';
import { WHATIF_VIEWS, type ScenarioRef, type WhatifState, type WhatifView } from './whatif.svelte.ts';

export interface Banner {
  /** 'warning': the link opened, but on other data than it was made on (or part of its view is gone). */
  kind: 'error' | 'info' | 'warning';
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
  /** Where a link's custom system goes (the 指标体系 state; set by App.svelte). */
  systems: { adopt(system: IndicatorSystem): void } | null = null;
  private linked: IndicatorSystem | null = null;
  readonly stop: () => void;

  constructor(
    private readonly workbench: Workbench,
    private readonly nav: Nav,
    private readonly whatif: WhatifState,
    /** Imports a file as the 数据 tab does (the one data path); resolves to an error or null. */
    private readonly openFile: (file: Blob, name: string) => Promise<Label | null>,
    hash = typeof location === 'undefined' ? '' : location.hash,
    private readonly mc: MonteCarloState | null = null,
  ) {
    let pending: ScenarioDoc | null = null;
    let context: ShareContext | null = null;
    let dataUrl: string | null = null;
    if (isShareHash(hash)) {
      const r = decodeShareHash(hash);
      if (!r.ok) {
        this.status = 'rejected';
        this.banner = { kind: 'error', message: r.message, ...(r.errors ? { details: r.errors.slice(0, 5) } : {}) };
      } else if (!this.linkSystem(r.doc, r.context)) {
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
        context = r.context;
        // The link's own view wins over `v=` (both are written; `v=` alone is an older link).
        const v = context?.view;
        if (v?.tab && (TABS as readonly string[]).includes(v.tab)) this.nav.tab = v.tab as Tab;
        if (v?.sub && (WHATIF_VIEWS as readonly string[]).includes(v.sub)) this.whatif.view = v.sub as WhatifView;
        dataUrl = r.dataUrl;
      }
    }
    this.stop = $effect.root(() => {
      $effect(() => {
        if (pending && this.workbench.phase === 'ready') {
          const doc = pending;
          pending = null;
          void this.applyLink(doc, context, dataUrl);
        }
      });
    });
  }

  /** Applies a decoded link once the data is ready: its scenario and segment, then its view, data and enterprise. */
  private async applyLink(doc: ScenarioDoc, context: ShareContext | null, dataUrl: string | null): Promise<void> {
    // The link's custom system reaches the worker (and the user's list) before its scenario does.
    if (this.linked) this.systems?.adopt(this.linked);
    const segmentNote = await this.whatif.applyDoc(doc);
    const notes = this.applyView(context?.view);
    const opened = { zh: `已打开分享的方案“${doc.name}”。`, en: `Opened the shared scenario "${doc.name}".` };
    const data = this.shownDataset();
    const mismatch = data ? datasetNotice(context?.dataset, data) : null;
    this.status = 'applied';
    this.linkDataset = context?.dataset ?? null;
    const warn = mismatch ?? segmentNote;
    this.setBanner(warn ? 'warning' : 'info', [opened, ...(mismatch ? [mismatch] : []), ...(segmentNote ? [segmentNote] : []), ...notes]);
    if (dataUrl) await this.openData(dataUrl);
    else if (this.profileUscc) await this.openProfile(this.profileUscc);
  }

  /**
   * Whether the link's system is here: a preset or a custom system of the same content, or the
   * custom system the link carries, registered in this page. When this page already has another
   * system under the link's id (two people's "custom-sichuan-2024"), the link's one is registered
   * under a fresh id and the link's scenarios are renamed to it, so neither system is replaced and
   * the link scores with the weights and formulas it was made with.
   */
  private linkSystem(doc: ScenarioDoc, context: ShareContext | null): boolean {
    const id = doc.scenario.systemId;
    const carried = context?.system;
    if (!carried || carried.id !== id || isPresetSystem(id)) return getSystem(id) !== undefined;
    const here = getSystem(id);
    if (here && exportSystem(here) === exportSystem(carried)) return true;
    const own = here
      ? freshId(
          id,
          listSystems().map((s) => s.id),
        )
      : id;
    const system = own === id ? carried : { ...carried, id: own, name: { zh: `${carried.name.zh}（来自链接）`, en: `${carried.name.en} (from a link)` } };
    if (registerSystem(system).length) return false;
    this.linked = getSystem(own) ?? null;
    if (own !== id) {
      doc.scenario = { ...doc.scenario, systemId: own };
      const cmp = context?.view?.compare;
      if (cmp)
        for (const side of ['a', 'b'] as const) {
          const ref = cmp[side];
          if (typeof ref === 'object' && ref.scenario.systemId === id) cmp[side] = { ...ref, scenario: { ...ref.scenario, systemId: own } };
        }
    }
    return this.linked !== null;
  }

  /** The dataset on screen as a link names it (null before any data is loaded). */
  shownDataset(): ShareDataset | null {
    const r = this.workbench.report;
    return r ? { name: r.source.name, rows: r.rowsScored, fingerprint: r.fingerprint } : null;
  }

  /** The whole view on screen: tab, sub-view, open enterprise, comparison pair, Monte Carlo form. */
  currentView(): ShareView {
    const side = (ref: ScenarioRef): LinkScenarioRef => {
      if (ref === 'baseline' || ref === 'current') return ref;
      const doc = this.whatif.library.docs[Number(ref.slice(6))];
      return doc ? { name: doc.name, scenario: structuredClone($state.snapshot(doc.scenario) as Scenario) } : 'baseline';
    };
    const mc = this.mc;
    const uscc = this.profile?.row !== null && this.profile?.data?.row === this.profile?.row ? this.profile?.data?.uscc : undefined;
    return {
      tab: this.nav.tab,
      sub: this.whatif.view,
      ...(uscc ? { profile: uscc } : {}),
      compare: { a: side(this.whatif.a), b: side(this.whatif.b) },
      ...(mc ? { mc: { samples: mc.samples, mode: mc.mode, spread: mc.spread, topN: mc.topN, seed: mc.seed, sampleMethods: mc.sampleMethods } } : {}),
    };
  }

  /** The link to the current scenario, list rule, segment and view (from any tab: the header's 复制链接). */
  copyCurrent(unsavedName: string): Promise<string> {
    const doc = newScenarioDoc(this.whatif.library.activeName ?? unsavedName, $state.snapshot(this.workbench.scenario) as Scenario, undefined, this.whatif.currentExtras());
    return this.copy(doc);
  }

  /** Puts the link to `doc` (with the current view and dataset) in the address bar and (when allowed) on the clipboard. */
  async copy(doc: ScenarioDoc): Promise<string> {
    const dataset = this.shownDataset();
    const id = this.workbench.scenario.systemId;
    const system = isPresetSystem(id) ? undefined : getSystem(id);
    const context: ShareContext = { version: 1, view: this.currentView(), ...(dataset ? { dataset } : {}), ...(system ? { system } : {}) };
    const hash = `${encodeShareHash(doc, undefined, context)}&v=${this.nav.tab}.${this.whatif.view}`;
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
      if (!failed) {
        msg('info', `已读取链接中的数据：${url}`, `Opened the link's data: ${url}`);
        const shown = this.shownDataset();
        const mismatch = shown ? datasetNotice(this.linkDataset ?? undefined, shown) : null;
        if (mismatch) this.setBanner('warning', [{ zh: `已读取链接中的数据：${url}。`, en: `Opened the link's data: ${url}.` }, mismatch]);
        if (this.profileUscc) await this.openProfile(this.profileUscc);
      } else msg('error', `链接中的数据无法评分：${failed.zh}`, `The link's data could not be scored: ${failed.en}`);
    } catch (err) {
      const m = err instanceof Error ? err.message : String(err);
      msg('error', `无法读取链接中的数据（${url}）：${m}`, `Could not read the link's data (${url}): ${m}`);
    }
  }

  /** The 企业画像 state (set by App.svelte): a link records and reopens its enterprise by USCC. */
  profile: ProfileState | null = null;
  /** The dataset the applied link was made on (null: none named, or no link). */
  linkDataset = $state.raw<ShareDataset | null>(null);
  private profileUscc: string | null = null;

  private setBanner(kind: Banner['kind'], parts: Label[]): void {
    this.banner = { kind, message: { zh: parts.map((p) => p.zh).join(''), en: parts.map((p) => p.en).join(' ') } };
  }

  /** Applies a link's view (after its scenario); returns notes on what could not be restored. */
  private applyView(view: ShareView | undefined): Label[] {
    const notes: Label[] = [];
    if (!view) return notes;
    if (view.compare) {
      const side = (ref: LinkScenarioRef): ScenarioRef => {
        if (typeof ref === 'string') return ref;
        const { index, added } = this.whatif.library.findOrAdd(ref.name, ref.scenario);
        if (added) notes.push({ zh: `对比方案“${ref.name}”已加入方案库。`, en: `The compared scenario "${ref.name}" was added to the library.` });
        return `saved:${index}`;
      };
      this.whatif.a = side(view.compare.a);
      this.whatif.b = side(view.compare.b);
    }
    if (view.mc && this.mc) Object.assign(this.mc, view.mc);
    this.profileUscc = view.profile ?? null;
    return notes;
  }

  /** Opens the link's enterprise by USCC in the data on screen, or says it is not there. */
  private async openProfile(uscc: string): Promise<void> {
    if (!this.profile) return;
    try {
      const hit = (await this.workbench.scoring.find({ text: uscc, limit: 20 })).find((r) => r.uscc === uscc);
      if (hit) {
        await this.profile.open(hit.row);
        return;
      }
    } catch {
      // no answer from the worker: reported below like a missing enterprise
    }
    const prev = this.banner;
    const note = {
      zh: `链接中的企业（统一社会信用代码 ${uscc}）不在当前数据中，未打开企业画像。`,
      en: `The link's enterprise (USCC ${uscc}) is not in the data on screen; no profile was opened.`,
    };
    this.banner = {
      kind: prev?.kind === 'error' ? 'error' : 'warning',
      message: prev ? { zh: prev.message.zh + note.zh, en: `${prev.message.en} ${note.en}` } : note,
    };
  }

  dismiss(): void {
    this.banner = null;
  }
}
