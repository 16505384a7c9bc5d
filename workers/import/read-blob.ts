/** Reads a Blob (a dropped or picked File) into one buffer, reporting the fraction read. */
export async function readBlob(blob: Blob, onFraction: (f: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(blob.size);
  const reader = blob.stream().getReader();
  let at = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.length;
    if (at - last > 4 << 20) {
      last = at;
      onFraction(at / Math.max(1, blob.size));
    }
  }
  onFraction(1);
  return at === out.length ? out : out.subarray(0, at);
}
