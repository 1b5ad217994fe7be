import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { methodNames, type ApiErrorBody } from '../../api/contract.ts';
import type { Dispatched } from '../../electron/api/dispatch.ts';
import { defaultDataDir, parseHostArgs } from '../../electron/dataDir.ts';
import { makeTrainerApi } from '../../electron/shell/bridge.ts';
import { appFileFor, contentSecurityPolicy, navigationAllowed, senderAllowed } from '../../electron/shell/policy.ts';
import { appIndexUrl } from '../../electron/security.ts';
import { fixtures } from './helpers.ts';

const page = path.join(fixtures, 'page');

describe('Electron policy', () => {
  it('answers IPC only for the app page itself', () => {
    expect(senderAllowed(appIndexUrl)).toBe(true);
    expect(senderAllowed('app://trainer/index.html#/review')).toBe(true);
    for (const url of [
      undefined,
      '',
      'file:///work/main/dist/renderer/index.html',
      'https://trainer/index.html',
      'app://evil/index.html',
      'app://trainer.evil.com/index.html',
      'app://user@trainer/index.html',
      'http://127.0.0.1:5173/',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(senderAllowed(url), String(url)).toBe(false);
    }
  });

  it('refuses every navigation', () => {
    expect(navigationAllowed('https://go.dev/')).toBe(false);
    expect(navigationAllowed('file:///etc/passwd')).toBe(false);
  });

  it('maps app:// URLs into the page folder and nowhere else', () => {
    expect(appFileFor('app://trainer/', page)?.file).toBe(path.join(page, 'index.html'));
    expect(appFileFor('app://trainer/assets/app.js?v=1', page)).toEqual({
      file: path.join(page, 'assets', 'app.js'),
      type: 'text/javascript; charset=utf-8',
    });
    for (const url of [
      'app://trainer/..%2f..%2foutside.txt',
      'app://trainer/assets/..%5c..%5coutside.txt',
      'app://trainer/a%00.html',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      expect(appFileFor(url, page), url).toBeNull();
    }
    // The URL parser folds ../ and %2e%2e away itself, so these stay inside the folder.
    for (const url of ['app://trainer/../../outside.txt', 'app://trainer/%2e%2e/outside.txt']) {
      expect(appFileFor(url, page)?.file).toBe(path.join(page, 'outside.txt'));
    }
    expect(fs.existsSync(path.join(fixtures, 'outside.txt'))).toBe(true);
  });

  it('has a CSP that allows only the app itself', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(contentSecurityPolicy).not.toContain('unsafe');
  });
});

describe('the data folder', () => {
  it('is where Electron puts userData for our product name', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/ann' })).toBe('/home/ann/.config/Go Concurrency Trainer');
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x/cfg' }, home: '/home/ann' })).toBe('/x/cfg/Go Concurrency Trainer');
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/ann' })).toBe('/Users/ann/Library/Application Support/Go Concurrency Trainer');
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, home: 'C:\\Users\\ann' })).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Go Concurrency Trainer',
    );
  });

  it('can be overridden with --data-dir, and bad flags are reported', () => {
    // Folders are made absolute the platform's way: on Windows '/tmp/p' gains the current drive.
    expect(parseHostArgs(['--data-dir', '/tmp/p', '--port', '0']).dataDir).toBe(path.resolve('/tmp/p'));
    expect(parseHostArgs(['--data-dir=/tmp/q', '--decks-dir=/tmp/d', '--port=8123'])).toEqual({ dataDir: path.resolve('/tmp/q'), decksDir: path.resolve('/tmp/d'), port: 8123 });
    expect(() => parseHostArgs(['--port', 'eighty'])).toThrow(/--port must be a number/);
    expect(() => parseHostArgs(['--data-dir'])).toThrow(/needs a value/);
    expect(() => parseHostArgs(['--verbose'])).toThrow(/unknown argument/);
    // Electron's own switches and app path pass through the shell's lenient parse.
    expect(parseHostArgs(['.', '--no-sandbox', '--data-dir', '/tmp/e'], false).dataDir).toBe(path.resolve('/tmp/e'));
  });
});

describe('the preload bridge', () => {
  it('has one function per method, sends each to its own channel and hands back the envelope as data', async () => {
    const sent: [string, unknown][] = [];
    const refused: ApiErrorBody = { error: { method: 'bury', message: 'Card 9 does not exist.' } };
    const api = makeTrainerApi(async (channel, args): Promise<Dispatched> => {
      sent.push([channel, args]);
      if (channel === 'api:bury') return { status: 404, body: refused };
      return { status: 200, body: { result: { echoed: channel } } };
    });
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    await expect(api.today({})).resolves.toEqual({ status: 200, body: { result: { echoed: 'api:today' } } });
    // A refusal is not thrown: thrown through IPC it would keep only its text.
    await expect(api.bury({ cardId: 9 })).resolves.toEqual({ status: 404, body: refused });
    expect(sent).toEqual([
      ['api:today', {}],
      ['api:bury', { cardId: 9 }],
    ]);
  });
});

describe('packaging', () => {
  it('electron-builder.yml passes electron-builder\'s own schema and keeps the native module unpacked', async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const file = path.join(fixtures, '..', '..', '..', 'electron-builder.yml');
    const config = parseYaml(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({
      productName: 'Go Concurrency Trainer',
      files: ['dist/**', 'decks/**', 'package.json'],
      asarUnpack: ['**/*.node'],
      linux: { target: ['AppImage', 'deb'] },
    });
  });
});
