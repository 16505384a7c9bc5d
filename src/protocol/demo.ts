/** The demo worker (workers/demo.worker.ts): generates the demo CSV off the main thread. */
export interface DemoApi {
  /** The demo CSV as UTF-8 bytes (transferred, not copied). */
  generate(rows: number, seed?: number): Promise<Uint8Array>;
}
