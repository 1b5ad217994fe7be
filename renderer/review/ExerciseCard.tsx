// A code exercise: the task, an editor holding the learner's code (saved per card as they type,
// with a way back to the starter), Run to see what the program does, and Check to decide every
// check of the exercise over every schedule gosim finds. A failing check names a schedule that
// shows it failing, runnable in one click. After an attempt the reference solution can be
// opened, compared line by line with the learner's code.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api, CardView } from '../../api/contract.ts';
import { GoEditor, type EditorDiagnostic } from '../editor/GoEditor.tsx';
import { useGosim } from '../gosim/context.tsx';
import type { CheckVerdict, ExerciseReport, RunReport } from '../gosim/protocol.ts';
import { useReport } from '../errors.tsx';
import { Markdown } from '../text/Html.tsx';
import { keepKeysOnCard } from './keys.ts';
import { diffLines } from './predict.ts';
import { DiffView, RunResultView, shortWitness } from './RunView.tsx';

export interface ExerciseResult {
  cardId: number;
  code: string;
  passed: boolean;
}

/** A check's report with the code it was made for (a witness replays that code, not a later edit). */
interface Checked {
  report: ExerciseReport;
  source: string;
}

type Job =
  | { kind: 'none' }
  | { kind: 'busy'; what: 'run' | 'check' | 'replay' }
  | { kind: 'run'; result: RunReport; title: string }
  | { kind: 'check'; checked: Checked }
  | { kind: 'ended'; message: string };

/** How long the code must stay unchanged before it is saved, and before it is compiled for errors. */
const saveDelayMs = 600;
const diagnoseDelayMs = 700;

