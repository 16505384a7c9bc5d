import type { Scenario } from '../engine/index.ts';
import { getSystem } from '../systems/index.ts';
import { clearAll, DEMO_ID, deleteDataset, getDataset, isLegacy, listDatasets, loadSession, saveSession, type DatasetInfo } from '../persist/datasets.ts';
import type { ImportState } from './import.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';

/**
 * The datasets on this computer: the demo plus every file the user imported, listed and
 * switchable (opening a file never replaces another), and the session (which one is shown, the
 * current scenario) kept in IndexedDB so a reload or a browser restart brings it all back.
 */
export class DatasetsState {
  list = $state.raw<DatasetInfo[]>([]);
  activeId = $state(DEMO_ID);
  /** True once the stored session has been applied (the e2e tests wait on it). */
  restored = $state(false);
  busy = $state(false);
  /** The current scenario's name, kept in the session (the scenario library owns it; App links it). */
  names: { get: () => string | null; set: (name: string) => void } | null = null;
  readonly stopSync: () => void;

  constructor(
    private readonly workbench: Workbench,
    private readonly importer: ImportState,
    private readonly loadDemo: () => Promise<void>,
  ) {
    this.stopSync = $effect.root(() => {
      $effect(() => {
        const scenario = this.workbench.scenario;
        const activeId = this.activeId;
        const scenarioName = this.names?.get() ?? undefined;
        if (this.restored) void saveSession({ activeId, scenario: $state.snapshot(scenario) as Scenario, ...(scenarioName ? { scenarioName } : {}) }).catch(() => {});
      });
    });
  }

  /** On start: the stored session's dataset and scenario, else the demo. */
  async restore(): Promise<void> {
    try {
      this.list = await listDatasets();
      const session = await loadSession();
      const ok = session && session.activeId !== DEMO_ID ? await this.show(session.activeId) : false;
      if (!ok) await this.showDemo();
      if (session?.scenario && getSystem(session.scenario.systemId)) {
        this.workbench.setScenario(session.scenario);
        if (session.scenarioName) this.names?.set(session.scenarioName);
      }
    } catch {
      await this.showDemo(); // IndexedDB unavailable (private mode): the demo still works
    }
    this.restored = true;
  }

  /** Keeps the file under review and shows it; resolves to its id. */
  async addCurrent(): Promise<string | null> {
    const facts = this.importer.facts;
    if (!facts) return null;
    const id = `ds-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const name = this.uniqueName(facts.name);
    const ok = await this.importer.score(name);
    if (!ok) return null;
    await this.importer.keep({ id, name, addedAt: Date.now() }).catch((e: unknown) => console.warn(e));
    this.list = await listDatasets().catch(() => this.list);
    this.activeId = id;
    return id;
  }

  async switchTo(id: string): Promise<void> {
    if (id === this.activeId) return;
    if (id === DEMO_ID) await this.showDemo();
    else await this.show(id);
  }

  async remove(id: string): Promise<void> {
    await deleteDataset(id);
    this.list = await listDatasets();
    if (id === this.activeId) await this.showDemo();
  }

  async clearEverything(): Promise<void> {
    await clearAll();
    this.list = [];
    await this.showDemo();
  }

  private async showDemo(): Promise<void> {
    this.activeId = DEMO_ID;
    await this.loadDemo();
  }

  private async show(id: string): Promise<boolean> {
    const stored = await getDataset(id);
    if (!stored) return false;
    this.busy = true;
    try {
      if (isLegacy(stored)) {
        // Kept by the first version with the original bytes: import them once more, then store
        // the dataset without its personal data in place of the file.
        const { bytes, name, options, edits, keepInvalidUscc } = stored;
        if (!(await this.importer.open(bytes, name, { options, edits, keepInvalidUscc }))) return false;
        if (!(await this.importer.score(name))) return false;
        await this.importer.keep({ id, name, addedAt: stored.addedAt });
      } else {
        if (!(await this.importer.openStored(stored))) return false;
        if (!(await this.importer.score(stored.name))) return false;
      }
      this.activeId = id;
      return true;
    } finally {
      this.busy = false;
    }
  }

  private uniqueName(name: string): string {
    const taken = new Set(this.list.map((d) => d.name));
    let out = name;
    for (let k = 2; taken.has(out); k++) out = `${name} (${k})`;
    return out;
  }
}
