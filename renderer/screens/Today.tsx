// What is waiting today, per deck, and the way into a review session.
import { useEffect, useState } from 'react';
import type { Api, TodaySummary } from '../../api/contract.ts';
import { useReport } from '../errors.tsx';

export function Today(props: {
  api: Api;
  onStart: (deckId: string | undefined) => void;
  onDecks: () => void;
  /** Opens the card browser on one deck (its title is the way in). */
  onBrowse?: (deckId: string) => void;
}) {
  const { api, onStart, onDecks, onBrowse } = props;
  const report = useReport();
  const [summary, setSummary] = useState<TodaySummary | null>(null);
  const [deckProblems, setDeckProblems] = useState(0);
  const [decksLoading, setDecksLoading] = useState(false);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A big deck folder loads in the background after the app starts: ask again every second
    // until it is in, showing the counts as they grow.
    const counts = () => api.today({}).then((t) => live && setSummary(t), report);
    const look = (first: boolean) =>
      api.status({}).then((s) => {
        if (!live) return;
        setDeckProblems(s.deckProblems?.length ?? 0);
        setDecksLoading(s.decksLoading === true);
        if (!first) void counts();
        if (s.decksLoading) timer = setTimeout(() => look(false), 1000);
      }, report);
    void counts();
    void look(true);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, report]);

  if (!summary) return <p className="muted">Loading today’s cards…</p>;

  const waiting = (d: TodaySummary['decks'][number]) => d.newCount + d.learningCount + d.dueCount;
  const total = summary.decks.reduce((n, d) => n + waiting(d), 0);

  return (
    <section aria-labelledby="today-title">
      <div className="section-head">
        <h1 id="today-title">Today</h1>
        <p className="reviewed" data-testid="reviewed-today">
          Reviewed today: <strong>{summary.reviewedToday}</strong>
        </p>
      </div>
      {decksLoading && (
        <p className="notice" role="status" data-testid="decks-loading-notice">
          Loading deck files in the background… Decks appear here as they are ready.
        </p>
      )}
      {deckProblems > 0 && (
        <p className="notice notice-warn" role="status" data-testid="deck-problem-notice">
          {deckProblems === 1 ? 'A deck file has a problem' : `Deck files have ${deckProblems} problems`}, so part of
          your cards may be missing.{' '}
          <button type="button" className="link inline" onClick={onDecks}>
            See what to fix in Decks
          </button>
        </p>
      )}
      {summary.decks.length === 0 ? (
        !decksLoading && <p className="empty">No decks are loaded. Open <em>Decks</em> and press Reload to see why.</p>
      ) : (
        <>
          <table className="counts">
            <thead>
              <tr>
                <th scope="col">Deck</th>
                <th scope="col" className="num">New</th>
                <th scope="col" className="num">Learning</th>
                <th scope="col" className="num">Due</th>
                <th scope="col"><span className="visually-hidden">Start</span></th>
              </tr>
            </thead>
            <tbody>
              {summary.decks.map((d) => (
                <tr key={d.deckId} data-deck={d.deckId}>
                  <th scope="row">
                    {onBrowse ? (
                      <button type="button" className="link deck-title" title="Browse this deck’s cards" onClick={() => onBrowse(d.deckId)}>
                        {d.name}
                      </button>
                    ) : (
                      d.name
                    )}
                  </th>
                  <td className="num count-new" data-testid="new-count">{d.newCount}</td>
                  <td className="num count-learning" data-testid="learning-count">{d.learningCount}</td>
                  <td className="num count-due" data-testid="due-count">{d.dueCount}</td>
                  <td className="num">
                    <button type="button" className="start" disabled={waiting(d) === 0} onClick={() => onStart(d.deckId)}>
                      Start
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {total === 0 ? (
            <p className="empty">Nothing is due now. Well done — come back later or tomorrow.</p>
          ) : (
            summary.decks.length > 1 && (
              <p>
                <button type="button" className="primary" onClick={() => onStart(undefined)}>
                  Study all decks ({total})
                </button>
              </p>
            )
          )}
        </>
      )}
      <p className="keys-help muted">
        While reviewing: <kbd>Space</kbd> or <kbd>Enter</kbd> shows the answer, <kbd>1</kbd>–<kbd>4</kbd> grade
        (Again, Hard, Good, Easy), <kbd>U</kbd> or{' '}
        <span className="nowrap">
          <kbd>Ctrl</kbd>+<kbd>Z</kbd>
        </span>{' '}
        undoes, <kbd>-</kbd> buries until
        tomorrow, <kbd>@</kbd> suspends.
      </p>
    </section>
  );
}
