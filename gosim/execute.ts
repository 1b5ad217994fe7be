// One execution of a checked Go program: compile it against a fresh scheduler and package
// state, run it, and turn how it ended into a RunResult (index.ts documents the exit codes).
// run() and explore() are both built on prepare() + execute().
import { buildSource, goBuildOutput } from './build/build.ts';
import { lookupLibraryType } from './build/library.ts';
import type * as ast from './syntax/ast.ts';
import { Pointer as PointerType, type Info } from './types/types.ts';
import { jsString as decodeUtf8 } from './runtime/values.ts';
import type { Explorer } from './runtime/footprint.ts';
import { isJsStackOverflow } from './runtime/calling.ts';
import { Scheduler, type Outcome, type SchedulerOptions } from './runtime/scheduler.ts';
import type { GoFunc } from './runtime/native.ts';
import { Box, zeroFn } from './runtime/ops.ts';
import type { Monitor } from './runtime/monitor.ts';
import type { RuntimeErrorTypes } from './runtime/rterror.ts';
import { Program, type ProgramLibrary } from './runtime/program.ts';
import { Compiler } from './compile/compiler.ts';
import { compileProgram } from './compile/entry.ts';
import { packages } from './lib/registry.ts';
import { footprintOf } from './lib/footprints.ts';
import { seededRandom } from './runtime/random.ts';
import { DEFAULT_MAX_MEMORY_BYTES } from './runtime/memory.ts';


export interface RunOptions {
  seed?: number;
  filename?: string;
  /** Absolute path printed in tracebacks; default `/tmp/sandbox/<filename>`. */
  sourcePath?: string;
  maxSteps?: number;
  maxWallMs?: number;
  maxGoroutines?: number;
  maxOutputBytes?: number;
  maxStackDepth?: number;
  /**
   * Memory the program may allocate, as gosim counts it (runtime/memory.ts: bytes of its JS
   * representation); past it the program ends with Go's `fatal error: out of memory`. Default
   * 256 MiB.
   */
  maxMemoryBytes?: number;
  /** Record the run's trace (trace.ts, docs/trace.md) into RunResult.trace; a number caps its events (default 20000). */
  trace?: boolean | { maxEvents?: number };
  /** Explain a deadlock or the leaked goroutines in plain language (RunResult.explanations). */
  explain?: boolean;
  /** Follow the choices of a witness from explore() (`v1:...`) instead of the default schedule. */
  replay?: string;
  /**
   * Run one schedule drawn at random (seeded by `seed`) instead of the default one: which
   * runnable goroutine goes next at every scheduling point, as explore() could choose it.
   * RunResult.witness then names the schedule. Ignored with `replay`.
   */
  randomSchedule?: boolean;
}

export interface Location { func: string; file: string; line: number }

export interface Leak {
  id: number;
  waitReason: string;
  createdAt: Location | null;
  blockedAt: Location;
}

export interface RunStats {
  goroutinesCreated: number;
  maxLiveGoroutines: number;
  /** Goroutines other than main still alive when the program ended: blocked, asleep, or never run to their end. */
  goroutinesLeft: number;
  channelOps: number;
  virtualTimeNs: number;
  steps: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  leaks: Leak[];
  stats: RunStats;
  /** With options.replay: false when the witness did not fit this program (then the run went its own way from that choice on). */
  replayFitted?: boolean;
  /** With options.randomSchedule: the witness of the schedule run, for `replay`. */
  witness?: string;
}

export const emptyStats: RunStats = { goroutinesCreated: 0, maxLiveGoroutines: 0, goroutinesLeft: 0, channelOps: 0, virtualTimeNs: 0, steps: 0 };

export type Built =
  /** startedAt: when prepare() began; execute() counts the run's maxWallMs from there, building included. */
  | { kind: 'ok'; file: ast.File; info: Info; startedAt: number }
  /** stderr: what go build prints; lines: the same without its heading, one message a line. */
  | { kind: 'errors'; stderr: string; lines: string[]; internal?: boolean };

/**
 * The largest source gosim parses (bytes of UTF-8): checking one this big takes a few tenths of
 * a second, and a bigger one is refused before parsing with one line that says so.
 */
export const MAX_SOURCE_BYTES = 256 * 1024;

