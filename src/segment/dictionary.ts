/**
 * A text column as codes into its distinct values: how the segment's text fields travel from the
 * import worker to the scoring worker. A string array crosses a worker boundary string by string
 * (seconds at a million rows); a code array is one transferred buffer plus a few hundred values.
 */
export interface TextDictionary {
  /** Index into `values` per row. */
  codes: Uint32Array;
  /** Distinct values in order of first appearance ('' included where it occurs). */
  values: string[];
}

export function encodeText(texts: readonly string[]): TextDictionary {
  const index = new Map<string, number>();
  const values: string[] = [];
  const codes = new Uint32Array(texts.length);
  for (let r = 0; r < texts.length; r++) {
    const t = texts[r];
    let c = index.get(t);
    if (c === undefined) {
      c = values.length;
      index.set(t, c);
      values.push(t);
    }
    codes[r] = c;
  }
  return { codes, values };
}

/** The dictionaries of `fields` that `text` has. */
export function encodeFields(text: Readonly<Record<string, readonly string[]>>, fields: readonly string[]): Record<string, TextDictionary> {
  const out: Record<string, TextDictionary> = {};
  for (const f of fields) if (text[f]) out[f] = encodeText(text[f]);
  return out;
}
