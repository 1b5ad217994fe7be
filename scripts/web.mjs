#!/usr/bin/env node
// `npm run web`: builds the page if it has never been built, then runs the web host's
// TypeScript through tsx, so the backend needs no build step of its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const wantsHelp = process.argv.includes('--help') || process.argv.includes('-h');
if (!wantsHelp && !fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
  process.stderr.write('web: building the page first (npm run build:renderer)\n');
  // The build's output goes to stderr: stdout carries only the address line.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', 'build:renderer'], { cwd: root, stdio: ['pipe', 2, 2], shell: process.platform === 'win32' });
  if (built.status !== 0) {
    process.stderr.write('web: the page could not be built; see the messages above\n');
    process.exit(1);
  }
}

register();
const { main } = await import('../electron/web/main.ts');
process.exitCode = await main(process.argv.slice(2));
