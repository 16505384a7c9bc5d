/**
 * A worker_threads entry URL that registers tsx before importing `moduleUrl`: Node does not pass
 * `--import` loaders on to worker threads, so a TypeScript worker module needs this to load.
 */
export function tsWorkerUrl(moduleUrl: string): URL {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `const { register } = await import(${JSON.stringify(api)}); register(); await import(${JSON.stringify(moduleUrl)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
