/**
 * Main-thread half of "latest wins": at most one request in flight and at most one waiting. A new
 * request replaces the waiting one (it was never sent), so a dragged slider sends the first and
 * the latest value and nothing in between; answers older than the newest applied one are ignored.
 */
export class LatestRequest<Req, Res> {
  private gen = 0;
  private applied = 0;
  private inFlight = false;
  private waiting: Req | null = null;

  constructor(
    private readonly send: (req: Req, gen: number) => Promise<Res | null>,
    private readonly apply: (res: Res, gen: number) => void,
    private readonly fail: (err: unknown) => void,
  ) {}

  push(req: Req): void {
    if (this.inFlight) {
      this.waiting = req;
      return;
    }
    void this.run(req);
  }

  private async run(req: Req): Promise<void> {
    this.inFlight = true;
    const gen = ++this.gen;
    try {
      const res = await this.send(req, gen);
      if (res !== null && gen > this.applied) {
        this.applied = gen;
        this.apply(res, gen);
      }
    } catch (err) {
      this.fail(err);
    } finally {
      this.inFlight = false;
      const next = this.waiting;
      this.waiting = null;
      if (next !== null) void this.run(next);
    }
  }
}
