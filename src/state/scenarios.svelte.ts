import type { Scenario } from '../engine/index.ts';
import { getSystem } from '../systems/index.ts';
import {
  addDoc,
  baselineDoc,
  deleteDoc,
  duplicateDoc,
  exportScenarioDoc,
  newScenarioDoc,
  parseScenarioDoc,
  parseScenarioFileText,
  renameDoc,
  uniqueName,
  type ScenarioDoc,
} from '../whatif/scenarios/index.ts';

export const SCENARIOS_STORAGE_KEY = 'ipw.scenarios.v1';

/** Where saved scenarios live: localStorage in the app, a Map in tests. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Reads the stored library; every document is validated again and broken ones are dropped. */
export function readLibrary(store: KeyValueStore | null): ScenarioDoc[] {
  try {
    const text = store?.getItem(SCENARIOS_STORAGE_KEY);
    if (!text) return [];
    const arr: unknown = JSON.parse(text);
    if (!Array.isArray(arr)) return [];
    return arr.flatMap((d) => {
      const r = parseScenarioDoc(d);
      return r.ok && getSystem(r.doc.scenario.systemId) ? [r.doc] : [];
    });
  } catch {
    return [];
  }
}

export function storage(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked (privacy settings): the library lives for this page only
  }
}

/**
 * The saved scenarios (方案库): named documents kept in localStorage, plus the published weights of
 * the current system, always available as the baseline. Documents are validated on import and on
 * load (src/whatif/scenarios); applying one hands its scenario to the workbench.
 */
/** A scenario document is a few KB; a larger file is refused unread. */
export const MAX_SCENARIO_FILE_BYTES = 1_000_000;

export class ScenarioLibrary {
  docs = $state.raw<ScenarioDoc[]>([]);
  /** The last import's errors (field-named), or null. */
  importErrors = $state.raw<string[] | null>(null);
  /** Name of the saved document last applied (shown as the current scenario's name). */
  activeName = $state<string | null>(null);

  constructor(private readonly store: KeyValueStore | null = storage()) {
    this.docs = readLibrary(store);
  }

  baseline(systemId: string): ScenarioDoc | null {
    const system = getSystem(systemId);
    return system ? baselineDoc(system) : null;
  }

  /** Saves `scenario` (with the view's list rule and segment) under `name` (made unique); returns the stored name. */
  save(name: string, scenario: Scenario, extra: Pick<ScenarioDoc, 'list' | 'segment'> = {}): string {
    const doc = newScenarioDoc(
      uniqueName(
        name,
        this.docs.map((d) => d.name),
      ),
      scenario,
      new Date().toISOString(),
      extra,
    );
    this.set([...this.docs, doc]);
    this.activeName = doc.name;
    return doc.name;
  }

  /** Replaces document `i`'s scenario, list rule and segment with these (keeps its name). */
  overwrite(i: number, scenario: Scenario, extra: Pick<ScenarioDoc, 'list' | 'segment'> = {}): void {
    const d = this.docs[i];
    if (!d) return;
    const next = newScenarioDoc(d.name, scenario, new Date().toISOString(), extra);
    this.set(this.docs.map((x, j) => (j === i ? next : x)));
  }

  duplicate(i: number): void {
    const d = this.docs[i];
    if (d) this.set([...this.docs, duplicateDoc(d, this.docs, new Date().toISOString())]);
  }

  rename(i: number, name: string): void {
    if (!name.trim()) return;
    this.set(renameDoc(this.docs, i, name));
  }

  remove(i: number): void {
    this.set(deleteDoc(this.docs, i));
  }

  /** Saved scenarios of a system (an indicator system about to be deleted says how many go with it). */
  countForSystem(systemId: string): number {
    return this.docs.filter((d) => d.scenario.systemId === systemId).length;
  }

  /** Removes the saved scenarios of a deleted system: they could no longer be applied. */
  removeForSystem(systemId: string): void {
    if (this.docs.some((d) => d.scenario.systemId === systemId)) this.set(this.docs.filter((d) => d.scenario.systemId !== systemId));
  }

  /** A scenario file too large to be one (the import control reads at most MAX_SCENARIO_FILE_BYTES). */
  refuseTooLarge(bytes: number): void {
    this.importErrors = [`(root): the file is ${(bytes / 1_000_000).toFixed(1)} MB; a scenario file is at most ${MAX_SCENARIO_FILE_BYTES / 1_000_000} MB`];
  }

  /**
   * Imports a scenario file's text (the app's export or the CLI's bare scenario, named after the
   * file: src/whatif/scenarios/scenario-file.ts); false (with `importErrors`) when it is neither.
   */
  importText(text: string, fileName = ''): boolean {
    const r = parseScenarioFileText(text, fileName.replace(/(\.scenario)?\.json$/i, ''));
    if (!r.ok) {
      this.importErrors = r.errors.slice(0, 8);
      return false;
    }
    if (!getSystem(r.doc.scenario.systemId)) {
      this.importErrors = [`scenario.systemId: unknown indicator system "${r.doc.scenario.systemId}"`];
      return false;
    }
    this.importErrors = null;
    this.set(addDoc(this.docs, r.doc));
    return true;
  }

  /**
   * The index of a saved document with this name and scenario, adding it (under a unique name)
   * when there is none: a shared link's compared scenario becomes one of the user's.
   */
  findOrAdd(name: string, scenario: Scenario): { index: number; added: boolean } {
    const same = JSON.stringify(scenario);
    const i = this.docs.findIndex((d) => d.name === name && JSON.stringify(d.scenario) === same);
    if (i >= 0) return { index: i, added: false };
    this.set(addDoc(this.docs, newScenarioDoc(name, scenario, new Date().toISOString())));
    return { index: this.docs.length - 1, added: true };
  }

  exportText(doc: ScenarioDoc): string {
    return exportScenarioDoc(doc);
  }

  private set(docs: ScenarioDoc[]): void {
    this.docs = docs;
    try {
      this.store?.setItem(SCENARIOS_STORAGE_KEY, JSON.stringify(docs));
    } catch {
      // quota or blocked storage: the library still works for this page
    }
  }
}
