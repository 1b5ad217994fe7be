// A code exercise: the task, an editor holding the learner's code (saved per card as they type,
// with a way back to the starter), Run to see what the program does, and Check to decide every
// check of the exercise over every schedule gosim finds. A failing check names a schedule that
// shows it failing, runnable in one click. After an attempt the reference solution can be
// opened, compared line by line with the learner's code.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api, CardView } from '../../electron/api/contract.ts';
import { GoEditor, type EditorDiagnostic } from '../editor/GoEditor.tsx';
import { useGosim } from '../gosim/context.tsx';
import type { CheckVerdict, ExerciseReport, RunResult } from '../gosim/protocol.ts';
import { useReport } from '../errors.tsx';
import { Markdown } from '../text/Html.tsx';
import { diffLines } from './predict.ts';
import { DiffView, RunResultView } from './RunView.tsx';

export interface ExerciseResult {
  code: string;
  passed: boolean;
}

type Job =
  | { kind: 'none' }
  | { kind: 'busy'; what: 'run' | 'check' | 'replay' }
  | { kind: 'run'; result: RunResult; title: string }
  | { kind: 'check'; report: ExerciseReport }
  | { kind: 'ended'; message: string };

/** How long the code must stay unchanged before it is saved. */
const saveDelayMs = 600;

