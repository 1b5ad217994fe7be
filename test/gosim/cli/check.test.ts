// `gosim check` and `gosim run` print a failing build as `go build` does. Expected stderr was
// recorded from the real Go 1.26 toolchain on this machine (`go build -o ./bin prog.go` in a
// temporary module).
import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../gosim/cli/main.ts';
import { check } from '../../../gosim/index.ts';

const cases: [string, string, string][] = [
  ['a compile error', 'package main\n\nfunc main() {\n\tx := 1\n}\n',
    '# command-line-arguments\n./prog.go:4:2: declared and not used: x\n'],
  ['a load error (bad import), which has no header', 'package main\n\nimport "nope/x"\n\nfunc main() {}\n',
    'prog.go:3:8: package nope/x is not in std (/usr/local/go/src/nope/x)\n'],
  ['a syntax error', 'package main\n\nfunc main() {\n\tx := \n}\n',
    '# command-line-arguments\n./prog.go:5:1: syntax error: unexpected }, expected expression\n'],
];

async function cli(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(((s: string | Uint8Array, cb?: () => void) => {
    stderr += String(s);
    if (typeof cb === 'function') cb();
    return true;
  }) as typeof process.stderr.write);
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(((_s: string | Uint8Array, cb?: () => void) => {
    if (typeof cb === 'function') cb();
    return true;
  }) as typeof process.stdout.write);
  try {
    return { code: await main(argv), stderr };
  } finally {
    spy.mockRestore();
    out.mockRestore();
  }
}

describe('gosim check', () => {
  afterEach(() => vi.restoreAllMocks());
  for (const [name, src, want] of cases) {
    it(`prints ${name} exactly as go build, as run does`, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'gosim-check-')), 'prog.go');
      writeFileSync(file, src);
      expect(await cli(['check', file])).toEqual({ code: 1, stderr: want });
      expect(await cli(['run', file])).toEqual({ code: 1, stderr: want });
      // The API keeps returning the error lines alone.
      expect(check(src)).toEqual(want.split('\n').filter((l) => l !== '' && l !== '# command-line-arguments'));
    });
  }
  it('prints nothing for a program that compiles', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gosim-check-')), 'prog.go');
    writeFileSync(file, 'package main\n\nfunc main() {}\n');
    expect(await cli(['check', file])).toEqual({ code: 0, stderr: '' });
  });
});
