// Starting a worker thread from a TypeScript entry file, wherever the app runs. The Electron
// build bundles each worker beside main.cjs (scripts/build-electron.mjs); run from source (the
// web host, tests, benchmarks) the entry is bundled once per process by esbuild's own process,
// so the calling thread keeps running: a worker thread does not get the main thread's
// TypeScript loader.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const bundles = new Map<string, Promise<string>>();

/**
 * `built` is the file name the Electron build gives the worker's bundle; `entry` gives the
 * worker's source file (an absolute path), asked only when run from source (the built app has
 * no import.meta.url to find it with). Modules named in `external` are left out of the bundle and loaded by
 * the worker as usual (native modules such as better-sqlite3 must be).
 */
export async function startWorker(built: string, entry: () => string, options: WorkerOptions = {}, external: string[] = []): Promise<Worker> {
  const beside = builtFile(built);
  if (beside) return new Worker(beside, options);
  return new Worker(await bundle(entry(), external), { ...options, eval: true });
}

/** Bundles a worker ahead of its first start (when run from source; the built app needs nothing). */
export function prepareWorker(built: string, entry: () => string, external: string[] = []): void {
  if (!builtFile(built)) bundle(entry(), external).catch(() => {});
}

function builtFile(built: string): string | null {
  const beside = typeof __dirname === 'string' ? path.join(__dirname, built) : '';
  return beside && fs.existsSync(beside) ? beside : null;
}

function bundle(file: string, external: string[]): Promise<string> {
  let source = bundles.get(file);
  if (!source) {
    const esbuild = createRequire(file)('esbuild') as typeof import('esbuild');
    source = esbuild
      .build({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent', external })
      .then((out) => out.outputFiles[0]!.text);
    bundles.set(file, source);
    // A failed build is tried again next time rather than remembered.
    source.catch(() => bundles.delete(file));
  }
  return source;
}