export function ExerciseCard(props: { api: Api; card: CardView; onChecked: (r: ExerciseResult) => void }) {
  const { api, card, onChecked } = props;
  const spec = card.exercise!;
  const client = useGosim();
  const report = useReport();
  const [code, setCode] = useState(spec.draft ?? spec.starter);
  const [job, setJob] = useState<Job>({ kind: 'none' });
  const [lastCheck, setLastCheck] = useState<ExerciseReport | null>(null);
  const [diagnostics, setDiagnostics] = useState<EditorDiagnostic[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [solution, setSolution] = useState(false);
  const [tip, setTip] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'saving' | null>(spec.draft !== null ? 'saved' : null);
  const pendingSave = useRef<{ timer: ReturnType<typeof setTimeout>; code: string } | null>(null);

  const save = useCallback(
    (text: string) => {
      setSaved('saving');
      api.saveDraft({ cardId: card.id, code: text === spec.starter ? null : text }).then(
        () => setSaved('saved'),
        (err: unknown) => {
          setSaved(null);
          report(err);
        },
      );
    },
    [api, card.id, spec.starter, report],
  );

  const flush = useCallback(() => {
    const p = pendingSave.current;
    if (!p) return;
    clearTimeout(p.timer);
    pendingSave.current = null;
    save(p.code);
  }, [save]);

  // Leaving the card (graded, buried, another screen) keeps what was typed last.
  useEffect(() => flush, [flush]);

  const edit = (text: string) => {
    setCode(text);
    if (pendingSave.current) clearTimeout(pendingSave.current.timer);
    pendingSave.current = { code: text, timer: setTimeout(flush, saveDelayMs) };
  };

  const busy = job.kind === 'busy';

  const runCode = useCallback(
    (replay?: string) => {
      if (busy) return;
      setAttempts((n) => n + 1);
      setJob({ kind: 'busy', what: replay ? 'replay' : 'run' });
      const seed = replay ? 1 : 1 + Math.floor(Math.random() * 2 ** 31);
      client.submit({ type: 'run', source: code, seed, replay }).then(
        (result) => {
          setDiagnostics(result.diagnostics);
          setJob({ kind: 'run', result, title: replay ? `The schedule ${replay}` : `A run with seed ${seed}` });
        },
        (err: unknown) => setJob({ kind: 'ended', message: err instanceof Error ? err.message : String(err) }),
      );
    },
    [busy, client, code],
  );

  const checkCode = useCallback(() => {
    if (busy) return;
    setAttempts((n) => n + 1);
    setJob({ kind: 'busy', what: 'check' });
    client.submit({ type: 'checkExercise', source: code, checks: spec.checks }).then(
      (r) => {
        setDiagnostics(r.diagnostics);
        setLastCheck(r);
        setJob({ kind: 'check', report: r });
        onChecked({ code, passed: r.passed });
      },
      (err: unknown) => setJob({ kind: 'ended', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [busy, client, code, spec.checks, onChecked]);

  const reset = () => {
    edit(spec.starter);
    setDiagnostics([]);
  };

  return (
    <div className="exercise-card">
      <p className="kind">Exercise</p>
      <Markdown source={card.front} />
      <div className="editor-head">
        <span className="editor-label" id={`editor-label-${card.id}`}>
          Your code
        </span>
        <span className="muted editor-keys">Ctrl+Enter runs · Ctrl+Shift+Enter checks · Esc leaves the editor</span>
        <span className="save-state muted" data-testid="save-state" aria-live="polite">
          {saved === 'saving' ? 'Saving…' : saved === 'saved' ? 'Saved' : ''}
        </span>
      </div>
      <GoEditor value={code} onChange={edit} diagnostics={diagnostics} label="Your code" keys={{ run: () => runCode(), check: checkCode }} testId="editor" />
      <div className="editor-actions">
        <button type="button" className="primary" onClick={checkCode} disabled={busy} data-testid="check">
          Check <kbd>Ctrl+Shift+Enter</kbd>
        </button>
        <button type="button" onClick={() => runCode()} disabled={busy} data-testid="run">
          Run <kbd>Ctrl+Enter</kbd>
        </button>
        {busy && (
          <button type="button" className="stop" onClick={() => client.stop()} data-testid="stop">
            Stop
          </button>
        )}
        <button type="button" className="link" onClick={reset} disabled={code === spec.starter} data-testid="reset">
          Reset to starter
        </button>
        {card.hint && !tip && (
          <button type="button" className="link" onClick={() => setTip(true)} data-testid="tip-button">
            Show a tip
          </button>
        )}
        <button
          type="button"
          className="link"
          onClick={() => setSolution((s) => !s)}
          disabled={attempts === 0}
          title={attempts === 0 ? 'Run or check your code once first' : undefined}
          data-testid="solution-button"
        >
          {solution ? 'Hide the solution' : 'Show the solution'}
        </button>
      </div>
      {tip && card.hint && (
        <p className="tip-text" role="note" data-testid="tip">
          <span className="tip-label">Tip:</span> {card.hint}
        </p>
      )}
      {busy && (
        <p className="search-status" role="status" data-testid="busy">
          {job.what === 'check' ? 'Checking every schedule…' : 'Running…'} (Stop ends it at once.)
        </p>
      )}
      {job.kind === 'ended' && (
        <p className="notice" role="status" data-testid="ended">
          {job.message}
        </p>
      )}
      {job.kind === 'check' || (lastCheck && job.kind !== 'busy') ? (
        <CheckList report={job.kind === 'check' ? job.report : lastCheck!} onReplay={(w) => runCode(w)} />
      ) : null}
      {job.kind === 'run' && <RunResultView result={job.result} title={job.title} />}
      {solution && <SolutionView solution={spec.solution} code={code} />}
    </div>
  );
}

function CheckList(props: { report: ExerciseReport; onReplay: (witness: string) => void }) {
  const { report } = props;
  const passed = report.checks.filter((c) => c.pass).length;
  return (
    <section className="checks" aria-label="Checks" data-testid="checks">
      <p className={`verdict ${report.passed ? 'verdict-right' : 'verdict-wrong'}`} role="status" data-testid="check-summary">
        {report.passed
          ? `Every check passes (${passed} of ${report.checks.length}).`
          : `${passed} of ${report.checks.length} checks pass.`}
      </p>
      {report.buildOutput && (
        <figure className="output output-error" data-testid="build-errors">
          <figcaption>go build says</figcaption>
          <pre>{report.buildOutput.replace(/^# command-line-arguments\n/, '')}</pre>
        </figure>
      )}
      <ul className="check-list">
        {report.checks.map((c, i) => (
          <CheckItem key={i} verdict={c} report={report} onReplay={props.onReplay} />
        ))}
      </ul>
      {report.buildOutput === null && (
        <p className="muted search-status">
          {report.exploration.exhaustive
            ? `Decided over every schedule (${report.exploration.runs} run${report.exploration.runs === 1 ? '' : 's'}).`
            : `Decided over ${report.exploration.runs} schedules; the search could not try every one.`}
        </p>
      )}
    </section>
  );
}

function CheckItem(props: { verdict: CheckVerdict; report: ExerciseReport; onReplay: (witness: string) => void }) {
  const { verdict } = props;
  const outcome = verdict.outcome === null ? null : props.report.exploration.outcomes[verdict.outcome];
  return (
    <li className={`check ${verdict.pass ? 'check-pass' : 'check-fail'}`} data-testid="check-item" data-pass={verdict.pass}>
      <span className="check-mark" aria-hidden="true">
        {verdict.pass ? '✓' : '✗'}
      </span>
      <span className="visually-hidden">{verdict.pass ? 'Passes: ' : 'Fails: '}</span>
      <span className="check-why">{verdict.why}</span>
      {verdict.witness && (
        <span className="witness">
          {' '}
          <button type="button" className="link inline" onClick={() => props.onReplay(verdict.witness!)} data-testid="replay">
            Run this schedule
          </button>
          <code className="muted" title="The schedule's witness: gosim run --replay accepts it too">
            {verdict.witness.length > 40 ? verdict.witness.slice(0, 40) + '…' : verdict.witness}
          </code>
        </span>
      )}
      {outcome?.explanations && outcome.explanations.length > 0 && (
        <ul className="check-explanations">
          {outcome.explanations.map((e) => (
            <li key={e.goroutine}>{e.text}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function SolutionView(props: { solution: string; code: string }) {
  const diff = diffLines(props.solution.replace(/\n$/, '').split('\n'), props.code.replace(/\n$/, '').split('\n'));
  const changed = diff.some((d) => d.op !== 'same');
  return (
    <section className="solution" aria-label="Reference solution" data-testid="solution">
      <p className="back-label">A reference solution</p>
      <GoEditor value={props.solution} readOnly label="Reference solution" />
      {changed ? (
        <DiffView diff={diff} caption={<>Compared with your code: <span className="diff-missing-key">− only in the solution</span> <span className="diff-extra-key">+ only in yours</span></>} />
      ) : (
        <p className="muted">Your code is the same as the solution.</p>
      )}
    </section>
  );
}
