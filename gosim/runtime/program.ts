// The running program: what it needs besides its compiled code. The scheduler, output with its
// byte budget, the natives of the library packages, method tables for dynamic dispatch and the
// NativeCtx handed to library code. What it knows of the library (its natives, its named
// types, which calls are scheduling points in explore mode) is handed in (ProgramLibrary): the
// runtime never imports lib/ or the build step.
import type { NativeCtx, GoFunc, Native, NativePackage } from './native.ts';
import type { Type, Func, Named, Var } from '../types/types.ts';
import { Pointer as PointerType } from '../types/types.ts';
import type { Iface, GoString } from './values.ts';
import type { LibraryFootprint } from './footprint.ts';
import { snapshotStack, type Goroutine } from './goroutine.ts';
import type { Scheduler } from './scheduler.ts';
import { GoPanic, GoFatal, ProgramExit } from './panic.ts';
import { recoveredValue, runtimeErrorPanic, type RuntimeErrorTypes } from './rterror.ts';
import { under, lookupFieldOrMethod, pointerRecv } from '../types/predicates.ts';
import { errorType } from '../types/universe.ts';
import { copyAgg, Box } from './ops.ts';
import { fatalFrames } from './libframes.ts';

const GeneratorFunction = Object.getPrototypeOf(function* () { /* marker */ }).constructor;

export function isGeneratorFn(f: unknown): boolean {
  return f instanceof GeneratorFunction;
}

export class OutputLimit {}

/**
 * The natives of a package list by qualified name, and package names to import paths: the same
 * for every run of the same list, so built once (explore runs a program thousands of times).
 */
const tables = new WeakMap<readonly NativePackage[], { natives: Map<string, Native>; pathOf: Map<string, string> }>();
function nativeTables(packages: readonly NativePackage[]): { natives: Map<string, Native>; pathOf: Map<string, string> } {
  let t = tables.get(packages);
  if (t !== undefined) return t;
  t = { natives: new Map(), pathOf: new Map() };
  for (const p of packages) {
    const name = p.path.slice(p.path.lastIndexOf('/') + 1);
    t.pathOf.set(name, p.path);
    for (const [k, v] of Object.entries(p.natives)) t.natives.set(k.startsWith(name + '.') ? k : `${name}.${k}`, v);
  }
  tables.set(packages, t);
  return t;
}

/** What a program knows of the library it runs with (execute.ts wires lib/ in). */
export interface ProgramLibrary {
  /** The natives of every library package. */
  readonly packages: readonly NativePackage[];
  /** A named type of a library package by its qualified name ('time.Duration'), or null. */
  lookupType(qualified: string): Type | null;
  /**
   * Explore mode: what library call `key` touches when it is a scheduling point, or null for a
   * call that only computes (lib/footprints.ts).
   */
  footprintOf(key: string): LibraryFootprint | null;
  /** Package runtime's error types, of which recover() makes a runtime error's value. */
  readonly runtimeErrors: RuntimeErrorTypes;
}

export class Program {
  stdout: string[] = [];
  stderr: string[] = [];
  outBytes = 0;
  readonly ctx: NativeCtx;
  /** Compiled methods of the program's own types: Func -> GoFunc taking the receiver first. */
  readonly methods = new Map<Func, { fn: GoFunc | null }>();
  private natives: Map<string, Native>;
  private methodCache = new Map<Type, Map<string, ((recv: unknown) => GoFunc) | null>>();
  mainTypes = new Map<string, Type>();
  /** This run's library package variables (io.EOF, os.Stdout, ...), made on first use. */
  readonly pkgVars = new Map<Var, Box>();

  /** Package name -> import path ('rand' -> 'math/rand'). */
  private pathOf: Map<string, string>;

  constructor(readonly sched: Scheduler, private readonly library: ProgramLibrary, readonly maxOutputBytes: number) {
    ({ natives: this.natives, pathOf: this.pathOf } = nativeTables(library.packages));
    sched.program = this;
    const prog = this;
    this.ctx = {
      method: (x, name) => prog.method(x, name),
      panic: (v) => { throw new GoPanic(v); },
      runtimeError: (msg) => { throw runtimeErrorPanic(msg, msg.includes('nil pointer')); },
      fatal: (msg) => { const f = new GoFatal(msg); f.libFrames = fatalFrames[msg] ?? []; throw f; },
      typeOf: (q) => prog.typeOf(q),
      random: () => sched.random(),
      writeStdout: (b) => prog.write(1, b),
      writeStderr: (b) => prog.write(2, b),
      sched,
      call: function* (f, ...args) {
        const g = sched.current as Goroutine | undefined;
        const top = g ? g.top : null;
        // Go code called back from a library call has its own scheduling points (explore mode).
        const inLib = g ? g.inLibraryOp : false;
        if (g) g.inLibraryOp = false;
        try {
          return yield* f(...args);
        } catch (e) {
          // Frames without deferred calls leave the goroutine's frame pointer where the panic
          // started. The native that called us now runs again in its caller's frame, whether it
          // recovers the panic (fmt and a panicking String method) or lets it go on; so take the
          // traceback's snapshot first, then point the goroutine back at that frame.
          if (g && e instanceof GoPanic) {
            if (e.stack.length === 0) e.stack = snapshotStack(g);
            g.top = top;
          }
          throw e;
        } finally {
          if (g) g.inLibraryOp = inLib;
        }
      },
      recover: (thrown) => (thrown instanceof GoPanic ? { value: recoveredValue(thrown, library.runtimeErrors) } : undefined),
    };
  }

