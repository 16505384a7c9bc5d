import type { Remote } from 'comlink';
import type { ProfileData, ScoringApi } from '../protocol/scoring.ts';

/**
 * The enterprise shown in the 企业画像 section. Its explanation is fetched from the worker when a
 * row is opened and again after every re-score (`refresh`), so the profile always matches the
 * ranking; an answer for a row that is no longer selected is dropped.
 */
export class ProfileState {
  row = $state<number | null>(null);
  data = $state.raw<ProfileData | null>(null);
  error = $state<string | null>(null);

  constructor(private readonly scoring: Remote<ScoringApi>) {}

  async open(row: number): Promise<void> {
    this.row = row;
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const row = this.row;
    if (row === null) return;
    try {
      const data = await this.scoring.profile(row);
      if (this.row === row) {
        this.data = data;
        this.error = null;
      }
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }
}
