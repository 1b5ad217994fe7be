#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary exists, otherwise the web host.
// require('electron') would try to download the binary, so its location is worked out the
// way the electron package does it, without the download.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || (rel ? path.join(pkgDir, 'dist') : null);
  if (!distDir) return null;
  const exe = path.join(distDir, rel || 'electron');
  try {
    fs.accessSync(exe, fs.constants.X_OK);
    return fs.statSync(exe).isFile() ? exe : null;
  } catch {
    return null;
  }
}

function run(script) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', script], { cwd: root, stdio: ['pipe', 2, 2], shell: process.platform === 'win32' });
  if (r.status !== 0) {
    process.stderr.write(`start: npm run ${script} failed\n`);
    process.exit(1);
  }
}

const exe = electronBinary();
if (exe) {
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) run('build:renderer');
  const built = ['main.cjs', 'preload.cjs'].every((f) => fs.existsSync(path.join(root, 'dist', 'electron', f)));
  if (!built) run('build:electron');
  const child = spawn(exe, [root, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
} else {
  console.log("Electron's binary is not available on this machine; starting the web host instead.");
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'web.mjs'), ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
