// Compiling a whole program: functions and methods, package variables in initialization order,
// init functions, and the entry GoFunc the main goroutine runs.
import type * as ast from '../syntax/ast.ts';
import type { Var, Func } from '../types/types.ts';
import type { GoFunc } from '../runtime/native.ts';
import { Box, zeroValue } from '../runtime/ops.ts';
import { makeGoFunc, makePlainFunc, type FuncShape } from './func.ts';
import { plainFunctions } from './plain.ts';
import { ss, gs, type S } from './code.ts';
import { Compiler, FnCtx } from './compiler.ts';
import { compileBlock } from './stmt.ts';
import { exprTo, expr, mapE } from './expr.ts';
import { CALL } from '../runtime/calling.ts';
import { FuncInfo } from '../runtime/goroutine.ts';
import { EVERYTHING } from '../runtime/footprint.ts';

export function compileProgram(c: Compiler): GoFunc {
  const file = c.file;
  for (const v of c.esc.globals) c.globals.set(v, new Box(zeroValue(v.type)));
  const inits: Func[] = [];
  let mainFn: Func | null = null;
  const decls: { f: Func; d: ast.FuncDecl }[] = [];
  for (const d of file.decls) {
    if (d.kind === 'GenDecl' && d.tok === 'type') {
      for (const s of d.specs) {
        if (s.kind !== 'TypeSpec') continue;
        const o = c.info.defs.get(s.name.id);
        if (o && o.tag === 'TypeName') c.prog.mainTypes.set(s.name.name, o.type);
      }
    }
    if (d.kind !== 'FuncDecl' || !d.body) continue;
    const o = c.info.defs.get(d.name.id);
    if (d.name.name === 'init' && !d.recv) {
      const f = o && o.tag === 'Func' ? o : ({ name: 'init', decl: d, fullName: 'main.init', pkg: 'main' } as unknown as Func);
      decls.push({ f, d });
      inits.push(f);
      continue;
    }
    if (!o || o.tag !== 'Func') continue;
    decls.push({ f: o, d });
    if (d.recv) c.prog.methods.set(o, c.funcHolder(o));
    if (!d.recv && d.name.name === 'main') mainFn = o;
  }
  // Package-level initializers run in a frame of their own, named as Go names it.
  c.fn = new FnCtx('main.init', null);
  const initParts: S[] = [];
  for (const { lhs, rhs } of c.info.initOrder) {
    if (lhs.length === 1) {
      const box = c.globals.get(lhs[0]!);
      const x = exprTo(c, rhs, lhs[0]!.type);
      initParts.push(storeGlobal(x, [box ?? null], false));
    } else {
      const x = expr(c, rhs);
      initParts.push(storeGlobal(x, lhs.map((v: Var) => c.globals.get(v) ?? null), true));
    }
  }
  const initCtx = c.fn;
  compilePlainVersions(c, decls);
  let n = 0;
  for (const { f, d } of decls) {
    const sh = compileDecl(c, inits.includes(f) ? `main.init.${n++}` : declName(f, d), d);
    c.funcHolder(f).fn = makeGoFunc(c.S, sh, null);
  }
  const S_ = c.S;
  const initInfo = new FuncInfo('main.init', c.path);
  const initShape = {
    info: initInfo, nslots: initCtx.n, ncaps: 0, paramSlots: [], paramBoxed: [], resultSlots: [], resultBoxed: [],
    resultZero: [], hasDefer: false, boxes: 0, frameBytes: 0, quiet: false,
    body: gs(function* (fr) { for (const p of initParts) yield* p.g(fr); return undefined; }),
  };
  const initFn = makeGoFunc(S_, initShape, null);
  const holders = inits.map((f) => c.funcHolder(f));
  const mainHolder = mainFn ? c.funcHolder(mainFn) : null;
  // Each through CALL rather than yield*: on top of the goroutine's stack, main's parks and
  // resumes do not pass through this generator (see PUSH).
  return function* () {
    CALL.fn = initFn; CALL.args = [];
    yield CALL;
    for (const h of holders) { CALL.fn = h.fn!; CALL.args = []; yield CALL; }
    if (mainHolder) { CALL.fn = mainHolder.fn!; CALL.args = []; yield CALL; }
    // Explore mode: main returning ends the program, which other goroutines may still race
    // against (a print just before the end), so it is a scheduling point of its own.
    if (S_.explore !== null) yield* S_.point(EVERYTHING);
  };
}

/** The name Go's tracebacks give a declared function or method. */
function declName(f: Func, d: ast.FuncDecl): string {
  return f.fullName || `main.${d.name.name}`;
}

function compileDecl(c: Compiler, name: string, d: ast.FuncDecl): FuncShape {
  return c.compileBody(name, d.recv, d.type, d.body!, [], (b) => compileBlock(c, b));
}

/**
 * The plain versions (plain.ts) of the functions that can have one, before any generator version,
 * so that every call site knows which callees are plain. Should a body still need a generator
 * (the analysis is meant to rule that out), that function and its callers lose their plain
 * version and the rest are compiled again.
 */
function compilePlainVersions(c: Compiler, decls: { f: Func; d: ast.FuncDecl }[]): void {
  const excluded = new Set<Func>();
  for (;;) {
    const plain = plainFunctions(c.file, c.info, c.esc.globals, excluded);
    c.plain = plain;
    c.inPlain = true;
    const shapes = new Map<Func, FuncShape>();
    try {
      for (const { f, d } of decls) {
        if (plain.has(f)) shapes.set(f, compileDecl(c, declName(f, d), d));
      }
    } finally {
      c.inPlain = false;
    }
    const failed = [...shapes].filter(([, sh]) => sh.body.s === null).map(([f]) => f);
    if (failed.length === 0) {
      for (const [f, sh] of shapes) c.funcHolder(f).plain = makePlainFunc(c.S, sh);
      return;
    }
    for (const f of failed) excluded.add(f);
  }
}

function storeGlobal(x: import('./code.ts').E, boxes: (Box | null)[], multi: boolean): S {
  const put = (v: unknown) => {
    if (!multi) { if (boxes[0]) boxes[0].v = v; return; }
    const a = v as unknown[];
    for (let i = 0; i < boxes.length; i++) if (boxes[i]) boxes[i]!.v = a[i];
  };
  const e = mapE(x, put);
  const es = e.s;
  if (es !== null) return ss((fr) => { es(fr); return undefined; });
  const eg = e.g;
  return gs(function* (fr) { yield* eg(fr); return undefined; });
}
