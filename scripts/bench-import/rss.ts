import { readdirSync, readFileSync } from 'node:fs';

/** One reading: summed VmRSS of the renderer processes, in bytes, at a Node performance.now(). */
export interface Sample {
  at: number;
  bytes: number;
  largest: number;
  processes: number;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process went away between listing and reading
  }
}

/**
 * Renderer processes (cmdline has --type=renderer) descending from `root` (this Node process).
 * Chromium rewrites its argv in place, so the cmdline may be one space-separated string. The
 * browser's own WebUI renderer (--top-chrome-webui) and extension renderers hold no page: skipped.
 */
export function rendererPids(root = process.pid): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const stat = read(`/proc/${d}/stat`);
    if (!stat) continue;
    // pid (comm) state ppid …: comm may contain spaces and parentheses, so split after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parent.set(Number(d), ppid);
  }
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && hops < 64; p = parent.get(p), hops++) if (p === root) return true;
    return false;
  };
  const out: number[] = [];
  for (const pid of parent.keys()) {
    if (!descends(pid)) continue;
    const cmd = read(`/proc/${pid}/cmdline`);
    const args = (cmd ?? '').split(/[\0 ]/);
    if (args.includes('--type=renderer') && !args.includes('--top-chrome-webui') && !args.includes('--extension-process')) out.push(pid);
  }
  return out;
}

function vmRssBytes(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(read(`/proc/${pid}/status`) ?? '');
  return m ? Number(m[1]) * 1024 : 0;
}

/**
 * Samples the summed RSS of Chromium's renderer processes every `everyMs` (workers and
 * DuckDB-wasm run inside the renderer). The process list is refreshed every 10th sample.
 */
export class RendererMemory {
  readonly samples: Sample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private pids: number[] = [];

  start(everyMs = 100): void {
    let n = 0;
    const tick = () => {
      if (n++ % 10 === 0) this.pids = rendererPids();
      const sizes = this.pids.map(vmRssBytes);
      this.samples.push({ at: performance.now(), bytes: sizes.reduce((a, b) => a + b, 0), largest: Math.max(0, ...sizes), processes: sizes.filter((s) => s > 0).length });
    };
    tick();
    this.timer = setInterval(tick, everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Samples taken between two Node performance.now() times. */
  between(from: number, to: number): Sample[] {
    return this.samples.filter((s) => s.at >= from && s.at <= to);
  }
}

export const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(2)} GB`;
