/**
 * A short fingerprint of a built dataset, so a share link can tell whether it is opened on the
 * data it was made on: the scored row count, the set of USCCs and the file's header list.
 *
 * The USCCs are combined order-independently (each hashed alone, then summed and xor-ed), which
 * is the same as hashing them sorted but O(n): sorting a million strings would cost about a
 * second of the load. Two files with the same enterprises in another row order have the same
 * fingerprint (the scores and ranks are the same); any added, removed or changed USCC, another
 * row count or another header list changes it. Not a security measure: 64 bits of FNV-1a.
 */
export function datasetFingerprint(usccs: readonly string[], headers: readonly string[]): string {
  let sumA = 0;
  let sumB = 0;
  let xor = 0;
  for (const u of usccs) {
    const a = fnv1a(u, 0x811c9dc5);
    const b = fnv1a(u, 0x01000193);
    sumA = (sumA + a) >>> 0;
    sumB = (sumB + b) >>> 0;
    xor = (xor ^ Math.imul(a, 0x9e3779b1)) >>> 0;
  }
  const text = `${usccs.length}\u0001${headers.join('\u0002')}\u0001${sumA}\u0001${sumB}\u0001${xor}`;
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x050c5d1f));
}

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const hex = (v: number) => v.toString(16).padStart(8, '0');
