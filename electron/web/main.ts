// `npm run web`: the backend and the page for a local browser. Exactly one line goes to stdout
// (the address to open) so scripts and tests can read it; everything else goes to stderr.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Backend } from '../backend.ts';
import { defaultDataDir, parseHostArgs } from '../dataDir.ts';
import { formatProblem } from '../decks/format.ts';
import { startWebHost } from './server.ts';

export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function main(argv: string[]): Promise<number> {
  const err = (m: string): void => {
    process.stderr.write(m + '\n');
  };
  let opts;
  try {
    opts = parseHostArgs(argv);
  } catch (e) {
    err(`web: ${(e as Error).message}`);
    return 2;
  }
  const dataDir = opts.dataDir ?? defaultDataDir();
  const backend = new Backend({
    dataDir,
    decksDir: opts.decksDir ?? path.join(appRoot, 'decks'),
    host: 'web',
    version: appVersion(),
  });
  const status = backend.statusNow();
  err(`Progress: ${status.dbPath}`);
  if (status.dbProblem) err(`Problem: ${status.dbProblem}`);
  for (const p of backend.lastLoad.problems) err(`Deck problem: ${formatProblem(p)}`);

  let host;
  try {
    host = await startWebHost({
      api: backend,
      staticDir: path.join(appRoot, 'dist', 'renderer'),
      port: opts.port ?? 0,
      log: err,
      transfer: {
        stage: (name, bytes) => backend.transfer.stage(name, bytes),
        exportFile: (what, deckId) => backend.transfer.exportFile(what, deckId),
        mediaDir: path.join(dataDir, 'media'),
      },
    });
  } catch (e) {
    err(`web: cannot listen on 127.0.0.1:${opts.port ?? 0}: ${(e as Error).message}`);
    backend.close();
    return 1;
  }
  process.stdout.write(`Open ${host.url}\n`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      err(`web: ${signal}, closing`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await host.close();
  backend.close();
  return 0;
}
