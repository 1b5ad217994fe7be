// How `npm start` gets the desktop app running: Electron's binary (fetched by Electron's own
// install step when missing) and a better-sqlite3 build for Electron's ABI, kept in its own
// folder so the Node build in node_modules stays what `npm test` and the web host load. Where
// a step fails, the web host starts instead and the learner is told why and what to do.
// The decision is a function of probes, so it is tested without Electron or a network.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface StepResult {
  ok: boolean;
  /** What the step printed; its last lines explain a failure. */
  output: string;
}

export interface StartProbes {
  /** The running Node's version (process.versions.node). */
  nodeVersion: string;
  /** The installed electron package, or null. */
  electronPackage(): { dir: string; version: string } | null;
  /** Electron's executable if it is there and runnable, else null. */
  electronBinary(): string | null;
  /** Electron's own install step (downloads the binary). */
  installElectron(): StepResult;
  /** The better-sqlite3 addon built for this Electron, in its own folder, or null. */
  electronSqlite(): string | null;
  /** Builds that addon with @electron/rebuild. */
  rebuildSqlite(): StepResult;
}

export type StartPlan =
  | { kind: 'electron'; exe: string; sqliteBinding: string; did: string[] }
  | { kind: 'web'; why: string; fix: string; did: string[] };

/** Electron 42 and later need this Node for their install and rebuild tools (engines field). */
export const toolsNeedNode = '22.12.0';
/** The Node the README and package.json's engines name (jsdom 29 adds the .13). */
export const documentedNode = '22.13.0';

export function versionAtLeast(have: string, need: string): boolean {
  const a = have.replace(/^v/, '').split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

function lastLines(text: string, n = 3): string {
  return text.trim().split('\n').slice(-n).join(' / ') || 'no output';
}

export function planStart(p: StartProbes): StartPlan {
  const did: string[] = [];
  const pkg = p.electronPackage();
  if (!pkg) return { kind: 'web', why: 'the electron package is not installed', fix: 'run npm install, then npm start', did };
  const toolsRun = versionAtLeast(p.nodeVersion, toolsNeedNode);
  const oldNode = `Electron ${pkg.version}'s tools need Node ${toolsNeedNode} or newer and this is Node ${p.nodeVersion}`;
  const newerNode = `use Node ${documentedNode} or newer (README: Requirements), then npm start`;

  let exe = p.electronBinary();
  if (!exe) {
    if (!toolsRun) return { kind: 'web', why: `Electron's binary is missing and ${oldNode}`, fix: newerNode, did };
    did.push(`downloading Electron ${pkg.version} (its install step)`);
    const got = p.installElectron();
    exe = got.ok ? p.electronBinary() : null;
    if (!exe) {
      return {
        kind: 'web',
        why: `Electron's binary could not be obtained (${lastLines(got.output)})`,
        fix:
          'allow access to Electron\'s downloads (or set ELECTRON_MIRROR, or ELECTRON_OVERRIDE_DIST_PATH to an Electron you have), then npm start',
        did,
      };
    }
  }

  let binding = p.electronSqlite();
  if (!binding) {
    if (!toolsRun) return { kind: 'web', why: `better-sqlite3 has no build for Electron and ${oldNode}`, fix: newerNode, did };
    did.push(`building better-sqlite3 for Electron ${pkg.version} (@electron/rebuild)`);
    const built = p.rebuildSqlite();
    binding = built.ok ? p.electronSqlite() : null;
    if (!binding) {
      return {
        kind: 'web',
        why: `better-sqlite3 could not be built for Electron ${pkg.version} (${lastLines(built.output)})`,
        fix: "allow access to Electron's headers and install a C++ toolchain (Python, make, a compiler), then npm start",
        did,
      };
    }
  }
  return { kind: 'electron', exe, sqliteBinding: binding, did };
}

// ---- The real probes ----

/** Where the Electron build of better-sqlite3 is kept: outside node_modules, one folder per Electron version. */
export function nativeDir(root: string, electronVersion: string): string {
  return path.join(root, '.electron-native', `electron-${electronVersion}`);
}

const addonPath = ['node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'];
const stampName = 'built-for.json';

/** Electron's executable as the electron package finds it, without its download-on-first-use. */
export function electronExecutable(pkgDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pathFile = path.join(pkgDir, 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || (rel ? path.join(pkgDir, 'dist') : null);
  if (!distDir) return null;
  const exe = path.join(distDir, rel || 'electron');
  try {
    fs.accessSync(exe, fs.constants.X_OK);
    return fs.statSync(exe).isFile() ? exe : null;
  } catch {
    return null;
  }
}

function sqliteVersion(root: string): string {
  const req = createRequire(path.join(root, 'package.json'));
  return (JSON.parse(fs.readFileSync(req.resolve('better-sqlite3/package.json'), 'utf8')) as { version: string }).version;
}

/** The addon, if it was built for exactly this Electron and this better-sqlite3. */
export function builtAddon(root: string, electronVersion: string, sqlite: string): string | null {
  const dir = nativeDir(root, electronVersion);
  const addon = path.join(dir, ...addonPath);
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, stampName), 'utf8')) as { electron?: string; betterSqlite3?: string };
    return stamp.electron === electronVersion && stamp.betterSqlite3 === sqlite && fs.statSync(addon).isFile() ? addon : null;
  } catch {
    return null;
  }
}

function run(cmd: string, args: string[], cwd: string): StepResult {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  // The step's own output is shown as it is useful to someone fixing a failure.
  process.stderr.write(output);
  return { ok: r.status === 0, output };
}

export function realProbes(root: string): StartProbes {
  const req = createRequire(path.join(root, 'package.json'));
  const pkg = (): { dir: string; version: string } | null => {
    try {
      const file = req.resolve('electron/package.json');
      return { dir: path.dirname(file), version: (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version };
    } catch {
      return null;
    }
  };
  return {
    nodeVersion: process.versions.node,
    electronPackage: pkg,
    electronBinary: () => {
      const p = pkg();
      return p ? electronExecutable(p.dir) : null;
    },
    installElectron: () => run(process.execPath, [path.join(pkg()!.dir, 'install.js')], root),
    electronSqlite: () => builtAddon(root, pkg()!.version, sqliteVersion(root)),
    rebuildSqlite: () => {
      const electron = pkg()!.version;
      const sqlite = sqliteVersion(root);
      const dir = nativeDir(root, electron);
      // A private copy of the package to build in; node_modules/better-sqlite3 is never touched.
      const source = path.dirname(req.resolve('better-sqlite3/package.json'));
      const target = path.join(dir, 'node_modules', 'better-sqlite3');
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.cpSync(source, target, { recursive: true, filter: (src) => !src.startsWith(path.join(source, 'build')) });
      fs.writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: 'trainer-electron-native', private: true, dependencies: { 'better-sqlite3': sqlite } }, null, 2),
      );
      const cli = req.resolve('@electron/rebuild/lib/cli.js');
      const r = run(process.execPath, [cli, '--version', electron, '--module-dir', dir, '--only', 'better-sqlite3', '--force'], root);
      if (r.ok && fs.existsSync(path.join(dir, ...addonPath))) {
        fs.writeFileSync(path.join(dir, stampName), JSON.stringify({ electron, betterSqlite3: sqlite }) + '\n');
      }
      return r;
    },
  };
}
