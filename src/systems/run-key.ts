import { systemsEpoch } from './index.ts';

/**
 * The cache key of anything computed from a scenario (in the workers, and for results the page
 * holds, such as Sobol's or the borderline table). A scenario names its system by id only, and
 * a custom system can change under the same id (the editor saves it again), so the registry's
 * epoch is part of the key: a cached run never outlives the system it was scored with.
 */
export function runKey(value: unknown): string {
  return `${systemsEpoch()}:${JSON.stringify(value)}`;
}
