import type { Remote } from 'comlink';
import type { Label, Scenario } from '../engine/index.ts';
import type { ScenarioDoc } from '../whatif/scenarios/index.ts';
import type { SegmentState } from './segment.svelte.ts';
import { DEFAULT_LIST_RULE, type ListRule } from '../whatif/lists/index.ts';
import type { ScoringApi } from '../protocol/scoring.ts';
import type {
  AgreementRequest,
  AgreementResult,
  CompareRequest,
  CompareResult,
  CrossSystemResult,
  RowFilter,
  SegmentRef,
  SensitivityRequest,
  SensitivityResult,
} from '../protocol/whatif.ts';
import type { ScenarioLibrary } from './scenarios.svelte.ts';
import { Job } from './job.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';

export const WHATIF_VIEWS = ['scenarios', 'compare', 'sensitivity', 'montecarlo', 'sobol', 'agreement', 'audit', 'lists', 'yoy', 'report'] as const;
export type WhatifView = (typeof WHATIF_VIEWS)[number];

/** Which scenario a comparison side means: the published weights, the workbench's, or a saved one. */
export type ScenarioRef = 'baseline' | 'current' | `saved:${number}`;

/**
 * State of the 情景分析 section: its sub-view, the list rule every analysis shares, and the
 * worker jobs (compare, sensitivity, method agreement, cross-system). The heavy work runs in the
 * scoring worker (workers/whatif-api.ts); only small answers arrive here.
 */
export class WhatifState {
  view = $state<WhatifView>('scenarios');
  listRule = $state.raw<ListRule>(DEFAULT_LIST_RULE);
  a = $state<ScenarioRef>('baseline');
  b = $state<ScenarioRef>('current');
  filter = $state.raw<RowFilter>({ stage: -1, techField: '' });
  shift = $state(0.2);
  sensitivityStages = $state<'each' | 'all'>('all');
  agreementTopN = $state(100);

  readonly compare: Job<CompareRequest, CompareResult>;
  readonly sensitivity: Job<SensitivityRequest, SensitivityResult>;
  readonly agreement: Job<AgreementRequest, AgreementResult>;
  readonly cross: Job<number, CrossSystemResult>;

  constructor(
    readonly workbench: Workbench,
    readonly library: ScenarioLibrary,
    scoring: Remote<ScoringApi>,
    /** The 细分范围 of the ranking: saved with a scenario and restored with it (null: none in this app). */
    readonly segment: SegmentState | null = null,
  ) {
    this.compare = new Job((r) => scoring.compare(r));
    this.sensitivity = new Job((r) => scoring.sensitivity(r));
    this.agreement = new Job((r) => scoring.methodAgreement(r));
    this.cross = new Job((topN) => scoring.crossSystem({ topN }));
  }

  /** The segment the lists are drawn from (the applied one), as a worker request names it. */
  segmentRef(): SegmentRef | undefined {
    const a = this.segment?.active;
    return a ? { id: a.id, condition: a.text } : undefined;
  }

  /** What a saved scenario or a link holds beside the engine's scenario: the list rule and the applied segment. */
  currentExtras(): Pick<ScenarioDoc, 'list' | 'segment'> {
    const text = this.segment?.active?.text;
    return { list: $state.snapshot(this.listRule) as ListRule, ...(text ? { segment: text } : {}) };
  }

  /**
   * Applies a saved or shared document: its scenario, list rule and name, and its segment — or no
   * segment when it has none, since the segment is part of the scenario. Resolves to a note when
   * the document's segment cannot run on the data on screen (the error also stands at the field).
   */
  async applyDoc(doc: ScenarioDoc | null): Promise<Label | null> {
    if (!doc) {
      this.workbench.setScenario({ version: 1, systemId: this.workbench.scenario.systemId });
      this.library.activeName = null;
      await this.segment?.apply('');
      return null;
    }
    this.workbench.setScenario(structuredClone(doc.scenario));
    if (doc.list) this.listRule = structuredClone(doc.list);
    this.library.activeName = doc.name;
    const seg = this.segment;
    if (!seg || (doc.segment ?? '') === (seg.active?.text ?? '')) return null;
    if (await seg.apply(doc.segment ?? '')) return null;
    const why = seg.error ?? { zh: '', en: '' };
    return {
      zh: `方案“${doc.name}”的细分条件无法用于当前数据：${why.zh}`,
      en: `The segment of scenario "${doc.name}" cannot run on the data on screen: ${why.en}`,
    };
  }

  /** The scenario a reference stands for (a saved one of another system falls back to the baseline). */
  resolve(ref: ScenarioRef): Scenario {
    const current = $state.snapshot(this.workbench.scenario) as Scenario;
    if (ref === 'current') return current;
    if (ref.startsWith('saved:')) {
      const doc = this.library.docs[Number(ref.slice(6))];
      if (doc) return structuredClone(doc.scenario);
    }
    return { version: 1, systemId: current.systemId };
  }

  runCompare(): Promise<void> {
    const segment = this.segmentRef();
    return this.compare.run({ a: this.resolve(this.a), b: this.resolve(this.b), list: this.listRule, filter: this.filter, ...(segment ? { segment } : {}) });
  }

  runSensitivity(): Promise<void> {
    const segment = this.segmentRef();
    return this.sensitivity.run({ scenario: this.resolve('current'), shift: this.shift, stages: this.sensitivityStages, list: this.listRule, ...(segment ? { segment } : {}) });
  }

  runAgreement(): Promise<void> {
    return this.agreement.run({ scenario: this.resolve('current'), topN: this.agreementTopN });
  }

  runCross(): Promise<void> {
    return this.cross.run(this.agreementTopN);
  }
}
