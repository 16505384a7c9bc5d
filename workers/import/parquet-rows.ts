import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { cellText } from '../../src/data/cell-text.ts';
import { DataError } from '../../src/data/errors.ts';

/**
 * A Parquet file → rows of text with hyparquet (DuckDB-wasm would fetch its parquet extension
 * from a CDN, which the workbench never does). The header row holds the column names.
 */
export async function parquetRows(bytes: Uint8Array, name: string): Promise<(string | null)[][]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const metadata = parquetMetadata(file);
    const names = parquetSchema(metadata).children.map((c) => c.element.name);
    let data: unknown[][] = [];
    await parquetRead({ file, metadata, rowFormat: 'array', onComplete: (rows) => (data = rows as unknown[][]) });
    return [names, ...data.map((r) => names.map((_, j) => cellText(r[j])))];
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new DataError('bad-parquet', `${name} is not a readable Parquet file (${why}).`, `${name} 不是可读的 Parquet 文件（${why}）。`);
  }
}
