import type { Remote } from 'comlink';
import { Latest } from '../protocol/latest.ts';
import type { ProfileData, ScoringApi } from '../protocol/scoring.ts';

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
  private readonly latest = new Latest();

  constructor(private readonly scoring: Remote<ScoringApi>) {}

  async open(row: number): Promise<void> {
    this.row = row;
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const row = this.row;
    if (row === null) return;
    const ticket = this.latest.take();
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
}
