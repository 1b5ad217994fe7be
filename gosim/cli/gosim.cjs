#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node
// The gosim command. It runs a bundle of the TypeScript CLI that esbuild makes on first use (and
// again whenever a gosim source file is newer than the bundle): loading ~100 TypeScript files
// through an on-the-fly transpiler costs seconds per run, the bundle a few milliseconds.
// If esbuild is not installed, it falls back to transpiling through tsx.
// The CLI bundle is CommonJS, compiled through node:vm with V8's code cache kept beside it:
// compiling the ~700 KB bundle from source was a fifth of an empty program's run.
// Start-up is most of a short program's run, hence two more choices. The first line drops
// NODE_EXTRA_CA_CERTS: when it is set, Node reads every trusted certificate before running a
// line of this file (60 ms of a 100 ms start on the machine of docs/benchmarks.md; see
// nodejs/node#40524), and gosim never opens a TLS connection. And this file is CommonJS, which
// Node starts sooner than an ES module.
const {
  existsSync, readdirSync, readFileSync, writeFileSync, statSync, mkdirSync, renameSync, rmSync, openSync, fstatSync, closeSync,
} = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const gosimDir = dirname(__dirname);
const bundle = join(gosimDir, 'dist', 'gosim-cli.cjs');
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
      for (const [entry, out, format] of [['worker.ts', worker, 'esm'], ['main.ts', bundle, 'cjs']]) {
        const tmp = `${out}.${process.pid}.tmp`;
        await esbuild.build({
          entryPoints: [join(gosimDir, 'cli', entry)],
          bundle: true,
          platform: 'node',
          format,
          target: 'node20',
          outfile: tmp,
          logLevel: 'error',
          // CommonJS has no import.meta; loadBundle passes the bundle's URL in its place.
          define: format === 'cjs' ? { 'import.meta.url': '__gosimUrl' } : {},
        });
        renameSync(tmp, out);
      }
      for (const name of readdirSync(dirname(bundle))) {
        if (name.endsWith('.v8cache')) rmSync(join(dirname(bundle), name), { force: true });
      }
    } else {
      const { register } = await import('tsx/esm/api');
      register();
      return (await import('./main.ts')).main;
    }
  }
  return loadBundle();
}

/**
 * Evaluates the CJS bundle with V8's code cache; saveCache writes one when there was none, after
 * the command's own work and a few priming programs (cli/prime.ts), so that the cache covers what
 * most programs run and not only what the first one happened to.
 */
let saveCache = () => {};
function loadBundle() {
  // V8 checks a cache against the source's length only, so the cache is named after the very
  // file read (size and mtime from the same descriptor): a run still using the previous bundle
  // cannot leave a cache that a rebuilt bundle of the same length would accept.
  const fd = openSync(bundle, 'r');
  let source, codeCache;
  try {
    const st = fstatSync(fd);
    source = readFileSync(fd, 'utf8');
    codeCache = `${bundle}.${st.size}-${Math.floor(st.mtimeMs)}.v8cache`;
  } finally {
    closeSync(fd);
  }
  let cachedData;
  try {
    cachedData = readFileSync(codeCache);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __gosimUrl) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} };
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run, so the cache also holds the functions compiled lazily while it ran.
    saveCache = () => {
      try {
        module.exports.prime();
      } catch {
        // The cache is still worth saving with what the command itself compiled.
      }
      try {
        const tmp = `${codeCache}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, codeCache);
      } catch {
        // A read-only install runs without the cache.
      }
    };
  }
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), pathToFileURL(bundle).href);
  return module.exports.main;
}

(async () => {
  const main = await loadMain();
  process.exitCode = await main(process.argv.slice(2));
  saveCache();
})();
