// Re-records errors.golden.json from the real Go toolchain: every errors/*.go is built as
// ./prog.go with `go build`, and the compile errors it prints (without the
// `# command-line-arguments` header) become the expected lines.
//   npx tsx test/gosim/types/record-errors.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'errors');
const golden: Record<string, string[]> = {};
for (const name of readdirSync(dir).filter((f) => f.endsWith('.go')).sort()) {
  const work = mkdtempSync(join(tmpdir(), 'gosim-errors-'));
  try {
    copyFileSync(join(dir, name), join(work, 'prog.go'));
    let out = '';
    try {
      execFileSync('go', ['build', '-o', join(work, 'prog.bin'), 'prog.go'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      out = String((e as { stderr?: Buffer }).stderr ?? '');
    }
    const lines = out.split('\n').filter((l) => l !== '' && !l.startsWith('# '));
    // Continuation lines (have/want) belong to the message before them.
    const joined: string[] = [];
    for (const l of lines) {
      if (l.startsWith('\t') && joined.length) joined[joined.length - 1] += '\n' + l;
      else joined.push(l);
    }
    golden[name] = joined;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
writeFileSync(join(here, 'errors.golden.json'), JSON.stringify(golden, null, 2) + '\n');
console.log(`recorded ${Object.keys(golden).length} programs from ${execFileSync('go', ['version']).toString().trim()}`);
void readFileSync;
