/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { demoCsvChunks } from '../src/demo/generate.ts';
import type { DemoApi } from '../src/protocol/demo.ts';

/**
 * Generates the demo CSV off the main thread and returns it as UTF-8 bytes (transferred, not
 * copied; src/protocol/demo.ts). Chunks are encoded as they come so that a
 * million-row file never exists as one string.
 */
const encoder = new TextEncoder();

const api: DemoApi = {
  async generate(rows, seed) {
    const parts: Uint8Array[] = [];
    let size = 0;
    for (const chunk of demoCsvChunks(seed === undefined ? { rows } : { rows, seed })) {
      const bytes = encoder.encode(chunk);
      parts.push(bytes);
      size += bytes.length;
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return transfer(out, [out.buffer]);
  },
};

expose(api);
