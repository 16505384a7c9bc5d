import { Latest } from '../protocol/latest.ts';

/**
 * Main-thread sender for a request kind that may come faster than the worker answers (a dragged
 * slider): at most one request in flight and at most one waiting. A new request replaces the
 * waiting one (it was never sent), so the worker gets the first and the latest value and nothing
 * in between. Tickets and stale answers follow the one rule of src/protocol/latest.ts.
 */
export class LatestRequest<Req, Res> {
  private readonly latest = new Latest();
  private inFlight = false;
  private waiting: Req | null = null;

  constructor(
    private readonly send: (req: Req, ticket: number) => Promise<Res | null>,
    private readonly apply: (res: Res, ticket: number) => void,
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
    const ticket = this.latest.take();
    try {
      const res = await this.send(req, ticket);
      if (res !== null && this.latest.isNewest(ticket)) this.apply(res, ticket);
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
