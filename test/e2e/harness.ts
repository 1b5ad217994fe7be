// What every end-to-end test needs: the built page, the real web host on a fresh data folder,
// and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Screenshots land here, for a person to open. */
export const resultsDir = path.join(root, 'test-results');

export interface Host {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

function chromiumPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('Debian\'s chromium is not installed (apt-get install -y chromium); the end-to-end test drives it.');
  return found;
}

/** One test file's hosts, data folders and browser, all ended by close(). */
export class EndToEnd {
  private readonly hosts: Host[] = [];
  private readonly tempDirs: string[] = [];
  private browser: Browser | null = null;

  /** Builds the page and starts Chromium. */
  async start(): Promise<void> {
    const built = spawnSync('npm', ['run', 'build:renderer'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`npm run build:renderer failed:\n${built.stdout}\n${built.stderr}`);
    fs.mkdirSync(resultsDir, { recursive: true });
    this.browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => {});
    for (const h of this.hosts) await stopHost(h).catch(() => {});
    for (const dir of this.tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  }

  freshDataDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trainer-e2e-'));
    this.tempDirs.push(dir);
    return dir;
  }

  async startHost(dataDir: string, decksDir: string): Promise<Host> {
    const child = spawn(process.execPath, ['scripts/web.mjs', '--data-dir', dataDir, '--decks-dir', decksDir, '--port', '0'], {
      cwd: root,
      // A pipe rather than 'ignore' for stdin: 'ignore' opens /dev/null, one more thing that can fail.
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const host: Host = { child, url: '', stderr: () => stderr };
    this.hosts.push(host);
    const lines = readline.createInterface({ input: child.stdout! });
    host.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the web host printed no address within 30 s; its stderr:\n${stderr}`)), 30_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the web host exited with ${code} before printing its address; its stderr:\n${stderr}`));
      });
      lines.once('line', (line) => {
        clearTimeout(timer);
        const m = /^Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/.exec(line);
        if (m?.[1]) resolve(m[1]);
        else reject(new Error(`unexpected first stdout line from the web host: ${JSON.stringify(line)}; stderr:\n${stderr}`));
      });
    });
    return host;
  }

  async browserVersion(): Promise<string> {
    return this.browser?.version() ?? 'not started';
  }

  /** A page without animations, so screenshots show where the UI settles. */
  async openPage(viewport: { width: number; height: number }): Promise<Page> {
    return this.browser!.newPage({ viewport, reducedMotion: 'reduce' });
  }
}

export async function stopHost(host: Host): Promise<void> {
  const { child } = host;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Console errors and uncaught exceptions on the page, e.g. CSP refusals. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    // The policy is also sent as a header, where frame-ancestors does apply.
    if (m.type() === 'error' && !/frame-ancestors' is ignored/.test(m.text())) errors.push(`${m.text()} (${m.location().url})`);
  });
  return errors;
}

export const text = async (page: Page, testId: string): Promise<string> => (await page.getByTestId(testId).first().textContent())?.trim() ?? '';
export const num = async (page: Page, testId: string): Promise<number> => Number((await text(page, testId)).replace(/\D+/g, ''));

/** Screenshots of the page as it is, in the light and the dark theme. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(resultsDir, `${name}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}
