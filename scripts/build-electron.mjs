#!/usr/bin/env node
// Bundles the Electron main process and the preload into dist/electron/*.cjs. The preload runs
// sandboxed (it can require only 'electron'), so everything it uses is bundled into one file;
// better-sqlite3 stays external because it is a native module electron-builder unpacks.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await build({
  ...common,
  entryPoints: ['electron/shell/main.ts'],
  outfile: 'dist/electron/main.cjs',
  external: ['electron', 'better-sqlite3'],
  // parse-pool.ts reads import.meta only when run from source, where deck-worker.cjs is not built.
  logOverride: { 'empty-import-meta': 'silent' },
});
await build({
  ...common,
  entryPoints: ['electron/shell/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  external: ['electron'],
  // The preload carries the contract's schemas (for the method list); keep it small to load.
  minify: true,
});
// Deck files are parsed in a worker thread (electron/decks/parse-pool.ts looks for this file beside main.cjs).
await build({
  ...common,
  entryPoints: ['electron/decks/parse-worker.ts'],
  outfile: 'dist/electron/deck-worker.cjs',
});
// An import is written by worker threads (electron/transfer/import-writer.ts looks for this file beside main.cjs).
await build({
  ...common,
  entryPoints: ['electron/transfer/import-worker.ts'],
  outfile: 'dist/electron/import-worker.cjs',
  external: ['better-sqlite3'],
});
process.stderr.write('build-electron: wrote dist/electron/main.cjs, preload.cjs, deck-worker.cjs and import-worker.cjs\n');
