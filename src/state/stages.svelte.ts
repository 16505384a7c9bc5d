import type { Remote } from 'comlink';
import { Latest } from '../protocol/latest.ts';
import type { ScoringApi, StagesData } from '../protocol/scoring.ts';

/**
 * The 阶段对比 data (indicator means per stage and the cross-stage ranking comparison), fetched
 * on demand because the comparison re-scores the population once per stage (~0.3 s at 1M rows):
 * `ensure(version)` fetches once per score version; only the newest answer is applied.
 */
export class StagesState {
  data = $state.raw<StagesData | null>(null);
  busy = $state(false);
  private version = -1;
  private readonly latest = new Latest();

  constructor(private readonly scoring: Remote<ScoringApi>) {}

  async ensure(scoreVersion: number, topShare = 0.1): Promise<void> {
    if (scoreVersion === this.version) return;
    this.version = scoreVersion;
    const ticket = this.latest.take();
    this.busy = true;
    try {
      const data = await this.scoring.stages({ topShare });
      if (this.latest.isNewest(ticket)) this.data = data;
    } finally {
      if (this.latest.isNewest(ticket)) this.busy = false;
    }
  }
}