/** The UTF-8 length of s, counted only as far as it matters for MAX_SOURCE_BYTES. */
function sourceBytes(s: string): number {
  // Each UTF-16 unit is 1 to 3 bytes: only a length between the bounds needs counting.
  if (s.length > MAX_SOURCE_BYTES || s.length * 3 <= MAX_SOURCE_BYTES) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** The built program, or the text `go build` prints when it does not build (build/build.ts). */
function buildErrors(source: string, filename: string, startedAt: number): Built {
  const b = buildSource(source, filename);
  if (b.lines.length === 0 && b.result) return { kind: 'ok', file: b.file, info: b.result.info, startedAt };
  return { kind: 'errors', stderr: goBuildOutput(b), lines: b.lines };
}

/**
 * Go's bytes as a JS string. Plain ASCII (nearly all output) is already right; decoding rune by
 * rune builds one rope node per character, gigabytes for a crash that lists 100k goroutines.
 */
function jsString(s: string): string {
  return /[\x80-\xff]/.test(s) ? decodeUtf8(s) : s;
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.message}${e.stack ? '\n' + e.stack.split('\n').slice(1, 6).join('\n') : ''}`;
  return String(e);
}


/** What one execution may be given besides its options (explore mode, trace). */
export interface ExecHooks {
  /** Explore mode: the explorer makes every scheduling choice (explore/explore.ts). */
  explore?: Explorer;
  /** An observer attached to the scheduler before the program starts. */
  monitor?: (sched: Scheduler) => Monitor;
  /** Called after the run with the scheduler and the monitor, to add to the result. */
  finish?: (result: RunResult, sched: Scheduler, outcome: Outcome | null) => void;
}

let library: ProgramLibrary | null = null;
/** What every program runs with: lib/'s natives, its types and its explore footprints, wired to the runtime. */
function programLibrary(): ProgramLibrary {
  return (library ??= { packages: [...packages.values()], lookupType: lookupLibraryType, footprintOf, runtimeErrors: runtimeErrorTypes() });
}

/** Thrown by a hook (an explorer out of time) to abandon an execution: execute() lets it through. */
export class RunAborted {
  // Not an Error: an explorer abandons thousands of runs, and a stack trace each is costly.
  constructor(readonly why: string) {}
}

/** Parse and check once; `execute` may then run the result many times. Never throws. */
export function prepare(source: string, filename = 'prog.go'): Built {
  const startedAt = Date.now();
  const size = sourceBytes(source);
  if (size > MAX_SOURCE_BYTES) {
    // Like the go command's own complaints about a file: one line, no compiler header.
    const line = `${filename}: source file is ${size} bytes, more than the ${MAX_SOURCE_BYTES} bytes (${MAX_SOURCE_BYTES / 1024} KiB) gosim accepts`;
    return { kind: 'errors', stderr: `${line}\n`, lines: [line] };
  }
  try {
    return buildErrors(source, filename, startedAt);
  } catch (e) {
    const text = `gosim internal error: ${describe(e)}`;
    return { kind: 'errors', stderr: `${text}\n`, lines: text.split('\n'), internal: true };
  }
}

/** The RunResult of a program that did not build. */
export function notBuilt(b: Built & { kind: 'errors' }): RunResult {
  return { stdout: '', stderr: b.stderr, exitCode: b.internal ? 3 : 1, leaks: [], stats: emptyStats };
}

/**
 * One execution of a prepared program. Compiling happens here, per execution: the compiled
 * closures hold this run's scheduler and package state.
 */
export function execute(built: Built & { kind: 'ok' }, options: RunOptions, hooks: ExecHooks = {}): { result: RunResult; jsStackExhausted: boolean } {
  let sched: Scheduler | null = null;
  let compiled: Compiled | null = null;
  try {
    // The wall-clock budget started when the program was handed over: parsing, checking and
    // compiling count, and a build that used it all ends the run at once as a timeout.
    sched = new Scheduler({ ...schedulerOptions(options), startedAt: built.startedAt });
    attach(sched, hooks);
    compiled = compile(built, options, sched);
  } catch (e) {
    return internalError(e, null, sched, hooks);
  }
  return runCompiled(compiled, hooks);
}

/**
 * A program compiled once and run many times (explore): the same scheduler and Program objects,
 * which the compiled code holds, reset to their initial state before each run.
 */
export interface Compiled {
  readonly sched: Scheduler;
  readonly prog: Program;
  readonly entry: GoFunc;
  readonly options: RunOptions;
  /** The package variables and their zero values, to reset between runs. */
  readonly globals: [Box, () => unknown][];
}

/**
 * Compile for reuse by runAgain(). `explore` must be given if any run will explore: the
 * compiler makes channel operations and library calls scheduling points only in explore mode.
 */
export function compileReusable(built: Built & { kind: 'ok' }, options: RunOptions, explore: Explorer | null): Compiled | RunResult {
  let sched: Scheduler | null = null;
  try {
    sched = new Scheduler(schedulerOptions(options));
    sched.explore = explore;
    return compile(built, options, sched);
  } catch (e) {
    return internalError(e, null, sched, {}).result;
  }
}

/** Run a compiled program again from its initial state. */
export function runAgain(c: Compiled, hooks: ExecHooks = {}): { result: RunResult; jsStackExhausted: boolean } {
  try {
    c.sched.reset(schedulerOptions(c.options));
    c.prog.reset();
    for (const [box, zero] of c.globals) box.v = zero();
    attach(c.sched, hooks);
  } catch (e) {
    return internalError(e, c.prog, c.sched, hooks);
  }
  return runCompiled(c, hooks);
}

/** The explorer and the monitor of an execution, before its program starts. */
function attach(sched: Scheduler, hooks: ExecHooks): void {
  if (hooks.explore) sched.explore = hooks.explore;
  if (hooks.monitor) sched.monitor = hooks.monitor(sched);
}

function schedulerOptions(options: RunOptions): SchedulerOptions {
  return {
    random: seededRandom(options.seed ?? 1),
    maxSteps: options.maxSteps ?? 50_000_000,
    maxWallMs: options.maxWallMs ?? 5000,
    maxGoroutines: options.maxGoroutines ?? 1_000_000,
    maxStackDepth: options.maxStackDepth ?? 50_000,
    maxMemoryBytes: options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
    now: () => Date.now(),
  };
}

function compile(built: Built & { kind: 'ok' }, options: RunOptions, sched: Scheduler): Compiled {
  const filename = options.filename ?? 'prog.go';
  const path = options.sourcePath ?? `/tmp/sandbox/${filename}`;
  const { file, info } = built;
  const prog = new Program(sched, programLibrary(), options.maxOutputBytes ?? 1 << 20);
  const c = new Compiler(file, info, prog, sched, path);
  const entry = compileProgram(c);
  const globals: [Box, () => unknown][] = [];
  for (const [v, box] of c.globals) globals.push([box, zeroFn(v.type)]);
  return { sched, prog, entry, options, globals };
}

function runCompiled(c: Compiled, hooks: ExecHooks): { result: RunResult; jsStackExhausted: boolean } {
  const { sched, prog } = c;
  try {
    sched.go(c.entry, []);
    const outcome = sched.run();
    const stdout = jsString(prog.stdout.join(''));
    let stderr = jsString(prog.stderr.join(''));
    let exitCode: number;
    if (outcome.kind === 'timeout') { stderr += 'timeout running program\n'; exitCode = 124; }
    else { stderr += jsString(outcome.stderr); exitCode = outcome.code; }
    const result: RunResult = { stdout, stderr, exitCode, leaks: leaksOf(sched), stats: statsOf(sched) };
    if (hooks.finish) hooks.finish(result, sched, outcome);
    return { result, jsStackExhausted: sched.jsStackExhausted };
  } catch (e) {
    return internalError(e, prog, sched, hooks);
  }
}

function internalError(e: unknown, prog: Program | null, sched: Scheduler | null, hooks: ExecHooks): { result: RunResult; jsStackExhausted: boolean } {
  if (e instanceof RunAborted) throw e;
  const jsStackExhausted = isJsStackOverflow(e);
  const stdout = prog ? jsString(prog.stdout.join('')) : '';
  const stderr = (prog ? jsString(prog.stderr.join('')) : '') + `gosim internal error: ${describe(e)}\n`;
  const result: RunResult = { stdout, stderr, exitCode: 3, leaks: [], stats: sched ? statsOf(sched) : emptyStats };
  if (hooks.finish && sched) {
    try { hooks.finish(result, sched, null); } catch { /* the internal error is already reported */ }
  }
  return { result, jsStackExhausted };
}

/** Package runtime's error types, from the library's declarations. */
function runtimeErrorTypes(): RuntimeErrorTypes {
  const ta = lookupLibraryType('runtime.TypeAssertionError');
  return {
    plain: lookupLibraryType('runtime.plainError'),
    errorString: lookupLibraryType('runtime.errorString'),
    bounds: lookupLibraryType('runtime.boundsError'),
    typeAssert: ta ? new PointerType(ta) : null,
  };
}

function statsOf(s: Scheduler): RunStats {
  let left = 0;
  for (const g of s.live.values()) if (g !== s.main) left++;
  return { goroutinesCreated: s.goroutinesCreated, maxLiveGoroutines: s.maxLive, goroutinesLeft: left, channelOps: s.channelOps, virtualTimeNs: s.now, steps: s.steps };
}

function leaksOf(s: Scheduler): Leak[] {
  const out: Leak[] = [];
  for (const g of s.live.values()) {
    // Explore mode may leave a goroutine held just before an operation that would only wait.
    const held = g.state === 'runnable' && s.explore !== null && s.explore.holdsBlocked && s.held(g);
    if (g === s.main || (g.state !== 'waiting' && !held)) continue;
    // A parked goroutine's frames stay as they were when it blocked.
    const at = g.blockedAt ?? (g.top ? { func: g.top.fn.name, file: g.top.fn.file, line: g.top.line } : { func: '?', file: '', line: 0 });
    out.push({ id: g.id, waitReason: held ? g.pending!.reason : g.waitReason, createdAt: g.createdAt, blockedAt: at });
  }
  return out.sort((a, b) => a.id - b.id);
}
