/**
 * The key under which a reviewed mapping is remembered: a 64-bit FNV-1a hash of the header list
 * (as the file writes it, in order), so a file with the same headers gets the same mapping.
 */
export function headerHash(headers: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const text = JSON.stringify(headers);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
