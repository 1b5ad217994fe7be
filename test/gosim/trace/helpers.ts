// Runs a Go program through gosim's public run() with the trace and the explanations on.
import { run, type RunResult, type Trace, type TraceEvent, type Explanation } from '../../../gosim/index.ts';

export interface Traced {
  result: RunResult;
  trace: Trace;
  explanations: Explanation[];
  /** How the run ended, as the explanations see it: null when there is nothing to explain. */
  ending: 'deadlock' | 'exit' | null;
}

export function traced(src: string, opts: { maxEvents?: number; seed?: number } = {}): Traced {
  const result = run(src, {
    sourcePath: '/tmp/sandbox/prog.go',
    seed: opts.seed,
    trace: opts.maxEvents === undefined ? true : { maxEvents: opts.maxEvents },
    explain: true,
  });
  if (result.exitCode === 1 || result.exitCode === 3) throw new Error('did not run:\n' + result.stderr);
  if (!result.trace || !result.explanations) throw new Error('run() returned no trace or explanations');
  const deadlock = /^fatal error: .* - deadlock!\n/.test(result.stderr);
  const ending = result.explanations.length === 0 ? null : deadlock ? 'deadlock' : 'exit';
  return { result, trace: result.trace, explanations: result.explanations, ending };
}

/** The events of one kind, typed. */
export function ofKind<K extends TraceEvent['kind']>(t: Trace, kind: K): Extract<TraceEvent, { kind: K }>[] {
  return t.events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);
}
