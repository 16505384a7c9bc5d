/**
 * The paths that name a field of a system file in its problems (`indicators[3].weights.growth`),
 * written one way by the schema check and the semantic checks, and read back by error-text.ts.
 */

/** `.key`, or `["key"]` for a key that is not a plain identifier (a stage id may hold "-" or "."). */
export function pathKey(key: string): string {
  return PLAIN.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `indicators[3].weights.growth` from zod's `['indicators', 3, 'weights', 'growth']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && PLAIN.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || '(root)';
}
