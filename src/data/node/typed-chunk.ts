import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { ColumnRead } from '../sql.ts';
import { hasBit, typedResultLayout, type TypedChunk } from '../typed-columns.ts';

/**
 * A native DuckDB data chunk of a `typedSelectSql` result, seen as the builder's TypedChunk.
 * A number column's text is fetched only where its mask bit says there is some: the node API
 * tests validity with BigInt arithmetic, too slow to run on every mostly-NULL text cell.
 * `withCells`: the query ends with a CSV's `row_cells` (typedSelectSql's `cellsSql`).
 */
export function typedChunkReader(reads: readonly ColumnRead[], withCells = false): (chunk: DuckDBDataChunk) => TypedChunk {
  const layout = typedResultLayout(reads);
  return (chunk) => {
    const vectors = Array.from({ length: chunk.columnCount }, (_, c) => chunk.getColumnVector(c));
    const cells = withCells ? vectors[vectors.length - 1] : undefined; // row_cells comes last
    return {
      ...(cells ? { cells: (k: number) => cells.getItem(k) as number } : {}),
      length: chunk.rowCount,
      blank: (k) => vectors[0].getItem(k) === true,
      number: (j, k) => vectors[layout.number[j]].getItem(k) as number | null,
      text: (j, k) => {
        const m = layout.mask[j];
        if (m >= 0 && !hasBit(vectors[m].getItem(k) as number, layout.bit[j])) return null;
        return vectors[layout.text[j]].getItem(k) as string | null;
      },
    };
  };
}
