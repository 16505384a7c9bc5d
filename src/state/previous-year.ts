import { transfer } from 'comlink';
import type { Connector } from '../db/connector.ts';
import { bilingualError } from '../import/errors.ts';
import { getDataset, isLegacy } from '../persist/datasets.ts';
import type { LoadReport } from '../protocol/scoring.ts';
import { ImportState } from './import.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';

/** Where 年度对比 gets the previous year from: the demo's previous year, or a data set stored on this computer. */
export interface PreviousYearSource {
  demo(): Promise<LoadReport>;
  /** Rejects with a bilingual message (errorText) when the data set cannot be used. */
  stored(id: string): Promise<LoadReport>;
}

/**
 * A stored data set goes through an importer of its own (its own worker; the 数据 tab's file
 * under review is left alone) with the same mapping, checks and conversion as when it is shown,
 * and is handed to the scoring worker as the comparison year.
 */
export function previousYearSource(workbench: Workbench, db: Connector, demoRows: number): PreviousYearSource {
  let report: LoadReport | null = null;
  const importer = new ImportState(workbench, db, async (port) => {
    try {
      report = await workbench.scoring.adoptPrevious(transfer(port, [port]));
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  });
  return {
    demo: () => workbench.scoring.loadPreviousDemo({ rows: demoRows }),
    async stored(id) {
      const stored = await getDataset(id);
      if (!stored || isLegacy(stored))
        throw bilingualError('yoy-stored', {
          zh: '这个数据集无法作为上一年度载入：请先在“数据”中打开它一次。',
          en: 'This data set cannot be loaded as the previous year: open it once under Data first.',
        });
      report = null;
      if ((await importer.openStored(stored)) && (await importer.score(stored.name)) && report) return report;
      const e = importer.error;
      throw bilingualError('yoy-stored', e ? { zh: e.zh, en: e.en } : { zh: '上一年度数据载入失败。', en: "The previous year's data could not be loaded." });
    },
  };
}
