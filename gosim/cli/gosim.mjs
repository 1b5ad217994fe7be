#!/usr/bin/env node
// The gosim command. It runs a bundle of the TypeScript CLI that esbuild makes on first use (and
// again whenever a gosim source file is newer than the bundle): loading ~100 TypeScript files
// through an on-the-fly transpiler costs seconds per run, the bundle a few milliseconds.
// If esbuild is not installed, it falls back to transpiling through tsx.
import { existsSync, readdirSync, statSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const gosimDir = dirname(dirname(fileURLToPath(import.meta.url)));
const bundle = join(gosimDir, 'dist', 'gosim-cli.mjs');
const worker = join(gosimDir, 'dist', 'gosim-worker.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

async function loadMain() {
  const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(gosimDir);
  if (stale) {
    let esbuild = null;
    try {
      esbuild = await import('esbuild');
    } catch {
      esbuild = null;
    }
    if (esbuild) {
      mkdirSync(dirname(bundle), { recursive: true });
      // Write beside the target and rename, so a concurrent run never loads half a file.
      // The worker first: the CLI only uses a worker file that is complete.
      for (const [entry, out] of [['worker.ts', worker], ['main.ts', bundle]]) {
        const tmp = `${out}.${process.pid}.tmp`;
        await esbuild.build({
          entryPoints: [join(gosimDir, 'cli', entry)],
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          outfile: tmp,
          logLevel: 'error',
        });
        renameSync(tmp, out);
      }
    } else {
      const { register } = await import('tsx/esm/api');
      register();
      return (await import('./main.ts')).main;
    }
  }
  return (await import(pathToFileURL(bundle).href)).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