  write(fd: 1 | 2, b: GoString): void {
    this.outBytes += b.length;
    if (this.outBytes > this.maxOutputBytes) {
      const room = b.length - (this.outBytes - this.maxOutputBytes);
      if (room > 0) (fd === 1 ? this.stdout : this.stderr).push(b.slice(0, room));
      throw new ProgramExit(1, `\ngosim: program output exceeded ${this.maxOutputBytes} bytes; stopped\n`);
    }
    (fd === 1 ? this.stdout : this.stderr).push(b);
    if (this.sched.monitor !== null) this.sched.monitor.write(fd, b);
  }

  /** Back to the state before a run, for running the same compiled program again (explore). */
  reset(): void {
    this.stdout = [];
    this.stderr = [];
    this.outBytes = 0;
    // Compiled code holds these boxes: give them their first values again, in place.
    for (const [box, init] of this.pkgVarInits) box.v = init();
  }

  /** How each package variable box got its value, for reset(). */
  readonly pkgVarInits = new Map<Box, () => unknown>();

  /** Package runtime's error types, of which recover() makes a runtime error's value. */
  get runtimeErrors(): RuntimeErrorTypes {
    return this.library.runtimeErrors;
  }

  /** The native registered under `key` (a function, method or package variable's initializer). */
  native(key: string): Native | null {
    return this.natives.get(key) ?? null;
  }

  /**
   * The native to call for library function or method `key`: in explore mode, one that touches
   * shared state (sync, atomic, time, output, context) first passes a scheduling point.
   */
  callable(key: string): Native | null {
    const nat = this.natives.get(key) ?? null;
    if (nat === null || this.sched.explore === null) return nat;
    const fp = this.library.footprintOf(key);
    return fp === null ? nat : visibleNative(nat, fp, this.sched);
  }

  typeOf(q: string): Type {
    if (q === 'error') return errorType;
    if (q.startsWith('main.')) {
      const t = this.mainTypes.get(q.slice(5));
      if (t) return t;
    }
    let t = this.library.lookupType(q);
    if (!t) {
      const dot = q.lastIndexOf('.');
      const path = this.pathOf.get(q.slice(0, dot));
      if (path) t = this.library.lookupType(`${path}.${q.slice(dot + 1)}`);
    }
    if (!t) throw new Error(`gosim: unknown type ${q}`);
    return t;
  }

  /** A Go function for method `m` of a declared type (program or library), receiver first. */
  methodFunc(m: Func): GoFunc | null {
    if (m.pkg === 'main') {
      const h = this.methods.get(m);
      return h?.fn ?? null;
    }
    const recv = m.type.recv;
    if (!recv) return null;
    let rt = recv.type;
    if (rt.tag === 'Pointer') rt = rt.elem;
    if (rt.tag !== 'Named') return null;
    const pkgName = rt.pkg.slice(rt.pkg.lastIndexOf('/') + 1);
    const nat = this.callable(`${pkgName}.${rt.name}.${m.name}`);
    if (!nat) return null;
    return this.bindNative(nat, `${pkgName}.${rt.name}.${m.name}`);
  }

  private boundNatives = new Map<Native, GoFunc>();
  /** A native as a GoFunc (ctx bound, always a generator). */
  bindNative(nat: Native, key: string): GoFunc {
    let f = this.boundNatives.get(nat);
    if (f) return f;
    const ctx = this.ctx;
    if (isGeneratorFn(nat)) {
      f = function (...args: unknown[]) { return (nat as (c: NativeCtx, ...a: unknown[]) => Generator<unknown, unknown, unknown>)(ctx, ...args); };
    } else {
      f = function* (...args: unknown[]) { return (nat as (c: NativeCtx, ...a: unknown[]) => unknown)(ctx, ...args); };
    }
    void key;
    this.boundNatives.set(nat, f);
    return f;
  }

