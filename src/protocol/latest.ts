/**
 * The one stale-result rule ("latest wins"), used on both sides of every worker boundary. Each
 * request of one kind takes a ticket from one counter; only the answer to the newest ticket is
 * applied. A worker that hears the page's tickets drops, before doing any work, a request whose
 * ticket is older than the newest it has heard of (see `admit`), so a dragged slider never queues
 * stale work.
 */
export class Latest {
  private newest = 0;

  /** A ticket for a new request: every older ticket is stale from now on. */
  take(): number {
    return ++this.newest;
  }

  /** Records a ticket taken on the other side of a worker boundary. */
  hear(ticket: number): void {
    if (ticket > this.newest) this.newest = ticket;
  }

  isNewest(ticket: number): boolean {
    return ticket === this.newest;
  }

  /** Makes every ticket taken so far stale (a cancel, a new dataset). */
  invalidate(): void {
    this.newest++;
  }

  /**
   * Worker side: hears `ticket`, yields one macrotask so that requests already posted behind it
   * are delivered (and heard), then says whether it is still the newest.
   */
  async admit(ticket: number): Promise<boolean> {
    this.hear(ticket);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    return this.isNewest(ticket);
  }
}
