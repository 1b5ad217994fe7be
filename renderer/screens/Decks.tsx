// The loaded decks, and reloading them from their files with every problem pointed at its line.
import { useEffect, useState } from 'react';
import type { Api, DeckInfo, DeckProblem } from '../../api/contract.ts';
import { useReport } from '../errors.tsx';
import { Markdown } from '../text/Html.tsx';

function where(p: DeckProblem): string {
  return `${p.file}${p.line !== null ? `:${p.line}` : ''}`;
}

export function Decks(props: { api: Api; /** Opens the card browser on one deck. */ onBrowse?: (deckId: string) => void }) {
  const { api } = props;
  const report = useReport();
  const [decks, setDecks] = useState<DeckInfo[] | null>(null);
  const [problems, setProblems] = useState<DeckProblem[] | null>(null);
  const [reloading, setReloading] = useState(false);

  useEffect(() => {
    let live = true;
    api.listDecks({}).then((d) => live && setDecks(d), report);
    // Problems from the last load (at start), so they show before anyone presses Reload.
    api.status({}).then((s) => {
      if (live && s.deckProblems && s.deckProblems.length > 0) setProblems((p) => p ?? s.deckProblems ?? null);
    }, report);
    return () => {
      live = false;
    };
  }, [api, report]);

  const reload = async () => {
    setReloading(true);
    try {
      const r = await api.reloadDecks({});
      setDecks(r.decks);
      setProblems(r.problems);
    } catch (err) {
      report(err);
    } finally {
      setReloading(false);
    }
  };

  const unsuspendAll = async (deck: DeckInfo) => {
    try {
      await api.unsuspendDeck({ deckId: deck.id });
      setDecks(await api.listDecks({}));
    } catch (err) {
      report(err);
    }
  };

  return (
    <section aria-labelledby="decks-title">
      <div className="section-head">
        <h1 id="decks-title">Decks</h1>
        <button type="button" onClick={() => void reload()} disabled={reloading}>
          {reloading ? 'Reloading…' : 'Reload from files'}
        </button>
      </div>
      {problems !== null &&
        (problems.length === 0 ? (
          <p className="notice" role="status">
            Reloaded: every deck file is valid.
          </p>
        ) : (
          <div className="problems" role="alert" data-testid="deck-problems">
            <p>
              <strong>
                {problems.length} problem{problems.length === 1 ? '' : 's'} in deck files.
              </strong>{' '}
              Decks with problems keep their last good version until the file is fixed.
            </p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>
                  <code className="where">{where(p)}</code>
                  {p.field && (
                    <>
                      {' '}
                      <code className="field">{p.field}</code>
                    </>
                  )}
                  : {p.message}
                </li>
              ))}
            </ul>
          </div>
        ))}
      {decks === null ? (
        <p className="muted">Loading decks…</p>
      ) : decks.length === 0 ? (
        <p className="empty">No decks are loaded yet.</p>
      ) : (
        <ul className="deck-list">
          {decks.map((d) => (
            <li key={d.id} className="deck">
              <div className="deck-head">
                <h2>
                  {props.onBrowse ? (
                    <button type="button" className="link deck-title" title="Browse this deck’s cards" onClick={() => props.onBrowse?.(d.id)}>
                      {d.name}
                    </button>
                  ) : (
                    d.name
                  )}
                </h2>
                <span className="muted deck-file">{d.file}</span>
              </div>
              {d.description && <Markdown source={d.description} className="deck-description" />}
              <p className="deck-counts">
                <span>{d.cardCount} cards</span>
                {d.suspendedCount > 0 && (
                  <span>
                    {d.suspendedCount} suspended{' '}
                    <button type="button" className="link" onClick={() => void unsuspendAll(d)}>
                      Unsuspend all
                    </button>
                  </span>
                )}
                {d.retiredCount > 0 && (
                  <span title="Cards no longer in the file; their history is kept in case they return">{d.retiredCount} retired</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