  method(x: Iface, name: string, pkg: string | null = null): GoFunc | null {
    const get = this.methodGetter(x.t, name, pkg);
    return get ? get(x.v) : null;
  }

  /**
   * How to get the bound method `name` from a value of dynamic type t, cached per type. An
   * unexported name is only found among the methods of its own package, `pkg` (the package
   * of the interface method being called; natives only look up exported names).
   */
  methodGetter(t: Type, name: string, pkg: string | null = null): ((recv: unknown) => GoFunc) | null {
    let m = this.methodCache.get(t);
    if (!m) { m = new Map(); this.methodCache.set(t, m); }
    const key = pkg === null ? name : `${pkg}.${name}`;
    let g = m.get(key);
    if (g !== undefined) return g;
    g = this.buildGetter(t, name, pkg);
    m.set(key, g);
    return g;
  }

  private buildGetter(t: Type, name: string, pkg: string | null): ((recv: unknown) => GoFunc) | null {
    if (under(t).tag === 'Interface') return null;
    const r = lookupFieldOrMethod(t, false, pkg, name);
    if (r.kind !== 'method' || !r.method) return null;
    const meth = r.method;
    const prog = this;
    const path = r.path;
    const isPtr = t.tag === 'Pointer';
    const wantPtr = meth.type.recv !== null && pointerRecv(meth);
    // Walk embedded fields to the receiver that declares the method.
    let cur: Type = isPtr ? (t as PointerType).elem : t;
    const steps: { index: number; ptr: boolean }[] = [];
    for (const i of path) {
      const st = under(cur);
      if (st.tag !== 'Struct') return null;
      const f = st.fields[i]!;
      const fp = f.type.tag === 'Pointer';
      steps.push({ index: i, ptr: fp });
      cur = fp ? (f.type as PointerType).elem : f.type;
    }
    const viaIface = under(cur).tag === 'Interface';
    return (recv: unknown) => {
      // `v` is the receiver value: a Pointer when we hold a pointer, else the value itself.
      let v = recv;
      let holdsPtr = isPtr;
      for (const s of steps) {
        let base: unknown[];
        if (holdsPtr) {
          if (v === null) throw runtimeErrorPanic('invalid memory address or nil pointer dereference', true);
          base = (v as { load(): unknown }).load() as unknown[];
        } else base = v as unknown[];
        if (s.ptr) { v = base[s.index]; holdsPtr = true; }
        else {
          const fv = base[s.index];
          if (wantPtr || Array.isArray(fv)) { v = { load: () => base[s.index], store: (x: unknown) => { base[s.index] = x; }, target: base, key: s.index }; holdsPtr = true; }
          else { v = fv; holdsPtr = false; }
        }
      }
      if (viaIface) {
        // Promoted from an embedded interface field: dispatch on the value it holds.
        if (v === null || v === undefined) throw runtimeErrorPanic('invalid memory address or nil pointer dereference', true);
        const f = prog.method(v as Iface, name, pkg);
        if (!f) throw new Error(`gosim: no method ${name}`);
        return f;
      }
      let arg: unknown;
      if (wantPtr) {
        arg = holdsPtr ? v : { load: () => v, store: () => undefined, target: v as object };
      } else if (holdsPtr) {
        if (v === null) throw runtimeErrorPanic('invalid memory address or nil pointer dereference', true);
        const x = (v as { load(): unknown }).load();
        arg = Array.isArray(x) ? copyAgg(x) : x;
      } else arg = v;
      const fn = prog.methodFunc(meth);
      if (!fn) throw new Error(`gosim: method ${meth.fullName || meth.name} has no implementation`);
      return function (...args: unknown[]) { return fn(arg, ...args); };
    };
  }
}

export type { Named };

/** A library call made a scheduling point: the switch comes first, then the call itself. */
export function visibleNative(nat: Native, fp: LibraryFootprint, S: Scheduler): Native {
  const gen = isGeneratorFn(nat);
  return function* (ctx: NativeCtx, ...args: unknown[]) {
    const w = fp.waits;
    const obj = fp.obj(args);
    yield* S.point(obj, fp.mode, w === undefined ? null : { recv: [], send: [], reason: w.reason, select: false, blocked: () => w.now(ctx, args), touches: { obj, mode: fp.mode } });
    const g = S.current;
    g.inLibraryOp = true;
    try {
      return gen ? yield* (nat as (c: NativeCtx, ...a: unknown[]) => Generator<unknown, unknown, unknown>)(ctx, ...args) : (nat as (c: NativeCtx, ...a: unknown[]) => unknown)(ctx, ...args);
    } finally {
      g.inLibraryOp = false;
    }
  };
}
