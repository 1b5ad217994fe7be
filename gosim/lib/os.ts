// Package os: the program's standard output and error as *os.File, and Exit.
import type { NativeCtx, NativePackage } from '../runtime/native.ts';
import type { Pointer, SliceValue } from '../runtime/values.ts';
import { ProgramExit } from '../runtime/panic.ts';

function file(fd: number, name: string): Pointer {
  const v: unknown[] = [fd, name];
  return { load: () => v, store: () => undefined, target: v };
}


function write(ctx: NativeCtx, f: Pointer | null, bytes: string): void {
  if (f === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  const fd = (f.load() as unknown[])[0];
  if (fd === 2) ctx.writeStderr(bytes); else ctx.writeStdout(bytes);
}

function bytesOf(b: SliceValue | null): string {
  if (b === null) return '';
  let s = '';
  for (let i = 0; i < b.len; i++) s += String.fromCharCode(b.arr[b.off + i] as number);
  return s;
}

export const pkg: NativePackage = {
  path: 'os',
  natives: {
    // Made afresh for each run (the runtime asks once per run): `*os.Stdout = *os.Stderr` is
    // legal Go and must not carry over into the next program.
    'os.Stdout': () => file(1, '/dev/stdout'),
    'os.Stderr': () => file(2, '/dev/stderr'),
    'os.Args': () => ({ arr: ['/tmp/sandbox/prog'], off: 0, len: 1, cap: 1 }),
    'os.Exit': (_ctx: NativeCtx, code: number | bigint) => { throw new ProgramExit(Number(code)); },
    'os.Getenv': () => '',
    'os.File.Write': (ctx: NativeCtx, f: Pointer | null, b: SliceValue | null) => {
      const s = bytesOf(b);
      write(ctx, f, s);
      return [s.length, null];
    },
    'os.File.WriteString': (ctx: NativeCtx, f: Pointer | null, s: string) => {
      write(ctx, f, s);
      return [s.length, null];
    },
    'os.File.Name': (_ctx: NativeCtx, f: Pointer) => (f.load() as unknown[])[1],
  },
};
