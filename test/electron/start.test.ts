// npm start's decision: the desktop app when Electron can run it, obtaining what is missing
// through Electron's own install step and @electron/rebuild; the web host, with why and how to
// fix it, only where a step fails. Probes are injected; the real ones are checked on files.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builtAddon,
  electronExecutable,
  nativeDir,
  planStart,
  versionAtLeast,
  type StartProbes,
  type StepResult,
} from '../../electron/shell/start.ts';
import { cleanTemp, tempDir } from './helpers.ts';

afterAll(cleanTemp);

interface World {
  node?: string;
  pkg?: boolean;
  binary?: boolean;
  installWorks?: boolean;
  addon?: boolean;
  rebuildWorks?: boolean;
}

/** Probes over a little world that the install and rebuild steps change, recording the calls. */
function probes(w: World): StartProbes & { calls: string[] } {
  const state = { binary: w.binary ?? false, addon: w.addon ?? false };
  const calls: string[] = [];
  const step = (works: boolean | undefined, done: () => void, failure: string): StepResult => {
    if (works) {
      done();
      return { ok: true, output: 'done' };
    }
    return { ok: false, output: `starting\n${failure}` };
  };
  return {
    calls,
    nodeVersion: w.node ?? '22.13.0',
    electronPackage: () => (w.pkg === false ? null : { dir: '/x/electron', version: '43.8.12' }),
    electronBinary: () => (state.binary ? '/x/electron/dist/electron' : null),
    installElectron: () => (calls.push('install'), step(w.installWorks, () => (state.binary = true), 'HTTPError: getaddrinfo ENOTFOUND github.com')),
    electronSqlite: () => (state.addon ? '/x/.electron-native/electron-43.8.12/addon.node' : null),
    rebuildSqlite: () => (calls.push('rebuild'), step(w.rebuildWorks, () => (state.addon = true), 'gyp ERR! not found: make')),
  };
}

describe('planStart', () => {
  it('starts Electron at once when the binary and its better-sqlite3 build are there', () => {
    const p = probes({ binary: true, addon: true, node: '20.19.0' });
    expect(planStart(p)).toEqual({
      kind: 'electron',
      exe: '/x/electron/dist/electron',
      sqliteBinding: '/x/.electron-native/electron-43.8.12/addon.node',
      did: [],
    });
    expect(p.calls).toEqual([]);
  });

  it('obtains a missing binary with Electron\'s install step and builds the addon, then starts Electron', () => {
    const p = probes({ installWorks: true, rebuildWorks: true });
    const plan = planStart(p);
    expect(plan.kind).toBe('electron');
    expect(p.calls).toEqual(['install', 'rebuild']);
    expect(plan.did.join('; ')).toMatch(/downloading Electron 43\.8\.12.*building better-sqlite3/);
  });

  it('starts the web host saying why and how to fix it when the download fails', () => {
    const p = probes({ installWorks: false });
    const plan = planStart(p);
    expect(plan).toMatchObject({ kind: 'web' });
    if (plan.kind !== 'web') return;
    expect(plan.why).toContain("Electron's binary could not be obtained");
    expect(plan.why).toContain('ENOTFOUND github.com');
    expect(plan.fix).toContain('ELECTRON_MIRROR');
    expect(p.calls).toEqual(['install']);
  });

  it('starts the web host when the addon cannot be built, naming the build failure', () => {
    const p = probes({ binary: true, rebuildWorks: false });
    const plan = planStart(p);
    expect(plan.kind).toBe('web');
    if (plan.kind !== 'web') return;
    expect(plan.why).toContain('better-sqlite3 could not be built for Electron 43.8.12');
    expect(plan.why).toContain('gyp ERR! not found: make');
    expect(plan.fix).toContain('toolchain');
  });

  it('on a Node too old for Electron\'s tools, runs none of them and says which Node is needed', () => {
    for (const w of [{ node: '20.19.0' }, { node: '22.11.0', binary: true }]) {
      const p = probes({ ...w, installWorks: true, rebuildWorks: true });
      const plan = planStart(p);
      expect(plan.kind).toBe('web');
      if (plan.kind !== 'web') continue;
      expect(plan.why).toContain(`this is Node ${w.node}`);
      expect(plan.fix).toContain('Node 22.13.0 or newer');
      expect(p.calls).toEqual([]);
    }
  });

  it('without the electron package, asks for npm install', () => {
    const plan = planStart(probes({ pkg: false }));
    expect(plan).toMatchObject({ kind: 'web', why: 'the electron package is not installed' });
  });

  it('compares versions numerically', () => {
    expect(versionAtLeast('22.12.0', '22.12.0')).toBe(true);
    expect(versionAtLeast('v22.13.1', '22.12.0')).toBe(true);
    expect(versionAtLeast('22.9.0', '22.12.0')).toBe(false);
    expect(versionAtLeast('20.20.2', '22.12.0')).toBe(false);
    expect(versionAtLeast('100.0.0', '22.12.0')).toBe(true);
  });
});

describe('the real probes, on files', () => {
  it('find Electron\'s executable from path.txt, only when it exists and is executable', () => {
    const pkg = tempDir('electron-pkg-');
    expect(electronExecutable(pkg, {})).toBeNull();
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(electronExecutable(pkg, {})).toBeNull();
    fs.mkdirSync(path.join(pkg, 'dist'));
    const exe = path.join(pkg, 'dist', 'electron');
    fs.writeFileSync(exe, '#!/bin/sh\n', { mode: 0o644 });
    expect(electronExecutable(pkg, {})).toBeNull();
    fs.chmodSync(exe, 0o755);
    expect(electronExecutable(pkg, {})).toBe(exe);
    const elsewhere = tempDir('electron-dist-');
    fs.writeFileSync(path.join(elsewhere, 'electron'), '', { mode: 0o755 });
    expect(electronExecutable(pkg, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toBe(path.join(elsewhere, 'electron'));
  });

  it('accept the Electron addon only when stamped for this Electron and this better-sqlite3', () => {
    const root = tempDir('trainer-root-');
    const dir = nativeDir(root, '43.8.12');
    const addon = path.join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(builtAddon(root, '43.8.12', '12.11.1')).toBeNull();
    fs.mkdirSync(path.dirname(addon), { recursive: true });
    fs.writeFileSync(addon, 'not really an addon');
    expect(builtAddon(root, '43.8.12', '12.11.1')).toBeNull();
    fs.writeFileSync(path.join(dir, 'built-for.json'), JSON.stringify({ electron: '43.8.12', betterSqlite3: '12.11.1' }));
    expect(builtAddon(root, '43.8.12', '12.11.1')).toBe(addon);
    expect(builtAddon(root, '43.8.12', '12.12.0')).toBeNull();
    expect(builtAddon(root, '44.0.0', '12.11.1')).toBeNull();
    // Kept apart from the Node build the tests load.
    expect(addon.startsWith(path.join(root, '.electron-native'))).toBe(true);
  });
});
