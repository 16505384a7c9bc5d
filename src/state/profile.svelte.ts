import type { Remote } from 'comlink';
import { Latest } from '../protocol/latest.ts';
import type { ProfileData, ScoringApi, StabilityResult } from '../protocol/scoring.ts';

/**
 * The enterprise shown in the 企业画像 section. Its explanation is fetched from the worker when a
 * row is opened and again after every re-score (`refresh`), so the profile always matches the
 * ranking; only the newest answer is applied (src/protocol/latest.ts), so a row opened later or a
 * newer re-score always wins.
 */
export class ProfileState {
  row = $state<number | null>(null);
  data = $state.raw<ProfileData | null>(null);
  error = $state<string | null>(null);
  /** Weight stability intervals of the shown row, computed on request; dropped on every re-score. */
  stability = $state.raw<StabilityResult | null>(null);
  stabilityBusy = $state(false);
  stabilityError = $state<string | null>(null);
  private readonly latest = new Latest();
  private readonly latestStability = new Latest();

  constructor(private readonly scoring: Remote<ScoringApi>) {}

  async open(row: number): Promise<void> {
    this.row = row;
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const row = this.row;
    if (row === null) return;
    const ticket = this.latest.take();
    // The intervals belong to the previous scores (or row): drop them rather than show stale ones.
    this.latestStability.take();
    this.stability = null;
    this.stabilityBusy = false;
    this.stabilityError = null;
    try {
      const data = await this.scoring.profile(row);
      if (this.latest.isNewest(ticket)) {
        this.data = data;
        this.error = null;
      }
    } catch (err) {
      if (this.latest.isNewest(ticket)) this.error = err instanceof Error ? err.message : String(err);
    }
  }

  async computeStability(topN: number): Promise<void> {
    const row = this.row;
    if (row === null) return;
    const ticket = this.latestStability.take();
    this.stabilityBusy = true;
    this.stabilityError = null;
    try {
      const result = await this.scoring.stability({ row, topN });
      if (this.latestStability.isNewest(ticket)) this.stability = result;
    } catch (err) {
      if (this.latestStability.isNewest(ticket)) this.stabilityError = err instanceof Error ? err.message : String(err);
    } finally {
      if (this.latestStability.isNewest(ticket)) this.stabilityBusy = false;
    }
  }
}
