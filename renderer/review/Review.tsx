// A review session: one card at a time, driven by Anki's keys or the buttons, with the
// session's progress and a clear end when nothing more is due.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { Api, Rating, ReviewItem } from '../../api/contract.ts';
import { useReport } from '../errors.tsx';
import { describeWhen } from '../text/when.ts';
import { CardBack, CardFront, Tags } from './CardFace.tsx';
import { ExerciseCard, type ExerciseResult } from './ExerciseCard.tsx';
import { keyTargetOf, reviewAction, type ReviewAction } from './keys.ts';
import { PredictCard, type PredictionResult } from './PredictCard.tsx';
import { commandFor, newSession, sessionReducer } from './session.ts';
import { suggestForExercise, suggestForPrediction } from './suggest.ts';

const gradeNames: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };
const maxDurationMs = 86_400_000;

export function Review(props: { api: Api; deckId: string | undefined; onLeave: () => void }) {
  const { api, deckId, onLeave } = props;
  const report = useReport();
  const [state, dispatch] = useReducer(sessionReducer, newSession);
  const { item, stalled, side, suggested, shown: shownCount, done, nextDue, notice, suspended } = state;
  /** What a drill or exercise answer records in the review log: what was typed, and whether it was right. */
  const drill = useRef<{ typed: string; correct: boolean } | null>(null);
  /** How long the learner took before revealing, for the "right and quick" suggestion. */
  const revealedAfter = useRef(0);
  const shownCardId = useRef<number | null>(null);
  const busy = useRef(false);
  const shownAt = useRef(Date.now());
  const typingRef = useRef<HTMLTextAreaElement | null>(null);
  const cardRef = useRef<HTMLElement | null>(null);
  const session = useMemo(() => (deckId === undefined ? {} : { deckId }), [deckId]);

  /** Puts the next card on screen: the one an answer returned, or the backend's next. */
  const show = useCallback(async (given?: ReviewItem | null) => {
    let next: ReviewItem | null;
    try {
      next = given !== undefined ? given : await api.nextCard(session);
    } catch (err) {
      dispatch({ type: 'loadFailed' });
      throw err;
    }
    const nextDue = next === null ? (await api.today({})).nextDue : null;
    dispatch({ type: 'loaded', item: next, nextDue });
    drill.current = null;
    shownCardId.current = next?.card.id ?? null;
    shownAt.current = Date.now();
    // A long card can leave the page scrolled down; the next one starts at its top.
    window.scrollTo({ top: 0 });
  }, [api, session]);
  const load = useCallback(() => show(), [show]);

  useEffect(() => {
    load().catch(report);
  }, [load, report]);

  // Requests run one at a time so a fast double key press cannot answer the next card unseen.
  const run = useCallback(
    async (work: () => Promise<void>) => {
      if (busy.current) return;
      busy.current = true;
      try {
        await work();
      } catch (err) {
        report(err);
      } finally {
        busy.current = false;
      }
    },
    [report],
  );

  const current = item !== 'loading' ? item : null;

  const act = useCallback(
    (action: ReviewAction) => {
      const command = commandFor(state, action);
      if (command === null) return;
      switch (command.type) {
        case 'reveal':
          revealedAfter.current = Date.now() - shownAt.current;
          dispatch({ type: 'revealed' });
          typingRef.current?.blur();
          return;
        case 'answer': {
          const durationMs = Math.min(maxDurationMs, Math.max(0, Math.round(Date.now() - shownAt.current)));
          const { cardId, rating } = command;
          const answered = drill.current ?? {};
          void run(async () => {
            // The answer comes back with the session's next card: one request, not two.
            const result = await api.answer({ cardId, rating, durationMs, ...answered, session });
            dispatch({ type: 'answered' });
            await show(result.next);
          });
          return;
        }
        case 'undo':
          void run(async () => {
            // In a deck's session undo stays in that deck; studying all decks, it reaches all of them.
            const undone = await api.undo(session);
            dispatch({ type: 'undone', undone });
            if (undone) await load();
          });
          return;
        case 'bury':
          void run(async () => {
            await api.bury({ cardId: command.cardId });
            dispatch({ type: 'buried' });
            await load();
          });
          return;
        case 'suspend':
          void run(async () => {
            await api.suspend({ cardId: command.cardId });
            dispatch({ type: 'suspended', cardId: command.cardId });
            await load();
          });
          return;
        case 'focusTyping':
          typingRef.current?.focus();
          return;
        case 'leaveTyping':
          // The prediction box or the code editor: focusing the card takes the keys back from either.
          cardRef.current?.focus();
          return;
      }
    },
    [api, session, state, run, load, show],
  );

  const onPredicted = useCallback((r: PredictionResult) => {
    drill.current = r;
    dispatch({ type: 'suggested', rating: suggestForPrediction(r.correct, revealedAfter.current), reveal: false });
  }, []);

  const onChecked = useCallback((r: ExerciseResult) => {
    if (r.cardId !== shownCardId.current) return;
    drill.current = { typed: r.code, correct: r.passed };
    dispatch({ type: 'suggested', rating: suggestForExercise(r.passed), reveal: true });
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A key the code editor already acted on (Ctrl+Enter runs there) is not also a review key.
      if (e.defaultPrevented) return;
      // Inside the code editor (a shadow root) the event's target is the editor's host; the path starts where the key was really pressed.
      const target = keyTargetOf(e.composedPath()[0] ?? e.target);
      let action = reviewAction(e, side, target);
      if (!action) return;
      // "T" must not also type a "t" into the box it focuses.
      e.preventDefault();
      // Space out of habit on a drill nobody has typed into yet means "let me answer", not
      // "I predict it prints nothing" (Ctrl+Enter in the box still says that).
      if (action.type === 'reveal' && target !== 'text' && current?.card.kind === 'predict' && (typingRef.current?.value ?? '') === '') {
        action = { type: 'focusTyping' };
        dispatch({ type: 'notice', text: 'Type your prediction first; to predict that it prints nothing, press Ctrl+Enter in the empty box.' });
      }
      act(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, side, current]);

  const unsuspend = (cardId: number) =>
    void run(async () => {
      await api.unsuspend({ cardId });
      dispatch({ type: 'unsuspended' });
      // Only refetch when nothing is on screen, so the card being studied is not swapped away.
      if (!current) await load();
    });

  const noticeLine = notice && (
    <p className="notice" role="status">
      {notice}
      {suspended !== null && (
        <>
          {' '}
          <button type="button" className="link inline" onClick={() => unsuspend(suspended)}>
            Unsuspend it
          </button>
        </>
      )}
    </p>
  );

  if (item === 'loading') {
    if (!stalled) return <p className="muted">Loading the next card…</p>;
    return (
      <p className="actions">
        <span>The next card could not be loaded.</span>
        <button type="button" className="primary" onClick={() => void run(load)}>
          Try again
        </button>
        <button type="button" onClick={onLeave}>
          Back to Today
        </button>
      </p>
    );
  }

  const remaining = current ? current.remaining.newCount + current.remaining.learningCount + current.remaining.dueCount : 0;
  const progress = (
    <div className="progress" data-testid="progress">
      <div className="progress-text">
        <span>
          Done this session: <strong data-testid="done-count">{done}</strong>
        </span>
        {current && (
          <span className="remaining" data-testid="remaining">
            Left: <span className="count-new">{current.remaining.newCount} new</span> ·{' '}
            <span className="count-learning">{current.remaining.learningCount} learning</span> ·{' '}
            <span className="count-due">{current.remaining.dueCount} due</span>
          </span>
        )}
      </div>
      <div
        className="bar"
        role="progressbar"
        aria-label="Session progress"
        aria-valuemin={0}
        aria-valuemax={done + remaining}
        aria-valuenow={done}
      >
        <div className="bar-fill" style={{ width: `${done + remaining === 0 ? 100 : (100 * done) / (done + remaining)}%` }} />
      </div>
    </div>
  );

  if (!current) {
    const now = new Date();
    const nextAt = nextDue === null ? null : new Date(nextDue);
    return (
      <section className="review" aria-labelledby="done-title">
        {progress}
        {noticeLine}
        <div className="card done" data-testid="done-for-today">
          <h1 id="done-title">Done for today</h1>
          <p>
            {done > 0 ? `You answered ${done} card${done === 1 ? '' : 's'} in this session. ` : ''}
            Nothing more is due in {deckId === undefined ? 'your decks' : 'this deck'} right now.
          </p>
          {nextAt && (
            <p data-testid="next-due">
              The next card in study is due <strong>{describeWhen(nextAt, now)}</strong>.
            </p>
          )}
          <p className="actions">
            <button type="button" className="primary" onClick={onLeave}>
              Back to Today
            </button>
            <button type="button" onClick={() => void run(load)}>
              Check again
            </button>
            <button type="button" onClick={() => act({ type: 'undo' })} title="Undo the last answer, bury or suspend (U or Ctrl+Z)">
              Undo last <kbd>U</kbd>
            </button>
          </p>
        </div>
      </section>
    );
  }

  const card = current.card;
  return (
    <section className="review" aria-label="Review">
      {progress}
      {noticeLine}
      <article
        className={`card card-${card.kind}`}
        ref={cardRef}
        tabIndex={-1}
        data-testid="card"
        data-card-key={card.key}
        data-kind={card.kind}
        data-side={side}
      >
        {card.kind === 'predict' && card.predict ? (
          <PredictCard key={shownCount} card={card} revealed={side === 'back'} typingRef={typingRef} onGraded={onPredicted} />
        ) : card.kind === 'exercise' && card.exercise ? (
          <ExerciseCard key={shownCount} api={api} card={card} onChecked={onChecked} />
        ) : (
          <>
            <CardFront card={card} />
            {side === 'back' && (
              <>
                <hr className="divider" />
                <CardBack card={card} />
              </>
            )}
          </>
        )}
        {side === 'back' && (card.kind === 'predict' || card.kind === 'exercise') && <Tags tags={card.tags} />}
      </article>
      <div className="answer-bar">
        {side === 'front' ? (
          <button
            type="button"
            className={`show ${card.kind === 'exercise' ? '' : 'primary'}`}
            onClick={() => act({ type: 'reveal' })}
            data-testid="reveal"
          >
            {card.kind === 'predict' ? 'Check my prediction' : card.kind === 'exercise' ? 'Grade without checking' : 'Show answer'}{' '}
            <kbd>Space</kbd>
          </button>
        ) : (
          <div className="grades" role="group" aria-label="How well did you remember?">
            {current.previews.map((p) => (
              <button
                key={p.rating}
                type="button"
                className={`grade grade-${p.rating} ${suggested === p.rating ? 'grade-suggested' : ''}`}
                data-rating={p.rating}
                data-suggested={suggested === p.rating ? 'true' : undefined}
                aria-describedby={suggested === p.rating ? 'suggested-note' : undefined}
                onClick={() => act({ type: 'grade', rating: p.rating })}
              >
                <span className="grade-interval">{p.label}</span>
                <span className="grade-name">{gradeNames[p.rating]}</span>
                <kbd>{p.rating}</kbd>
              </button>
            ))}
          </div>
        )}
        {side === 'back' && suggested !== null && (
          <p className="suggested-note muted" id="suggested-note" data-testid="suggested-note">
            Suggested: <strong>{gradeNames[suggested]}</strong>, from {current.card.kind === 'exercise' ? 'your last check' : 'your prediction'}. Space takes it; 1–4 choose.
          </p>
        )}
      </div>
      <p className="secondary-actions">
        <button type="button" className="link" onClick={() => act({ type: 'undo' })}>
          Undo <kbd>U</kbd>
        </button>
        <button type="button" className="link" onClick={() => act({ type: 'bury' })}>
          Bury <kbd>-</kbd>
        </button>
        <button type="button" className="link" onClick={() => act({ type: 'suspend' })}>
          Suspend <kbd>@</kbd>
        </button>
        <button type="button" className="link" onClick={onLeave}>
          End session
        </button>
      </p>
    </section>
  );
}
