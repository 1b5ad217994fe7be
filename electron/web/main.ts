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

export const usage = `Usage: npm run web -- [options]

Serves the trainer to a browser on this machine: open the address it prints (the token after
# lets only that page use your progress). Stop it with Ctrl+C.

Options:
  --data-dir DIR   where progress.db and backups live (default: ${defaultDataDir()})
  --decks-dir DIR  the bundled decks to load (default: the app's decks/ folder)
  --port N         listen on 127.0.0.1:N; 0 for any free port. Without it the port of the
                   last launch is used again when it is free, so a bookmark keeps working
  --help           show this text
`;

/** Where the web host remembers its port between launches. */
export const portFileName = 'web-port.json';

export function rememberedPort(dataDir: string): number | null {
  try {
    const { port } = JSON.parse(fs.readFileSync(path.join(dataDir, portFileName), 'utf8')) as { port?: unknown };
    return typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 65535 ? port : null;
  } catch {
    return null;
  }
}

function rememberPort(dataDir: string, port: number): void {
  try {
    fs.writeFileSync(path.join(dataDir, portFileName), JSON.stringify({ port }) + '\n');
  } catch {
    // A read-only data folder only costs the next launch its old address.
  }
}

/** How often the host checks that whatever started it (npm, a shell) is still there. */
const parentCheckMs = 1000;

export async function main(argv: string[]): Promise<number> {
  const err = (m: string): void => {
    process.stderr.write(m + '\n');
  };
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  let opts;
  try {
    opts = parseHostArgs(argv);
  } catch (e) {
    err(`web: ${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  const dataDir = opts.dataDir ?? defaultDataDir();
  let quit = (): void => {};
  const backend = new Backend({
    dataDir,
    decksDir: opts.decksDir ?? path.join(appRoot, 'decks'),
    host: 'web',
    version: appVersion(),
    onQuit: () => quit(),
  });
  const status = backend.statusNow();
  err(`Progress: ${status.dbPath}`);
  if (status.dbProblem) err(`Problem: ${status.dbProblem}`);
  // A big deck folder loads in the background while the host already serves.
  if (backend.statusNow().decksLoading) err('Loading deck files in the background; the page works meanwhile.');
  void backend.decksReady.then((load) => {
    for (const p of load.problems) err(`Deck problem: ${formatProblem(p)}`);
  });

  // Listening for the end before anything is printed: whoever reads the address may stop us
  // at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      err(`web: ${signal}, closing`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGHUP', () => stop('SIGHUP'));
    quit = () => stop('Quit chosen in the page');
    // npm runs this through a shell that dies on SIGTERM without passing it on; the host, left
    // behind, would hold the database and the port. A new parent means the old one is gone.
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid !== parent) {
        clearInterval(watch);
        stop('the process that started it has ended');
      }
    }, parentCheckMs);
    watch.unref();
  });
  const remembered = opts.port === null ? rememberedPort(dataDir) : null;
  let host;
  try {
    host = await startWebHost({
      api: backend,
      staticDir: path.join(appRoot, 'dist', 'renderer'),
      port: opts.port ?? remembered ?? 0,
      portIsPreference: opts.port === null,
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
  if (opts.port === null && host.port !== remembered) rememberPort(dataDir, host.port);
  process.stdout.write(`Open ${host.url}\n`);
  await stopped;

  await host.close();
  await backend.backupsSettled();
  backend.close();
  return 0;
}
