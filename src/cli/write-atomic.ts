import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from './cli-error.ts';

/**
 * Writes `text` to `path` through a temporary file in the same directory and a rename, so a
 * reader never sees a partial file and a failed run leaves no output behind.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code ?? 'I/O error';
    throw new CliError(`Cannot write the output file ${path} (${code}); check that its folder exists and is writable.`);
  }
}
