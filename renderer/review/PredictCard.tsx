// A predict-the-output drill. Front: the program, read-only, and a box for the prediction (the
// output, or for a "what happens" drill the first line Go prints when it crashes), with a quiet
// tip on request. Back: whether the prediction is one of the program's possible outcomes, a
// line-by-line comparison with the closest one, every outcome when there are several, why, and
// a button that runs the program again under another seed.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { CardView } from '../../api/contract.ts';
import { GoEditor } from '../editor/GoEditor.tsx';
import { JobEnded } from '../gosim/client.ts';
import { exploreOnce, useGosim } from '../gosim/context.tsx';
import type { ExploreResult, RunReport } from '../gosim/protocol.ts';
import { Markdown } from '../text/Html.tsx';
import { keepKeysOnCard } from './keys.ts';
import { gradePrediction, type PredictedOutcome, type PredictionGrade } from './predict.ts';
import { DiffView, Explanations, isDeadlock, OutputBlock, RunResultView, shortWitness } from './RunView.tsx';

export interface PredictionResult {
  typed: string;
  correct: boolean;
}

type Search = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: ExploreResult } | { state: 'ended'; message: string };

export function PredictCard(props: {
  card: CardView;
  revealed: boolean;
  typingRef: RefObject<HTMLTextAreaElement | null>;
  /** Called on reveal, and again if the exploration changes the verdict. */
  onGraded: (r: PredictionResult) => void;
}) {
  const { card, revealed, onGraded } = props;
  const drill = card.predict!;
  const code = card.code ?? '';
  const client = useGosim();
  const [typed, setTyped] = useState('');
  const [tip, setTip] = useState(false);
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [again, setAgain] = useState<{ busy: boolean; result: RunReport | null; count: number; error: string | null }>({
    busy: false,
    result: null,
    count: 0,
    error: null,
  });
  const crash = drill.asks === 'crash';

  /** False once the card has left the screen, so late results are dropped. */
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const explore = useCallback(() => {
    setSearch({ state: 'running' });
    exploreOnce(client, code).then(
      (result) => alive.current && setSearch({ state: 'done', result }),
      (err: unknown) => alive.current && setSearch({ state: 'ended', message: err instanceof JobEnded ? err.message : String(err) }),
    );
  }, [client, code]);

  // The search starts on reveal (or earlier from the cache): the learner's prediction comes first.
  useEffect(() => {
    if (revealed && search.state === 'idle') explore();
  }, [revealed, search.state, explore]);

  // What the prediction is graded against: every outcome gosim found when its search covered
  // every schedule; otherwise what the deck states together with whatever the search did find.
  const outcomes: ShownOutcome[] = useMemo(() => {
    const stated: ShownOutcome[] = drill.outcomes.map((o) => ({ stdout: o.stdout, crash: o.crash, exitCode: o.crash ? 2 : 0 }));
    if (search.state !== 'done') return stated;
    const found: ShownOutcome[] = search.result.outcomes;
    if (search.result.exhaustive && found.length > 0) return found;
    const key = (o: PredictedOutcome) => `${o.crash ?? ''}\u0000${o.stdout}`;
    const known = new Set(found.map(key));
    return [...found, ...stated.filter((o) => !known.has(key(o)))];
  }, [search, drill.outcomes]);
  const grade: PredictionGrade | null = useMemo(() => (revealed ? gradePrediction(typed, outcomes, drill.asks) : null), [revealed, typed, outcomes, drill.asks]);

  // On reveal, bring the verdict into view: the program and the prediction above it can fill the window.
  const verdictRef = useRef<HTMLParagraphElement | null>(null);
  useEffect(() => {
    if (revealed) verdictRef.current?.scrollIntoView({ block: 'center' });
  }, [revealed]);

  const againRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (again.result) againRef.current?.scrollIntoView({ block: 'nearest' });
  }, [again.result]);

  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (!grade) return;
    const key = `${grade.correct}\u0000${typed}`;
    if (reported.current === key) return;
    reported.current = key;
    onGraded({ typed, correct: grade.correct });
  }, [grade, typed, onGraded]);

  const runAgain = () => {
    const seed = 1 + Math.floor(Math.random() * 2 ** 31);
    const count = again.count + 1;
    setAgain({ busy: true, result: null, count, error: null });
    client.submit({ type: 'run', source: code, seed }).then(
      (result) => alive.current && setAgain({ busy: false, result, count, error: null }),
      (err: unknown) => alive.current && setAgain({ busy: false, result: null, count, error: err instanceof Error ? err.message : String(err) }),
    );
  };


  return (
    <div className="predict-card">
      <p className="kind">{crash ? 'What happens?' : 'Predict the output'}</p>
      <Markdown source={card.front} />
      <GoEditor value={code} readOnly label="The program" testId="program" />
      {card.hint && (!revealed || tip) && (
        <div className="tip">
          {tip ? (
            <div className="tip-text" role="note" data-testid="tip">
              <span className="tip-label">Tip</span>
              <Markdown source={card.hint} />
            </div>
          ) : (
            <button type="button" {...keepKeysOnCard} className="link quiet" onClick={() => setTip(true)} data-testid="tip-button">
              Stuck? Show a tip
            </button>
          )}
        </div>
      )}
      <div className="predict">
        <label htmlFor="prediction">
          {crash ? 'The first line Go prints' : 'Your prediction of what it prints'}{' '}
          <span className="muted">(T to type, Ctrl+Enter to check, Esc to leave the box)</span>
        </label>
        <textarea
          id="prediction"
          ref={props.typingRef}
          className="mono"
          rows={crash ? 2 : Math.min(12, Math.max(3, typed.split('\n').length + 1))}
          value={typed}
          readOnly={revealed}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          placeholder={crash ? 'e.g. panic: …' : 'One line per line printed; leave it empty if nothing is printed'}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      {revealed && grade && (
        <div className="card-back">
          <hr className="divider" />
          <p ref={verdictRef} className={`verdict ${grade.correct ? 'verdict-right' : 'verdict-wrong'}`} role="status" data-testid="verdict">
            {verdictText(grade, outcomes.length, crash)}
          </p>
          {!grade.correct && <DiffView diff={grade.diff} />}
          <SearchStatus search={search} onStop={() => client.stop()} onRetry={explore} />
          <OutcomeList outcomes={outcomes} highlight={grade.closest} matched={grade.correct} />
          {drill.explanation && (
            <>
              <p className="back-label">Why</p>
              <Markdown source={drill.explanation} />
            </>
          )}
          <div className="run-again">
            <button type="button" {...keepKeysOnCard} onClick={runAgain} disabled={again.busy} data-testid="run-again">
              Run it{again.result ? ' again' : ''} under a random schedule
            </button>
            {again.busy && (
              <>
                {' '}
                <button type="button" {...keepKeysOnCard} className="stop" onClick={() => client.stop()} data-testid="stop">
                  Stop
                </button>
                <span className="muted"> Running…</span>
              </>
            )}
            {again.error && <p className="notice">{again.error}</p>}
            {again.result && (
              <div ref={againRef}>
                <RunResultView result={again.result} title={`Run ${again.count} under a random schedule: ${shortWitness(again.result.witness)}`} />
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function verdictText(g: PredictionGrade, n: number, crash: boolean): string {
  if (g.correct) {
    if (n > 1) return `Right: that is one of the ${n} things this program can ${crash ? 'end with' : 'print'}.`;
    return crash ? 'Right: that is how it crashes.' : 'Right: that is exactly what it prints.';
  }
  return crash ? 'Not quite: that is not the first line Go prints.' : 'Not quite: the program never prints exactly that.';
}

function SearchStatus(props: { search: Search; onStop: () => void; onRetry: () => void }) {
  const { search } = props;
  if (search.state === 'running') {
    return (
      <p className="search-status" role="status" data-testid="search-status">
        Trying every schedule… <button type="button" {...keepKeysOnCard} className="link inline" onClick={props.onStop}>Stop</button>
      </p>
    );
  }
  if (search.state === 'ended') {
    return (
      <p className="search-status" role="status" data-testid="search-status">
        {search.message} The outcomes below are the ones the deck states.{' '}
        <button type="button" {...keepKeysOnCard} className="link inline" onClick={props.onRetry}>Search again</button>
      </p>
    );
  }
  if (search.state === 'done') {
    const r = search.result;
    const why: Record<string, string> = {
      time: 'it ran out of time',
      budget: 'it ran out of runs',
      depth: 'some schedules were too long to follow to the end',
      nondeterministic: 'the program did not behave the same way twice under one schedule',
    };
    const what = r.exhaustive
      ? `gosim tried every schedule (${r.runs} run${r.runs === 1 ? '' : 's'})`
      : `gosim tried ${r.runs} schedules, not every one: ${why[r.stoppedBy ?? ''] ?? 'it stopped early'}; the outcomes below add the deck's`;
    return (
      <p className="search-status muted" data-testid="search-status">
        {what}.
      </p>
    );
  }
  return null;
}

interface ShownOutcome {
  stdout: string;
  crash: string | null;
  exitCode: number;
  explanations?: import('../gosim/protocol.ts').Explanation[];
}

function OutcomeList(props: { outcomes: readonly ShownOutcome[]; highlight: number; matched: boolean }) {
  const { outcomes } = props;
  if (outcomes.length === 1) {
    const o = outcomes[0]!;
    return (
      <div className="outcomes" data-testid="outcomes" data-count={1}>
        <OutputBlock label="What it prints" text={o.stdout} testId="outcome-stdout" />
        {o.crash && <OutputBlock label="Then Go writes to standard error" text={o.crash} tone="error" />}
        <Explanations items={o.explanations} deadlocked={isDeadlock(o.crash)} />
      </div>
    );
  }
  return (
    <div className="outcomes" data-testid="outcomes" data-count={outcomes.length}>
      <p className="back-label">This program can print {outcomes.length} different things</p>
      <ol className="outcome-list">
        {outcomes.map((o, i) => (
          <li key={i} className={i === props.highlight ? 'outcome-closest' : ''}>
            <OutputBlock label={`Outcome ${i + 1}${i === props.highlight ? (props.matched ? ' (your prediction)' : ' (closest to your prediction)') : ''}`} text={o.stdout} />
            {o.crash && <OutputBlock label="then" text={o.crash} tone="error" />}
            <Explanations items={o.explanations} deadlocked={isDeadlock(o.crash)} />
          </li>
        ))}
      </ol>
    </div>
  );
}
