/**
 * A minimal promise wrapper around IndexedDB: one database, two object stores. `datasets` holds
 * the user's files (their bytes, kept on this computer only); `meta` holds small records such as
 * the active dataset and the current scenario.
 */
export const DB_NAME = 'innovation-points-workbench';
const VERSION = 1;
export type StoreName = 'datasets' | 'meta';

let opening: Promise<IDBDatabase> | null = null;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, VERSION);
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains('datasets')) db.createObjectStore('datasets', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    };
    r.onsuccess = () => {
      // Another context (a worker, another tab) deleting or upgrading the database must not be
      // blocked by this connection: close it, the next call opens a fresh one.
      r.result.onversionchange = () => {
        r.result.close();
        opening = null;
      };
      resolve(r.result);
    };
    r.onerror = () => {
      opening = null;
      reject(r.error);
    };
  });
  return opening;
}

export async function idbGet<T>(store: StoreName, key: string): Promise<T | undefined> {
  const db = await openDb();
  return request(db.transaction(store).objectStore(store).get(key) as IDBRequest<T | undefined>);
}

export async function idbAll<T>(store: StoreName): Promise<T[]> {
  const db = await openDb();
  return request(db.transaction(store).objectStore(store).getAll() as IDBRequest<T[]>);
}

export async function idbPut(store: StoreName, value: unknown, key?: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).put(value, key);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function idbDelete(store: StoreName, key: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).delete(key);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** Deletes the whole database (every stored file, mapping and scenario). */
export async function idbDestroy(): Promise<void> {
  if (opening) (await opening).close();
  opening = null;
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(DB_NAME);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
    r.onblocked = () => resolve();
  });
}
