import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { ColumnRead } from '../sql.ts';
import { typedResultLayout, type TypedChunk } from '../typed-columns.ts';

/** A native DuckDB data chunk of a `typedSelectSql` result, seen as the builder's TypedChunk. */
export function typedChunkReader(reads: readonly ColumnRead[]): (chunk: DuckDBDataChunk) => TypedChunk {
  const layout = typedResultLayout(reads);
  return (chunk) => {
    const vectors = Array.from({ length: chunk.columnCount }, (_, c) => chunk.getColumnVector(c));
    return {
      length: chunk.rowCount,
      blank: (k) => vectors[0].getItem(k) === true,
      number: (j, k) => vectors[layout.number[j]].getItem(k) as number | null,
      text: (j, k) => vectors[layout.text[j]].getItem(k) as string | null,
    };
  };
}
