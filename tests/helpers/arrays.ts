/** Turns typed arrays into plain arrays so that vitest's deep equality compares values only. */
export function plain(a: ArrayLike<number>): number[] {
  return Array.from(a);
}

export function f64(values: number[]): Float64Array {
  return Float64Array.from(values);
}
