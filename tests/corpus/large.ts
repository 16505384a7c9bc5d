import { createWriteStream } from 'node:fs';
import { makeUscc } from '../../src/data/uscc.ts';
import { csv, HEADERS, row } from './base.ts';

/**
 * Writes a large valid CSV of at least `minBytes` (the corpus's 50 MB file, generated at test time
 * into a temporary directory, never committed): the base rows repeated with distinct codes.
 */
export async function writeLargeCsv(path: string, minBytes: number): Promise<{ rows: number; bytes: number }> {
  const stream = createWriteStream(path);
  const write = (s: string) => new Promise<void>((res) => (stream.write(s) ? res() : stream.once('drain', () => res())));
  let bytes = 0;
  let rows = 0;
  const header = csv([HEADERS]);
  await write(header);
  bytes += Buffer.byteLength(header);
  while (bytes < minBytes) {
    const chunk: string[][] = [];
    for (let i = 0; i < 2000; i++, rows++) {
      const code = makeUscc(`91510100MB${String(rows).padStart(7, '0')}`);
      chunk.push(row(rows % 5, { 统一社会信用代码: code, '2023年度研发费用（万元）': String((rows % 997) + 1) }));
    }
    const text = csv(chunk);
    await write(text);
    bytes += Buffer.byteLength(text);
  }
  await new Promise<void>((res, rej) => stream.end((e?: Error | null) => (e ? rej(e) : res())));
  return { rows, bytes };
}
