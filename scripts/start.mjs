#!/usr/bin/env node
// `npm start`: the desktop app, after making sure Electron can run it (its binary, and a
// better-sqlite3 build for its ABI kept in .electron-native/); where that cannot be done, the
// web host, with one line saying why and one saying how to fix it. The decision lives in
// electron/shell/start.ts, where it is unit-tested.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

register();
const { planStart, realProbes } = await import('../electron/shell/start.ts');

function build(script) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', script], { cwd: root, stdio: ['pipe', 2, 2], shell: process.platform === 'win32' });
  if (r.status !== 0) {
    process.stderr.write(`start: npm run ${script} failed\n`);
    process.exit(1);
  }
}

/** Runs the child until it ends; Ctrl+C and kill reach it, and its end is ours. */
function follow(child) {
  child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
}

const plan = planStart(realProbes(root));
if (plan.kind === 'electron') {
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) build('build:renderer');
  if (!['main.cjs', 'preload.cjs'].every((f) => fs.existsSync(path.join(root, 'dist', 'electron', f)))) build('build:electron');
  follow(
    spawn(plan.exe, [root, ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TRAINER_SQLITE_BINDING: plan.sqliteBinding },
    }),
  );
} else {
  process.stderr.write(`start: the desktop app cannot start: ${plan.why}.\n`);
  process.stderr.write(`start: to fix it, ${plan.fix}. Starting the web host instead.\n`);
  follow(spawn(process.execPath, [path.join(root, 'scripts', 'web.mjs'), ...args], { cwd: root, stdio: 'inherit' }));
}
