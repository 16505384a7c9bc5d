/**
 * "Latest wins" for worker requests. A request records its generation, then yields one macrotask
 * so that requests already posted behind it get delivered and raise `latest`; if a newer one
 * arrived meanwhile, the older request is dropped before any work is done.
 */
export class LatestWins {
  private latest = -Infinity;

  /** Resolves true when `gen` is still the newest request after the yield. */
  async admit(gen: number): Promise<boolean> {
    if (gen > this.latest) this.latest = gen;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    return gen >= this.latest;
  }

  isStale(gen: number): boolean {
    return gen < this.latest;
  }
}