export function ExerciseCard(props: { api: Api; card: CardView; onChecked: (r: ExerciseResult) => void }) {
  const { api, card, onChecked } = props;
  const spec = card.exercise!;
  const client = useGosim();
  const report = useReport();
  const [code, setCode] = useState(spec.draft ?? spec.starter);
  /** The editor's text as of its last change, which a key pressed right after it must see (state may not have re-rendered yet). */
  const codeRef = useRef(code);
  const [job, setJob] = useState<Job>({ kind: 'none' });
  const [lastCheck, setLastCheck] = useState<Checked | null>(null);
  const [diagnostics, setDiagnostics] = useState<EditorDiagnostic[]>([]);
  // Code kept from an earlier visit counts as an attempt: the solution may be opened at once.
  const [attempts, setAttempts] = useState(spec.draft !== null ? 1 : 0);
  const [solution, setSolution] = useState(false);
  const [tip, setTip] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'saving' | null>(spec.draft !== null ? 'saved' : null);
  const pendingSave = useRef<{ timer: ReturnType<typeof setTimeout>; code: string } | null>(null);
  const diagnoseTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** False once the card has left the screen: a result that comes back later belongs to nobody. */
  const alive = useRef(true);
  const busyRef = useRef(false);

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

  // Leaving the card (graded, buried, another screen) keeps what was typed last and ends what
  // still runs for it; so does leaving the page.
  useEffect(() => {
    alive.current = true;
    const leave = () => flush();
    const hidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      alive.current = false;
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      if (diagnoseTimer.current) clearTimeout(diagnoseTimer.current);
      if (busyRef.current) client.stop();
      flush();
    };
  }, [flush, client]);

  const busy = job.kind === 'busy';
  busyRef.current = busy;

  // A result below the fold (under the grade bar) would look as if nothing had happened.
  const resultsRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (job.kind === 'run' || job.kind === 'check') resultsRef.current?.scrollIntoView({ block: 'nearest' });
  }, [job]);

  /** Compile errors as the learner types, once they pause. */
  const diagnose = useCallback(
    (text: string) => {
      if (diagnoseTimer.current) clearTimeout(diagnoseTimer.current);
      diagnoseTimer.current = setTimeout(() => {
        if (busyRef.current) return;
        client.submit({ type: 'diagnose', source: text }).then(
          (found) => alive.current && setDiagnostics(found),
          () => {},
        );
      }, diagnoseDelayMs);
    },
    [client],
  );

  const edit = (text: string) => {
    codeRef.current = text;
    setCode(text);
    if (pendingSave.current) clearTimeout(pendingSave.current.timer);
    pendingSave.current = { code: text, timer: setTimeout(flush, saveDelayMs) };
    diagnose(text);
  };

  const ended = (err: unknown) => alive.current && setJob({ kind: 'ended', message: err instanceof Error ? err.message : String(err) });

  const runCode = useCallback(
    (replay?: { witness: string; source: string }) => {
      // The ref, not the state: a second key press before the next render must not start a second job.
      if (busyRef.current) return;
      busyRef.current = true;
      setAttempts((n) => n + 1);
      setJob({ kind: 'busy', what: replay ? 'replay' : 'run' });
      const seed = replay ? 1 : 1 + Math.floor(Math.random() * 2 ** 31);
      const source = replay ? replay.source : codeRef.current;
      client.submit({ type: 'run', source, seed, replay: replay?.witness }).then(
        (result) => {
          if (!alive.current) return;
          if (!replay) setDiagnostics(result.diagnostics);
          const title = replay
            ? `The failing schedule ${shortWitness(replay.witness)}${replay.source !== codeRef.current ? ', run on the code as it was checked' : ''}`
            : `A run under a random schedule: ${shortWitness(result.witness)}`;
          setJob({ kind: 'run', result, title });
        },
        ended,
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client],
  );

  const checkCode = useCallback(() => {
    if (busyRef.current) return;
    busyRef.current = true;
    setAttempts((n) => n + 1);
    setJob({ kind: 'busy', what: 'check' });
    const source = codeRef.current;
    client.submit({ type: 'checkExercise', source, checks: spec.checks }).then(
      (r) => {
        if (!alive.current) return;
        const checked = { report: r, source };
        setDiagnostics(r.diagnostics);
        setLastCheck(checked);
        setJob({ kind: 'check', checked });
        onChecked({ cardId: card.id, code: source, passed: r.passed });
      },
      ended,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, spec.checks, onChecked, card.id]);

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
        <button type="button" {...keepKeysOnCard} className="primary" onClick={checkCode} disabled={busy} data-testid="check">
          Check <kbd>Ctrl+Shift+Enter</kbd>
        </button>
        <button type="button" {...keepKeysOnCard} onClick={() => runCode()} disabled={busy} data-testid="run">
          Run <kbd>Ctrl+Enter</kbd>
        </button>
        {busy && (
          <button type="button" {...keepKeysOnCard} className="stop" onClick={() => client.stop()} data-testid="stop">
            Stop
          </button>
        )}
        <button type="button" {...keepKeysOnCard} className="link" onClick={reset} disabled={code === spec.starter} data-testid="reset">
          Reset to starter
        </button>
        {card.hint && !tip && (
          <button type="button" {...keepKeysOnCard} className="link" onClick={() => setTip(true)} data-testid="tip-button">
            Show a tip
          </button>
        )}
        <button
          {...keepKeysOnCard}
          type="button"
          className="link"
          onClick={() => setSolution((s) => !s)}
          disabled={attempts === 0}
          title={attempts === 0 ? 'Run or check your code once first' : undefined}
          data-testid="solution-button"
        >
          {solution ? 'Hide the solution' : attempts === 0 ? 'Show the solution (after a first run or check)' : 'Show the solution'}
        </button>
      </div>
      {tip && card.hint && (
        <div className="tip-text" role="note" data-testid="tip">
          <span className="tip-label">Tip</span>
          <Markdown source={card.hint} />
        </div>
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
      <div ref={resultsRef} className="exercise-results">
        {job.kind === 'run' && <RunResultView result={job.result} title={job.title} />}
        {/* The checks stay in view while the learner runs the very code they judged. */}
        {job.kind === 'check' ? (
          <CheckList checked={job.checked} onReplay={runCode} />
        ) : lastCheck && lastCheck.source === code && job.kind !== 'busy' ? (
          <CheckList checked={lastCheck} onReplay={runCode} />
        ) : null}
      </div>
      {solution && <SolutionView solution={spec.solution} code={code} />}
    </div>
  );
}

function CheckList(props: { checked: Checked; onReplay: (replay: { witness: string; source: string }) => void }) {
  const { report, source } = props.checked;
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
          <CheckItem
            key={i}
            verdict={c}
            report={report}
            explain={c.outcome !== null && report.checks.findIndex((d) => d.outcome === c.outcome) === i}
            onReplay={(witness) => props.onReplay({ witness, source })}
          />
        ))}
      </ul>
      {report.buildOutput === null && (
        <p className="muted search-status">
          {report.exploration.exhaustive
            ? `Decided under every schedule the program has (${report.exploration.runs} run${report.exploration.runs === 1 ? ' covered them' : 's covered them all'}).`
            : `Decided over the ${report.exploration.runs} schedules tried; there were too many to try every one.`}
        </p>
      )}
    </section>
  );
}

/** One check's verdict; `explain`: show why its failing outcome is stuck (only under the first check it fails). */
function CheckItem(props: { verdict: CheckVerdict; report: ExerciseReport; explain: boolean; onReplay: (witness: string) => void }) {
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
          <button type="button" {...keepKeysOnCard} className="link inline" onClick={() => props.onReplay(verdict.witness!)} data-testid="replay">
            Run this schedule
          </button>
          <code className="muted" title="The schedule's witness: gosim run --replay accepts it too">
            {shortWitness(verdict.witness)}
          </code>
        </span>
      )}
      {props.explain && outcome?.explanations && outcome.explanations.length > 0 && (
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
