import type { Remote } from 'comlink';
import type { Scenario } from '../engine/index.ts';
import type { Lang } from '../i18n/lang.ts';
import { auditText } from '../i18n/audit.ts';
import type { ScoringApi } from '../protocol/scoring.ts';
import type { AuditRequest, AuditResult } from '../protocol/whatif.ts';
import { ALL_GROUP_ID } from '../whatif/audit/groups.ts';
import { Job } from './job.svelte.ts';
import { downloadBytes, exportMoment, MIME } from './whatif-lists.svelte.ts';

/**
 * The 统计审核 view: the audit of the current scenario (computed in the scoring worker while the
 * view is on screen, latest request wins), which scope is shown, which correlation, and the XLSX.
 */
export class AuditState {
  /** A stage id or `all`. */
  group = $state<string>(ALL_GROUP_ID);
  matrix = $state<'pearson' | 'spearman'>('pearson');
  exporting = $state(false);
  exportError = $state<string | null>(null);
  readonly job: Job<AuditRequest, AuditResult>;

  constructor(private readonly scoring: Remote<ScoringApi>) {
    this.job = new Job((r) => scoring.audit(r));
  }

  refresh(scenario: Scenario): Promise<void> {
    return this.job.run({ scenario: $state.snapshot(scenario) as Scenario });
  }

  /** The scope shown: the chosen one when the audit has it (a stage of another system falls back to all). */
  shown(result: AuditResult | null) {
    if (!result) return null;
    return result.audit.groups.find((g) => g.id === this.group) ?? result.audit.groups[result.audit.groups.length - 1];
  }

  async export(req: { scenario: Scenario; scenarioName: string; datasetName: string; quality?: string[]; lang: Lang }): Promise<void> {
    this.exporting = true;
    this.exportError = null;
    try {
      const now = exportMoment();
      const bytes = await this.scoring.auditExport({ ...req, scenario: $state.snapshot(req.scenario) as Scenario, exportedAt: now.text });
      downloadBytes(bytes, `${auditText(req.lang).fileBase}-${now.date}.xlsx`, MIME.xlsx);
    } catch (err) {
      this.exportError = err instanceof Error ? err.message : String(err);
    } finally {
      this.exporting = false;
    }
  }
}
