import { specKey } from './normalize/method.ts';
import { prepare, type Prepared, type PrepareInput } from './prepare.ts';

/** What a prepared matrix is made from; the stage assignment is computed only on a miss. */
export interface PrepareRequest extends Omit<PrepareInput, 'stage'> {
  stage: () => Uint8Array;
  /** Names the stage assignment (equal keys = equal assignments of this population). */
  stageKey: string;
}

/**
 * The one cache of prepared matrices (derived values, bounds, s-matrix). A matrix depends on the
 * population's columns, the system, the stage assignment and the normalisation, and on nothing
 * else, so that is its key: `stageKey` names the assignment (the scoring core passes the as-of day
 * and the cut-offs), and the normalisation enters through `specKey`, which drops percentiles that
 * the method ignores. Pinned matrices (a session's baseline, a Monte Carlo run's base) are never
 * evicted; at most `capacity` others are kept, least recently used first out, because each costs
 * n·k·16 bytes (~290 MB at 1M × 18).
 */
export class PreparedCache {
  private readonly entries = new Map<string, Prepared>();
  private readonly pinned = new Map<string, Prepared>();
  private readonly keys = new WeakMap<Prepared, string>();

  constructor(private readonly capacity = 2) {}

  /** The matrix for `req`, prepared on a miss. */
  prepare(req: PrepareRequest): Prepared {
    const key = cacheKey(req);
    const pinned = this.pinned.get(key);
    if (pinned) return pinned;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const p = prepare({ ...req, stage: req.stage() });
    this.keys.set(p, key);
    this.entries.set(key, p);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return p;
  }

  /**
   * Keeps `p` until cleared; others are evicted around it. `req` says what `p` was prepared for
   * when it was not prepared by this cache.
   */
  pin(p: Prepared, req?: PrepareRequest): void {
    const key = req ? cacheKey(req) : this.keys.get(p);
    if (key === undefined) throw new Error('PreparedCache.pin: a matrix from elsewhere needs its request');
    this.entries.delete(key);
    this.pinned.set(key, p);
  }

  clear(): void {
    this.entries.clear();
    this.pinned.clear();
  }
}

// Identity tokens: two imported systems may share an id, two datasets share nothing.
const tokens = new WeakMap<object, number>();
let nextToken = 1;
function token(o: object): number {
  let t = tokens.get(o);
  if (t === undefined) tokens.set(o, (t = nextToken++));
  return t;
}

function cacheKey(req: PrepareRequest): string {
  return `${token(req.columns)}|${token(req.system)}|${req.n}|${req.stageKey}|${specKey(req.normalization)}`;
}
