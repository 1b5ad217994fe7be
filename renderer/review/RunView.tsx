// How the result of running Go reads on screen: standard output and standard error as Go
// writes them, the exit status, and gosim's plain-language account of a deadlock or of the
// goroutines left blocked. Also the line-by-line comparison of a prediction with an outcome.
import type { ReactNode } from 'react';
import type { DiffLine } from './predict.ts';
import type { Explanation, RunReport } from '../gosim/protocol.ts';

/** What an exit status means, in a few words; `built` is false when the program did not compile. */
export function exitMeaning(code: number, built = true): string {
  if (!built) return 'did not compile';
  switch (code) {
    case 0:
      return 'exited normally';
    case 2:
      return 'crashed (panic or fatal error)';
    case 124:
      return 'stopped: it ran past its time or step budget';
    case 3:
      return 'stopped by an internal error in gosim';
    default:
      return 'exited through os.Exit, or gosim stopped its output';
  }
}

/** Shows spaces and tabs at the end of a line, which would otherwise be invisible. */
function visibleEnd(text: string): string {
  return text.replace(/[ \t]+$/, (ws) => ws.replace(/ /g, '·').replace(/\t/g, '→'));
}

export function OutputBlock(props: { label: string; text: string; testId?: string; tone?: 'error' }) {
  return (
    <figure className={`output ${props.tone === 'error' ? 'output-error' : ''}`} data-testid={props.testId}>
      <figcaption>{props.label}</figcaption>
      {props.text === '' ? <p className="output-empty">(nothing)</p> : <pre>{props.text}</pre>}
    </figure>
  );
}

/** Why goroutines are stuck: a deadlock ends the program; otherwise they were left waiting when main returned. */
export function Explanations(props: { items: readonly Explanation[] | undefined; deadlocked: boolean }) {
  if (!props.items || props.items.length === 0) return null;
  return (
    <div className="explanations" data-testid="explanations">
      <p className="back-label">{props.deadlocked ? 'Why it is stuck' : 'Goroutines still waiting when main returned'}</p>
      <ul>
        {props.items.map((e) => (
          <li key={e.goroutine}>{e.text}</li>
        ))}
      </ul>
    </div>
  );
}

export function RunResultView(props: { result: RunReport; title?: string }) {
  const { result } = props;
  return (
    <section className="run-result" aria-label={props.title ?? 'Run result'} data-testid="run-result">
      {props.title && <p className="run-title">{props.title}</p>}
      <p className={`exit exit-${result.exitCode === 0 ? 'ok' : 'bad'}`} data-testid="exit-status">
        Exit status {result.exitCode}: {exitMeaning(result.exitCode, result.diagnostics.length === 0)}
        {result.stats.virtualTimeNs > 0 && <span className="muted"> · {formatVirtualTime(result.stats.virtualTimeNs)} of virtual time</span>}
      </p>
      <OutputBlock label="Standard output" text={result.stdout} testId="stdout" />
      {result.stderr !== '' && <OutputBlock label="Standard error" text={result.stderr} testId="stderr" tone="error" />}
      <Explanations items={result.explanations} deadlocked={isDeadlock(result.stderr)} />
    </section>
  );
}

/** A schedule's witness, cut to what reads in a line (the whole one is in the title). */
export function shortWitness(w: string | undefined): string {
  if (w === undefined) return '';
  return w.length > 40 ? w.slice(0, 40) + '…' : w;
}

export function isDeadlock(crashOrStderr: string | null): boolean {
  return crashOrStderr !== null && /^fatal error: (all goroutines are asleep|no goroutines)/m.test(crashOrStderr);
}

export function formatVirtualTime(ns: number): string {
  if (ns >= 1e9) return `${+(ns / 1e9).toFixed(3)} s`;
  if (ns >= 1e6) return `${+(ns / 1e6).toFixed(3)} ms`;
  if (ns >= 1e3) return `${+(ns / 1e3).toFixed(3)} µs`;
  return `${ns} ns`;
}

const marks: Record<DiffLine['op'], string> = { same: ' ', missing: '−', extra: '+' };

/** A prediction against the output it is closest to: lines it lacks, lines it has too many. */
export function DiffView(props: { diff: readonly DiffLine[]; caption?: ReactNode }) {
  return (
    <figure className="diff" data-testid="diff">
      <figcaption>
        {props.caption ?? (
          <>
            Your prediction compared line by line: <span className="diff-missing-key">− printed, but not in your prediction</span>{' '}
            <span className="diff-extra-key">+ in your prediction, but not printed</span>
          </>
        )}
      </figcaption>
      <pre>
        {props.diff.map((d, i) => (
          <div key={i} className={`diff-line diff-${d.op}`}>
            <span className="diff-mark" aria-hidden="true">
              {marks[d.op]}
            </span>
            <span className="visually-hidden">{d.op === 'same' ? 'same: ' : d.op === 'missing' ? 'missing: ' : 'extra: '}</span>
            {visibleEnd(d.text) || '\u00a0'}
          </div>
        ))}
      </pre>
    </figure>
  );
}
