// The engines field says the Node the project needs, and `npm install` on that Node warns about
// no package: every installed package's own engines range accepts the lowest version ours
// admits (npm's EBADENGINE warning is exactly this comparison).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// npm's own range logic (semver, installed with the build tools); typed here for what is used.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
  validRange(range: string): string | null;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };

interface Installed {
  name: string;
  version: string;
  node: string;
}

/** Every package under node_modules (nested ones too) that states a Node range. */
function installed(dir: string, out: Installed[] = []): Installed[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      installed(full, out);
      continue;
    }
    const manifest = path.join(full, 'package.json');
    if (fs.existsSync(manifest)) {
      const m = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version?: string; engines?: { node?: unknown } };
      if (typeof m.engines?.node === 'string') out.push({ name: m.name ?? entry.name, version: m.version ?? '?', node: m.engines.node });
    }
    const nested = path.join(full, 'node_modules');
    if (fs.existsSync(nested)) installed(nested, out);
  }
  return out;
}

describe('engines', () => {
  const lowest = semver.minVersion(pkg.engines.node);

  it('names a real lower bound', () => {
    expect(lowest).not.toBeNull();
    expect(lowest!.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('every installed package accepts the lowest Node the engines field admits', () => {
    const packages = installed(path.join(root, 'node_modules'));
    expect(packages.length).toBeGreaterThan(50);
    const refusing = packages
      .filter((p) => semver.validRange(p.node) !== null && !semver.satisfies(lowest!.version, p.node))
      .map((p) => `${p.name}@${p.version} wants node ${p.node}`);
    expect(refusing, `the lowest Node our engines admit is ${lowest?.version}`).toEqual([]);
  });
});
