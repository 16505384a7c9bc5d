/** Splits samples [0, total) into `parts` contiguous ranges whose sizes differ by at most one. */
export function splitSamples(total: number, parts: number): [number, number][] {
  const p = Math.max(1, Math.min(parts, Math.max(1, total)));
  const out: [number, number][] = [];
  for (let i = 0; i < p; i++) out.push([Math.floor((i * total) / p), Math.floor(((i + 1) * total) / p)]);
  return out;
}
