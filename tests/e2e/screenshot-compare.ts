import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** How two screenshots differ: pixels that differ beyond pixelmatch's colour threshold. */
export interface ScreenshotDiff {
  /** null when the sizes differ (a layout change by itself). */
  differing: number | null;
  total: number;
  /** A PNG that marks the differing pixels in red over a faded copy of the reference. */
  diffPng: Buffer | null;
}

export function compareScreenshots(reference: Buffer, actual: Buffer): ScreenshotDiff {
  const a = PNG.sync.read(reference);
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) return { differing: null, total: a.width * a.height, diffPng: null };
  const diff = new PNG({ width: a.width, height: a.height });
  // threshold 0.1 is pixelmatch's default colour distance; anti-aliased pixels are not counted.
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  return { differing, total: a.width * a.height, diffPng: PNG.sync.write(diff) };
}
