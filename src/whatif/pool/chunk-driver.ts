/** A chunk of sampling work stepped one sample at a time (McChunk, SobolChunk). */
export interface SteppedChunk<P> {
  readonly finished: boolean;
  readonly done: number;
  readonly total: number;
  step(count: number): number;
  /** How many to ask `step` for at a time (default 1). */
  readonly stepSize?: number;
  readonly partial: P;
}

export interface DriveOptions {
  onProgress?: (done: number, total: number) => void;
  /** Polled between time slices; true → stop and return the partial so far. */
  cancelled: () => boolean;
  /** Gives the event loop a turn (so a `cancel` message can arrive). */
  yieldNow: () => Promise<void>;
  /** Length of a time slice between yields; default 50 ms. */
  sliceMs?: number;
  now?: () => number;
}

/**
 * Runs a chunk in time slices inside a worker: samples for `sliceMs`, reports progress, yields to
 * the event loop (where a cancel request is handled), repeats. Without the yields a synchronous
 * chunk could not be cancelled short of terminating the worker.
 */
export async function driveChunk<P>(chunk: SteppedChunk<P>, opts: DriveOptions): Promise<P> {
  const slice = opts.sliceMs ?? 50;
  const now = opts.now ?? (() => performance.now());
  while (!chunk.finished && !opts.cancelled()) {
    const t0 = now();
    do chunk.step(chunk.stepSize ?? 1);
    while (!chunk.finished && now() - t0 < slice);
    opts.onProgress?.(chunk.done, chunk.total);
    if (!chunk.finished) await opts.yieldNow();
  }
  return chunk.partial;
}

/**
 * A macrotask yield that, unlike setTimeout(0), is not clamped to 4 ms when nested: a message to
 * ourselves through a MessageChannel.
 */
export function channelYield(): () => Promise<void> {
  const ch = new MessageChannel();
  const queue: (() => void)[] = [];
  ch.port1.onmessage = () => queue.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      queue.push(resolve);
      ch.port2.postMessage(null);
    });
}
