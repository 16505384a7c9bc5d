import type { Indicator, IndicatorSystem } from '../../../engine/index.ts';

export interface IndicatorGroup {
  classId: string;
  name: { zh: string; en: string };
  /** Indicators of the class with their index in the system (the weight matrix column). */
  items: { index: number; indicator: Indicator }[];
}

/**
 * Weighted indicators grouped by class, classes in system order, indicators in system order;
 * indicators of an unknown class go to a trailing group named after their class id.
 */
export function groupByClass(system: IndicatorSystem): IndicatorGroup[] {
  const groups = new Map<string, IndicatorGroup>();
  for (const c of system.classes) groups.set(c.id, { classId: c.id, name: c.name, items: [] });
  system.indicators.forEach((indicator, index) => {
    let g = groups.get(indicator.classId);
    if (!g) {
      g = { classId: indicator.classId, name: { zh: indicator.classId, en: indicator.classId }, items: [] };
      groups.set(indicator.classId, g);
    }
    g.items.push({ index, indicator });
  });
  return [...groups.values()].filter((g) => g.items.length > 0);
}
