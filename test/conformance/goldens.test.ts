// The goldens themselves: recorded by real Go, complete, and readable by the comparison code.
// If one of these fails, the conformance results cannot be trusted.
import { describe, expect, it } from 'vitest';
import { comparableCrash, parseCrash } from './crash-output.ts';
import { loadGoldens } from './goldens.ts';

const goldens = loadGoldens();

describe('conformance goldens', () => {
  it('cover at least 160 programs across the areas the brief lists', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(160);
    const areas = new Set(goldens.map((g) => g.area));
    for (const a of ['lang', 'conc', 'time', 'ctx', 'fmt', 'lib', 'crash', 'compile', 'idiom']) expect(areas).toContain(a);
  });

  it('name the file in compile errors as ./<name>.go, the way gosim is asked to', () => {
    const compile = goldens.filter((g) => g.exit === 1);
    expect(compile.length).toBeGreaterThanOrEqual(15);
    for (const g of compile) {
      const lines = g.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe('# command-line-arguments');
      expect(lines[1]).toMatch(new RegExp(`^\\./${g.filename.replace('.', '\\.')}:\\d+:\\d+: `));
    }
  });

  it('parse every crash into a message and at least one goroutine with frames', () => {
    const crashes = goldens.filter((g) => g.exit === 2);
    expect(crashes.length).toBeGreaterThanOrEqual(30);
    for (const g of crashes) {
      const r = comparableCrash(g.stderr);
      expect(r.head[0], g.id).toMatch(/^(panic: |fatal error: |runtime: )/);
      if (g.stderr.includes('no goroutines (main called runtime.Goexit)')) continue;
      expect(r.goroutines.length, g.id).toBeGreaterThan(0);
      expect(r.goroutines[0]?.frames.length, g.id).toBeGreaterThan(0);
    }
  });

  it('mask only what changes between runs of the same binary', () => {
    const r = parseCrash(
      [
        'panic: runtime error: invalid memory address or nil pointer dereference',
        '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x47a742]',
        '',
        'goroutine 19 [chan receive]:',
        'main.worker(0xc000012345, {0x4c1234?, 0x3})',
        '\t/home/me/prog.go:12 +0x3d',
        'created by main.main in goroutine 1',
        '\t/home/me/prog.go:20 +0x8b',
        '',
      ].join('\n'),
    );
    expect(r.head).toEqual([
      'panic: runtime error: invalid memory address or nil pointer dereference',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0',
    ]);
    expect(r.goroutines).toEqual([
      {
        header: 'goroutine N [chan receive]:',
        frames: [
          { func: 'main.worker', loc: 'prog.go:12' },
          { func: 'created by main.main in goroutine 1', loc: 'prog.go:20' },
        ],
      },
    ]);
    // A different line number is a real difference and must not be masked.
    const other = parseCrash('panic: x\n\ngoroutine 1 [running]:\nmain.main()\n\t/a/prog.go:13 +0x1\n');
    expect(other.goroutines[0]?.frames[0]?.loc).toBe('prog.go:13');
  });

  it('record stdout as raw bytes, including output before a crash', () => {
    const g = goldens.find((x) => x.id === 'crash/deadlock_recv.go');
    expect(g?.stdouts[0]).toBe('waiting\n');
    expect(g?.exit).toBe(2);
  });
});
