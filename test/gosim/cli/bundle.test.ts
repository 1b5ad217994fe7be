// The gosim command's bundle must be ASCII. esbuild keeps some comments (a method's doc comment
// in a class, for one), and a single character beyond Latin-1 there makes V8 hold the whole
// 800 KB script as a two-byte string: one em dash in a comment cost every `gosim run` about
// 5 MB of peak memory. The bundle is built here as gosim/cli/gosim.cjs builds it.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'gosim', 'cli');

describe('the gosim command bundle', () => {
  for (const [entry, format] of [['main.ts', 'cjs'], ['worker.ts', 'esm']] as const) {
    it(`${entry} bundles to ASCII only`, async () => {
      const r = await build({
        entryPoints: [join(cli, entry)], bundle: true, platform: 'node', format, target: 'node20',
        write: false, logLevel: 'silent', define: format === 'cjs' ? { 'import.meta.url': '__gosimUrl' } : {},
      });
      const lines = r.outputFiles![0]!.text.split('\n');
      const bad = lines.findIndex((l) => /[^\x00-\x7f]/.test(l));
      expect(bad < 0 ? null : `line ${bad + 1}: ${lines[bad]!.trim()}`).toBeNull();
    }, 60_000);
  }
});
