// Library packages are checked on demand: a program pays only for the declarations it reaches.
// This file runs in a fresh module state, so nothing else has checked the packages before it.
// Each program reaches library types only indirectly (through a result, a constant, a field),
// which must still bring the type's methods with it.
import { describe, expect, it } from 'vitest';
import { library } from '../../../gosim/build/library.ts';
import { run } from '../../../gosim/index.ts';
import type { Named } from '../../../gosim/types/types.ts';

function underlyingTag(path: string, name: string): string {
  const obj = library.importPackage(path)!.scope.names.get(name)!;
  return ((obj as { type: Named }).type).underlying.tag === 'Basic' ? 'unchecked' : ((obj as { type: Named }).type).underlying.tag;
}

function out(body: string, imports: string[]): string {
  const src = `package main\n\nimport (\n${imports.map((i) => `\t"${i}"\n`).join('')})\n\nfunc main() {\n${body}\n}\n`;
  const r = run(src);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

describe('library packages checked on demand', () => {
  it('leaves what a program does not use unchecked', () => {
    expect(out('var wg sync.WaitGroup\n\twg.Add(1)\n\twg.Done()\n\twg.Wait()\n\tfmt.Println("ok")', ['fmt', 'sync'])).toBe('ok\n');
    expect(underlyingTag('sync', 'WaitGroup')).toBe('Struct');
    expect(underlyingTag('sync', 'Map')).toBe('unchecked');
    expect(underlyingTag('sync', 'Pool')).toBe('unchecked');
    // Asking for a name checks it then, with its methods.
    const m = library.importPackage('sync')!.lookup('Map')!;
    expect(((m as { type: Named }).type).underlying.tag).toBe('Struct');
    expect(((m as { type: Named }).type).methods.map((f) => f.name)).toContain('LoadOrStore');
  });

  it('gives a type its methods however a program reaches it', () => {
    // Through a constant: time.Duration's String method.
    expect(out('fmt.Println(2 * time.Second)', ['fmt', 'time'])).toBe('2s\n');
    // Through a result: context.Context's methods, and the error ctx.Err() returns.
    expect(out('ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)\n\tdefer cancel()\n\t<-ctx.Done()\n\tfmt.Println(ctx.Err())', ['context', 'fmt', 'time'])).toBe('context deadline exceeded\n');
    // Through a variable's type: *os.File satisfies io.Writer, declared in another package.
    expect(out('fmt.Fprintln(os.Stdout, "to stdout")', ['fmt', 'os'])).toBe('to stdout\n');
    // A method set checked against an interface of the same package.
    expect(out('var mu sync.Mutex\n\tvar l sync.Locker = &mu\n\tl.Lock()\n\tfmt.Println(mu.TryLock())\n\tl.Unlock()', ['fmt', 'sync'])).toBe('false\n');
    // Values a native builds: fmt.Errorf's wrapping error type and its Unwrap.
    expect(out('err := fmt.Errorf("outer: %w", errors.New("inner"))\n\tfmt.Println(err, errors.Unwrap(err))', ['errors', 'fmt'])).toBe('outer: inner inner\n');
  });

  it('reports misuse of a library type as before', () => {
    const r = run('package main\n\nimport "sync"\n\nfunc main() {\n\tvar o sync.Once\n\to.Do(1)\n}\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('cannot use 1 (untyped int constant) as func() value in argument to o.Do');
  });
});
