import type { Remote } from 'comlink';
import type { ScoringApi, StagesData } from '../protocol/scoring.ts';

/**
 * The 阶段对比 data (indicator means per stage and the cross-stage ranking comparison), fetched
 * on demand because the comparison re-scores the population once per stage (~0.3 s at 1M rows).
 * `ensure(version)` fetches once per score version; answers for an older version are dropped.
 */
export class StagesState {
  data = $state.raw<StagesData | null>(null);
  busy = $state(false);
  private version = -1;

  constructor(private readonly scoring: Remote<ScoringApi>) {}

  async ensure(scoreVersion: number, topShare = 0.1): Promise<void> {
    if (scoreVersion === this.version) return;
    this.version = scoreVersion;
    this.busy = true;
    try {
      const data = await this.scoring.stages(topShare);
      if (this.version === scoreVersion) this.data = data;
    } finally {
      if (this.version === scoreVersion) this.busy = false;
    }
  }
}
