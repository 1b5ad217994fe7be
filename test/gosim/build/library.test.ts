// The library declarations (gosim/lib/decls.ts) parse and check cleanly, and name what real
// Go names: the signatures the natives are keyed by, and the types programs print with %T.
import { describe, expect, it } from 'vitest';
import { library, libraryErrors, lookupLibraryType } from '../../../gosim/build/library.ts';
import { libraryPaths } from '../../../gosim/lib/decls.ts';
import { typeString } from '../../../gosim/types/typestring.ts';
import { buildSource } from '../../../gosim/build/build.ts';

function sig(path: string, name: string): string {
  const obj = library.importPackage(path)!.lookup(name);
  if (!obj || obj.tag !== 'Func') throw new Error(`${path}.${name} is not a function`);
  return typeString(obj.type);
}

function method(qualified: string, name: string): string {
  const t = lookupLibraryType(qualified);
  if (!t || t.tag !== 'Named') throw new Error(`${qualified} is not a named type`);
  const m = t.methods.find((f) => f.name === name);
  if (!m) throw new Error(`${qualified} has no method ${name}`);
  return `${m.type.recv!.type.tag === 'Pointer' ? '*' : ''}${typeString({ ...m.type, recv: null } as typeof m.type)}`;
}

describe('library declarations', () => {
  it('every package checks without errors', () => {
    expect(libraryErrors()).toEqual([]);
    expect(libraryPaths.length).toBeGreaterThanOrEqual(20);
  });

  it('declares the signatures real Go has', () => {
    expect(sig('fmt', 'Println')).toBe('func(...interface {}) (int, error)');
    expect(sig('fmt', 'Fprintf')).toBe('func(io.Writer, string, ...interface {}) (int, error)');
    expect(sig('time', 'After')).toBe('func(time.Duration) <-chan time.Time');
    expect(sig('context', 'WithTimeout')).toBe('func(context.Context, time.Duration) (context.Context, context.CancelFunc)');
    expect(sig('sync/atomic', 'CompareAndSwapInt64')).toBe('func(*int64, int64, int64) bool');
    expect(sig('strconv', 'Atoi')).toBe('func(string) (int, error)');
    expect(sig('sort', 'Slice')).toBe('func(interface {}, func(int, int) bool)');
    expect(sig('unicode/utf8', 'DecodeRuneInString')).toBe('func(string) (int32, int)');
    expect(method('sync.WaitGroup', 'Go')).toBe('*func(func())');
    expect(method('sync/atomic.Int64', 'CompareAndSwap')).toBe('*func(int64, int64) bool');
    expect(method('time.Duration', 'Seconds')).toBe('func() float64');
    expect(method('strings.Builder', 'WriteByte')).toBe('*func(uint8) error');
  });

  it('gives constants their exact values', () => {
    const check = (expr: string) => buildSource(`package main\n\nimport (\n\t"math"\n\t"time"\n)\n\nvar _ = math.Pi\nvar _ = time.Second\n\nfunc main() {\n\tconst c = ${expr}\n\tprintln(c)\n}\n`).result!;
    const r = check('time.Hour / time.Millisecond');
    const c = [...r.info.defs.values()].find((o) => o.name === 'c');
    expect(c?.tag === 'Const' && c.value).toEqual({ kind: 'int', value: 3600000n });
    const m = check('math.MaxInt64');
    const mc = [...m.info.defs.values()].find((o) => o.name === 'c');
    expect(mc?.tag === 'Const' && mc.value).toEqual({ kind: 'int', value: 9223372036854775807n });
  });

  it('instantiates atomic.Pointer[T] with its methods, printed as %T prints it', () => {
    const r = buildSource(`package main\n\nimport "sync/atomic"\n\ntype Config struct{ N int }\n\nfunc main() {\n\tvar p atomic.Pointer[Config]\n\tc := p.Load()\n\tprintln(c.N)\n}\n`);
    expect(r.lines).toEqual([]);
    const p = [...r.result!.info.defs.values()].find((o) => o.name === 'p');
    // go run: fmt.Printf("%T", &p) prints *atomic.Pointer[main.Config].
    expect(p?.tag === 'Var' && typeString(p.type)).toBe('atomic.Pointer[main.Config]');
    const c = [...r.result!.info.defs.values()].find((o) => o.name === 'c');
    expect(c?.tag === 'Var' && typeString(c.type)).toBe('*main.Config');
  });

  it('keeps library state unexported', () => {
    // Recorded from go build: strings.Builder's buffer is `buf` in real Go too.
    const r = buildSource(`package main\n\nimport "strings"\n\nfunc main() {\n\tvar b strings.Builder\n\t_ = b.buf\n}\n`);
    expect(r.lines).toEqual(['./prog.go:7:8: b.buf undefined (cannot refer to unexported field buf)']);
  });
});
