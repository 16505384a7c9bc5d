import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { serveStatic, type StaticServer } from './static-server.ts';

/**
 * Builds the site exactly as `npm run build` does (base './') into a temporary directory and
 * serves it under a sub-path, as a plain static host would.
 */
export async function buildAndServe(base = '/points/'): Promise<StaticServer & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ipw-site-'));
  const root = resolve(import.meta.dirname, '../..');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir: dir, emptyOutDir: true } });
  const server = await serveStatic(dir, base);
  return {
    ...server,
    dir,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
