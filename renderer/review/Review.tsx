// A review session: one card at a time, driven by Anki's keys or the buttons, with the
// session's progress and a clear end when nothing more is due.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api, Rating, ReviewItem } from '../../api/contract.ts';
import { useReport } from '../errors.tsx';
import { undoneMessage } from '../text/undone.ts';
import { describeWhen } from '../text/when.ts';
import { CardBack, CardFront, Tags } from './CardFace.tsx';
import { ExerciseCard, type ExerciseResult } from './ExerciseCard.tsx';
import { keyTargetOf, reviewAction, type ReviewAction, type Side } from './keys.ts';
import { PredictCard, type PredictionResult } from './PredictCard.tsx';
import { suggestForExercise, suggestForPrediction } from './suggest.ts';

const gradeNames: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };
const maxDurationMs = 86_400_000;

export function Review(props: { api: Api; deckId: string | undefined; onLeave: () => void }) {
  const { api, deckId, onLeave } = props;
  const report = useReport();
  const [item, setItem] = useState<ReviewItem | null | 'loading'>('loading');
  /** The next card failed to load; the learner can retry once the cause is fixed. */
  const [stalled, setStalled] = useState(false);
  const [side, setSide] = useState<Side>('front');
  /** The grade the app suggests for a drill or exercise (marked on its button), or null. */
  const [suggested, setSuggested] = useState<Rating | null>(null);
  /** What a drill or exercise answer records in the review log: what was typed, and whether it was right. */
  const drill = useRef<{ typed: string; correct: boolean } | null>(null);
  /** How long the learner took before revealing, for the "right and quick" suggestion. */
  const revealedAfter = useRef(0);
  /**
   * Counts cards put on screen. Drills and exercises are keyed by it, so a card shown again at
   * once (after Again) starts from a clean slate rather than keeping the last attempt.
   */
  const [shownCount, setShownCount] = useState(0);
  const shownCardId = useRef<number | null>(null);
  const [done, setDone] = useState(0);
  /** When the queue is empty: when the next card in study comes due (from the backend). */
  const [nextDue, setNextDue] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The card just suspended, so the notice can offer to take that back (undo can too). */
  const [suspended, setSuspended] = useState<number | null>(null);
  const busy = useRef(false);
  const shownAt = useRef(Date.now());
  const typingRef = useRef<HTMLTextAreaElement | null>(null);
  const cardRef = useRef<HTMLElement | null>(null);

  const load = useCallback(async () => {
    let next: ReviewItem | null;
    try {
      next = await api.nextCard(deckId === undefined ? {} : { deckId });
    } catch (err) {
      // Never leave the answered card on screen: grading it again would answer it twice.
      setItem('loading');
      setStalled(true);
      throw err;
    }
    setStalled(false);
    if (next === null) setNextDue((await api.today({})).nextDue);
    setItem(next);
    setSide('front');
    setSuggested(null);
    drill.current = null;
    shownCardId.current = next?.card.id ?? null;
    setShownCount((n) => n + 1);
    shownAt.current = Date.now();
    // A long card can leave the page scrolled down; the next one starts at its top.
    window.scrollTo({ top: 0 });
  }, [api, deckId]);

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
      switch (action.type) {
        case 'reveal': {
          if (!current || side !== 'front') return;
          revealedAfter.current = Date.now() - shownAt.current;
          setSide('back');
          typingRef.current?.blur();
          return;
        }
        case 'grade':
        case 'gradeMarked': {
          if (!current || side !== 'back') return;
          const card = current.card;
          const rating = action.type === 'grade' ? action.rating : (suggested ?? 3);
          const durationMs = Math.min(maxDurationMs, Math.max(0, Math.round(Date.now() - shownAt.current)));
          const answered = drill.current ?? {};
          void run(async () => {
            await api.answer({ cardId: card.id, rating, durationMs, ...answered });
            setDone((n) => n + 1);
            setNotice(null);
            setSuspended(null);
            await load();
          });
          return;
        }
        case 'undo':
          void run(async () => {
            // In a deck's session undo stays in that deck; studying all decks, it reaches all of them.
            const undone = await api.undo(deckId === undefined ? {} : { deckId });
            setNotice(undoneMessage(undone));
            if (!undone) return;
            if (undone.action === 'answer') setDone((n) => Math.max(0, n - 1));
            setSuspended(null);
            await load();
          });
          return;
        case 'bury':
          if (!current) return;
          void run(async () => {
            await api.bury({ cardId: current.card.id });
            setNotice('Buried: the card comes back tomorrow.');
            setSuspended(null);
            await load();
          });
          return;
        case 'suspend':
          if (!current) return;
          void run(async () => {
            await api.suspend({ cardId: current.card.id });
            setNotice('Suspended: the card will not be shown until you unsuspend it.');
            setSuspended(current.card.id);
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
    [api, deckId, current, side, suggested, run, load],
  );

  const onPredicted = useCallback((r: PredictionResult) => {
    drill.current = r;
    setSuggested(suggestForPrediction(r.correct, revealedAfter.current));
  }, []);

  const onChecked = useCallback((r: ExerciseResult) => {
    if (r.cardId !== shownCardId.current) return;
    drill.current = { typed: r.code, correct: r.passed };
    setSuggested(suggestForExercise(r.passed));
    setSide('back');
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
        setNotice('Type your prediction first; to predict that it prints nothing, press Ctrl+Enter in the empty box.');
      }
      act(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, side, current]);

  const unsuspend = (cardId: number) =>
    void run(async () => {
      await api.unsuspend({ cardId });
      setSuspended(null);
      setNotice('Unsuspended: the card is back in its deck.');
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
