import { baselineScenario, type IndicatorSystem } from '../../engine/index.ts';
import { newScenarioDoc, type ScenarioDoc } from './scenario-doc.ts';

/**
 * Pure helpers over a list of saved scenarios (the UI keeps the list in its state and storage).
 * Names are unique within a library: `uniqueName` appends " (2)", " (3)" … as needed.
 */

export function uniqueName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  // A typed name never holds what an imported one may not (scenario-doc.ts MARKUP): dropped.
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/[<>\u0000-\u001f\u007f]/g, '').trim() || '方案';
  if (!used.has(base)) return base;
  const stem = base.replace(/ \(\d+\)$/, '');
  for (let i = 2; ; i++) {
    const candidate = `${stem} (${i})`;
    if (!used.has(candidate)) return candidate;
  }
}

/** The published weights of a system as a scenario document (always available as the baseline). */
export function baselineDoc(system: IndicatorSystem): ScenarioDoc {
  return newScenarioDoc(`${system.name.zh}（公布权重）`, baselineScenario(system));
}

/** A deep copy under a new unique name (`createdAt` as given). */
export function duplicateDoc(doc: ScenarioDoc, library: readonly ScenarioDoc[], createdAt?: string): ScenarioDoc {
  const copy = structuredClone(doc);
  copy.name = uniqueName(
    `${doc.name} 副本`,
    library.map((d) => d.name),
  );
  if (createdAt) copy.createdAt = createdAt;
  else delete copy.createdAt;
  return copy;
}

/** The library with the document at `index` renamed (unique among the others). */
export function renameDoc(library: readonly ScenarioDoc[], index: number, name: string): ScenarioDoc[] {
  if (!(index >= 0 && index < library.length)) throw new Error(`no scenario at position ${index}`);
  const others = library.filter((_, i) => i !== index).map((d) => d.name);
  return library.map((d, i) => (i === index ? { ...d, name: uniqueName(name, others) } : d));
}

export function deleteDoc(library: readonly ScenarioDoc[], index: number): ScenarioDoc[] {
  return library.filter((_, i) => i !== index);
}

/** Adds an imported document, renaming it when its name is taken. */
export function addDoc(library: readonly ScenarioDoc[], doc: ScenarioDoc): ScenarioDoc[] {
  return [
    ...library,
    {
      ...doc,
      name: uniqueName(
        doc.name,
        library.map((d) => d.name),
      ),
    },
  ];
}
