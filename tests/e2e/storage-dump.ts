import type { Page } from 'playwright-core';

/**
 * Everything the page has stored on this computer, as text: every IndexedDB database, store and
 * record (Blobs and binary buffers decoded as UTF-8, where Arrow keeps its strings), every
 * localStorage and sessionStorage entry, Cache Storage, and the origin-private file system.
 */
export async function dumpStorage(page: Page): Promise<string> {
  await page.addInitScript('globalThis.__name = (f) => f'); // tsx keepNames helper, as in bench-ui
  return page.evaluate(async () => {
    const decoder = new TextDecoder();
    const out: string[] = [];
    const text = async (v: unknown, depth = 0): Promise<string> => {
      if (depth > 20) return '';
      if (v instanceof Blob) return decoder.decode(await v.arrayBuffer());
      if (v instanceof ArrayBuffer) return decoder.decode(v);
      if (ArrayBuffer.isView(v)) return decoder.decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      if (Array.isArray(v)) return (await Promise.all(v.map((x) => text(x, depth + 1)))).join('\n');
      if (v && typeof v === 'object') {
        const parts = await Promise.all(Object.entries(v).map(async ([k, x]) => `${k}: ${await text(x, depth + 1)}`));
        return parts.join('\n');
      }
      return String(v);
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const tx = db.transaction(store);
        const os = tx.objectStore(store);
        const [keys, values] = await Promise.all(
          [os.getAllKeys(), os.getAll()].map(
            (r) => new Promise<unknown[]>((resolve, reject) => ((r.onsuccess = () => resolve(r.result as unknown[])), (r.onerror = () => reject(r.error)))),
          ),
        );
        out.push(`idb ${info.name}/${store}: ${keys.length} records`);
        for (let i = 0; i < keys.length; i++) out.push(`${String(keys[i])}: ${await text(values[i])}`);
      }
      db.close();
    }
    for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) out.push(`${s.key(i)}=${s.getItem(s.key(i)!)}`);
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) out.push(`cache ${req.url}: ${await (await cache.match(req))!.text()}`);
    }
    const walk = async (dir: FileSystemDirectoryHandle, path: string): Promise<void> => {
      for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (handle.kind === 'file') out.push(`opfs ${path}${name}: ${decoder.decode(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer())}`);
        else await walk(handle as FileSystemDirectoryHandle, `${path}${name}/`);
      }
    };
    await walk(await navigator.storage.getDirectory(), '/').catch(() => {});
    return out.join('\n');
  });
}
