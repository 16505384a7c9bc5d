import { Latest } from '../protocol/latest.ts';

/**
 * One asynchronous computation in a worker whose latest request wins (src/protocol/latest.ts):
 * an answer to an older request is dropped, an error is kept as text.
 */
export class Job<Req, Res> {
  result = $state.raw<Res | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  private readonly latest = new Latest();

  constructor(private readonly send: (req: Req) => Promise<Res>) {}

  /** Forgets the result (and any answer still on its way): it no longer describes what is shown. */
  clear(): void {
    this.latest.take();
    this.result = null;
    this.busy = false;
    this.error = null;
  }

  async run(req: Req): Promise<void> {
    const ticket = this.latest.take();
    this.busy = true;
    try {
      const res = await this.send(req);
      if (this.latest.isNewest(ticket)) {
        this.result = res;
        this.error = null;
      }
    } catch (err) {
      if (this.latest.isNewest(ticket)) this.error = err instanceof Error ? err.message : String(err);
    } finally {
      if (this.latest.isNewest(ticket)) this.busy = false;
    }
  }
}
