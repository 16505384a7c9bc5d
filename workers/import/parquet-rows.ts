import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { cellText } from '../../src/data/cell-text.ts';
import { DataError, internalDetails } from '../../src/data/errors.ts';

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
    // The CLI's sentence (node/read-parquet.ts); hyparquet's own words only in details.
    throw new DataError(
      'bad-parquet',
      `${name} is not a readable Parquet file; export it again, or save the data as CSV or .xlsx.`,
      `${name} 不是可读的 Parquet 文件；请重新导出，或另存为 CSV 或 .xlsx。`,
      internalDetails(e),
    );
  }
}
