import type { Remote } from 'comlink';
import type { IndicatorSystem } from '../engine/types.ts';
import type { ScoringApi } from '../protocol/scoring.ts';
import { readCustomSystems, writeCustomSystems, type SystemStore } from '../systems/custom-library.ts';
import { customSystems, getSystem, isPresetSystem, registerSystem, setCustomSystems, unregisterSystem } from '../systems/index.ts';
import { storage } from './scenarios.svelte.ts';
import { DEFAULT_SYSTEM_ID, type Workbench } from './workbench.svelte.ts';

/**
 * The user's indicator systems (指标体系 tab): kept in localStorage, registered in this page's
 * registry and handed to the scoring worker, so a scenario naming one scores like a preset. Built
 * before the scenario library and the session restore, which only accept systems they know.
 */
export class CustomSystemsState {
  list = $state.raw<IndicatorSystem[]>([]);
  /** Set when the browser refused to store the set (private mode, quota): the systems last for this page only. */
  notStored = $state(false);

  constructor(
    private readonly workbench: Workbench,
    private readonly scoring: Remote<ScoringApi>,
    private readonly store: SystemStore | null = storage(),
  ) {
    setCustomSystems(readCustomSystems(store, isPresetSystem));
    this.list = customSystems();
    void this.scoring.setCustomSystems(this.list);
  }

  /** Validates and keeps `system` (new, or replacing the one with its id) and makes it current; returns its errors. */
  save(system: IndicatorSystem): string[] {
    const errors = registerSystem(system);
    if (errors.length) return errors;
    this.sync();
    this.workbench.systemsChanged({ version: 1, systemId: system.id });
    return [];
  }

  /** A system that came with a share link: kept like an imported one, so the link's view opens. */
  adopt(system: IndicatorSystem): void {
    if (registerSystem(system).length === 0) this.sync();
  }

  remove(id: string): void {
    unregisterSystem(id);
    this.sync();
    const current = this.workbench.scenario.systemId;
    this.workbench.systemsChanged(current === id || !getSystem(current) ? { version: 1, systemId: DEFAULT_SYSTEM_ID } : this.workbench.scenario);
  }

  private sync(): void {
    this.list = customSystems();
    this.notStored = !writeCustomSystems(this.store, this.list);
    // Posted before the re-score that follows, so the worker knows the system when it arrives.
    void this.scoring.setCustomSystems(this.list);
  }
}
