import type { Label } from '../engine/types.ts';
import type { DataWarning, WarningCode } from './issues.ts';

/**
 * Collects warnings without letting a bad column flood memory: every warning is counted, but
 * only the first `perKind` of each (field, code) pair are kept with their message (messages are
 * built only for those). A file with a text column of 100k cells yields 100 examples and a count.
 */
export interface WarningCount {
  field: string;
  column: string;
  code: WarningCode;
  count: number;
}

export class WarningCollector {
  private readonly kept: DataWarning[] = [];
  private readonly byKind = new Map<string, WarningCount>();
  /** Every warning's row number and kind (index into counts()): the complete per-row record. */
  private readonly rowOf: number[] = [];
  private readonly kindOf: number[] = [];
  total = 0;

  constructor(readonly perKind = 100) {}

  add(row: number, column: string, field: string, value: string, code: WarningCode, message: () => Label): void {
    this.total++;
    const key = `${field}\u0000${code}`;
    let c = this.byKind.get(key);
    if (!c) {
      c = { field, column, code, count: 0 };
      this.byKind.set(key, c);
    }
    this.rowOf.push(row);
    this.kindOf.push(this.kindIndex(key));
    if (c.count++ < this.perKind) this.kept.push({ row, column, field, value, code, message: message() });
  }

  /** Kept warnings in row order (stable: within a row, in the order they were found). */
  warnings(): DataWarning[] {
    return [...this.kept].sort((a, b) => a.row - b.row);
  }

  /** In the order kinds were first met (the index `allRows` refers to). */
  counts(): WarningCount[] {
    return [...this.byKind.values()];
  }

  private readonly kindIndexes = new Map<string, number>();
  private kindIndex(key: string): number {
    let k = this.kindIndexes.get(key);
    if (k === undefined) {
      k = this.kindIndexes.size;
      this.kindIndexes.set(key, k);
    }
    return k;
  }

  /** Every warning counted (not only the kept ones): row number and index into counts(). */
  allRows(): { rows: readonly number[]; kinds: readonly number[] } {
    return { rows: this.rowOf, kinds: this.kindOf };
  }
}
