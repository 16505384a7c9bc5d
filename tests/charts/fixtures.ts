import type { Histogram } from '../../src/analysis/index.ts';
import type { Named } from '../../src/charts/index.ts';

export const STAGES: Named[] = [
  { key: 'initial', name: { zh: '初创期', en: 'Start-up' } },
  { key: 'growth', name: { zh: '成长期', en: 'Growth' } },
  { key: 'stable', name: { zh: '稳定期', en: 'Mature' } },
];

export const INDICATORS: Named[] = [
  { key: 'rd_expense', name: { zh: '研发费用金额', en: 'R&D expense' } },
  { key: 'rd_intensity', name: { zh: '研发投入强度', en: 'R&D intensity' } },
  { key: 'invention_applications', name: { zh: '发明专利申请量', en: 'Invention applications' } },
];

/** 4 bins over [0, 100], step 25. */
export function hist(counts: number[]): Histogram {
  return { min: 0, max: 100, step: 100 / counts.length, counts, total: counts.reduce((a, b) => a + b, 0), missing: 0, outside: 0 };
}
