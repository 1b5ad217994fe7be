// Where progress lives by default: the folder Electron's app.getPath('userData') gives for our
// productName, computed here without Electron so the web host uses the very same folder.
import os from 'node:os';
import path from 'node:path';

export const productName = 'Go Concurrency Trainer';

export interface Platform {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

const here: Platform = { platform: process.platform, env: process.env, home: os.homedir() };

export function defaultDataDir(p: Platform = here): string {
  if (p.platform === 'win32') {
    const appData = p.env.APPDATA || path.win32.join(p.home, 'AppData', 'Roaming');
    return path.win32.join(appData, productName);
  }
  if (p.platform === 'darwin') return path.posix.join(p.home, 'Library', 'Application Support', productName);
  const config = p.env.XDG_CONFIG_HOME || path.posix.join(p.home, '.config');
  return path.posix.join(config, productName);
}

export interface HostOptions {
  dataDir: string | null;
  port: number | null;
  decksDir: string | null;
}

/** Reads the flags both hosts share. */
export function parseHostArgs(argv: readonly string[], strict = true): HostOptions {
  const out: HostOptions = { dataDir: null, port: null, decksDir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const take = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--data-dir':
        out.dataDir = path.resolve(take());
        break;
      case '--decks-dir':
        out.decksDir = path.resolve(take());
        break;
      case '--port': {
        const v = take();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n > 65535) throw new Error(`--port must be a number from 0 to 65535 (got "${v}")`);
        out.port = n;
        break;
      }
      default:
        // Electron's argv also holds its own switches and the app path; only the web host is strict.
        if (strict) throw new Error(`unknown argument "${arg}" (expected --data-dir DIR, --decks-dir DIR, --port N)`);
    }
  }
  return out;
}
