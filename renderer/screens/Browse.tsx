// The card browser: find cards by words, deck, kind, tag and state, sort them, act on one
// (suspend, unsuspend, bury, forget, and undo), and read its whole history. Keys: "/" searches,
// the arrows move through the list, "@" suspends or unsuspends, "-" buries, U or Ctrl+Z undoes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  Api,
  BrowseFilters,
  BrowsePage,
  BrowseRow,
  BrowseState,
  CardInfo,
  CardKind,
  CardState,
  Rating,
} from '../../api/contract.ts';
import { useReport } from '../errors.tsx';
import { kindNames } from '../review/CardFace.tsx';
import { Code, Markdown } from '../text/Html.tsx';
import { undoneMessage } from '../text/undone.ts';

type Sort = 'due' | 'interval' | 'lapses';

export interface BrowseQuery {
  text: string;
  deckId: string;
  kind: CardKind | '';
  tag: string;
  state: BrowseState | '';
  sort: Sort;
  descending: boolean;
}

const pageSize = 100;
const stateNames: Record<CardState, string> = { 0: 'New', 1: 'Learning', 2: 'Review', 3: 'Relearning' };
const ratingNames: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** "Review", "Review · suspended", "New · buried": the state and what keeps the card away. */
function stateText(c: { state: CardState; suspended: boolean; buriedUntil: string | null }): string {
  return [stateNames[c.state], c.suspended ? 'suspended' : '', c.buriedUntil ? 'buried' : ''].filter(Boolean).join(' · ');
}

function shortDate(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function dueText(c: { state: CardState; due: string }): string {
  return c.state === 0 ? 'new' : c.state === 2 ? shortDate(c.due) : dateTime(c.due);
}

function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}

/** Whether a key was pressed where the learner types, so it must not act on the card. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function Browse(props: { api: Api; deckId?: string }) {
  const { api } = props;
  const report = useReport();
  const [query, setQuery] = useState<BrowseQuery>({
    text: '',
    deckId: props.deckId ?? '',
    kind: '',
    tag: '',
    state: '',
    sort: 'due',
    descending: false,
  });
  // What the search box shows at once; the query follows it after a short pause in typing.
  const [typed, setTyped] = useState('');
  const [offset, setOffset] = useState(0);
  const [filters, setFilters] = useState<BrowseFilters | null>(null);
  const [page, setPage] = useState<BrowsePage | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [info, setInfo] = useState<CardInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const asked = useRef(0);

  useEffect(() => {
    api.browseFilters({}).then(setFilters, report);
  }, [api, report]);

  useEffect(() => {
    const t = setTimeout(() => setQuery((q) => (q.text === typed ? q : { ...q, text: typed })), 150);
    return () => clearTimeout(t);
  }, [typed]);

  const search = useCallback(async () => {
    const ask = ++asked.current;
    const args = {
      ...(query.text.trim() ? { text: query.text } : {}),
      ...(query.deckId ? { deckId: query.deckId } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.tag ? { tag: query.tag } : {}),
      ...(query.state ? { state: query.state } : {}),
      sort: query.sort,
      descending: query.descending,
      offset,
      limit: pageSize,
    };
    const result = await api.browseCards(args);
    // A slower answer to an older search must not replace a newer one.
    if (ask !== asked.current) return;
    setPage(result);
    setSelected((s) => (s !== null && result.cards.some((c) => c.id === s) ? s : (result.cards[0]?.id ?? null)));
  }, [api, query, offset]);

  useEffect(() => {
    search().catch(report);
  }, [search, report]);

  const loadInfo = useCallback(
    async (id: number | null) => {
      if (id === null) {
        setInfo(null);
        return;
      }
      const got = await api.cardInfo({ cardId: id });
      setInfo((now) => (id === selectedRef.current ? got : now));
    },
    [api],
  );
  const selectedRef = useRef<number | null>(null);
  selectedRef.current = selected;

  useEffect(() => {
    loadInfo(selected).catch(report);
  }, [selected, loadInfo, report]);

  const change = (patch: Partial<BrowseQuery>) => {
    setQuery((q) => ({ ...q, ...patch }));
    setOffset(0);
  };

  /** Runs one card action, then shows the list and the card as they are now. */
  const act = useCallback(
    async (what: () => Promise<string>) => {
      if (busy) return;
      setBusy(true);
      try {
        const said = await what();
        await search();
        await loadInfo(selectedRef.current);
        // The notice comes with the list and card as they now are, not before them.
        setNotice(said);
      } catch (err) {
        report(err);
      } finally {
        setBusy(false);
      }
    },
    [busy, search, loadInfo, report],
  );

  const current = page?.cards.find((c) => c.id === selected) ?? null;

  const toggleSuspend = useCallback(
    (c: BrowseRow) =>
      act(async () => {
        if (c.suspended) {
          await api.unsuspend({ cardId: c.id });
          return `Unsuspended “${c.title}”: it is back in its deck.`;
        }
        await api.suspend({ cardId: c.id });
        return `Suspended “${c.title}”: it will not be shown until you unsuspend it.`;
      }),
    [act, api],
  );
  const bury = useCallback(
    (c: BrowseRow) =>
      act(async () => {
        await api.bury({ cardId: c.id });
        return `Buried “${c.title}” until tomorrow.`;
      }),
    [act, api],
  );
  const forget = useCallback(
    (c: BrowseRow) =>
      act(async () => {
        await api.forget({ cardId: c.id });
        return `Forgot “${c.title}”: it is a new card again; its review history is kept.`;
      }),
    [act, api],
  );
  const undo = useCallback(
    () =>
      act(async () => {
        const undone = await api.undo({});
        if (undone) setSelected(undone.cardId);
        return undoneMessage(undone);
      }),
    [act, api],
  );

  const move = useCallback(
    (by: number | 'first' | 'last') => {
      const cards = page?.cards ?? [];
      if (cards.length === 0) return;
      const at = cards.findIndex((c) => c.id === selected);
      const to = by === 'first' ? 0 : by === 'last' ? cards.length - 1 : Math.min(cards.length - 1, Math.max(0, (at < 0 ? 0 : at) + by));
      setSelected(cards[to]!.id);
      listRef.current?.querySelector(`[data-card-id="${cards[to]!.id}"]`)?.scrollIntoView({ block: 'nearest' });
    },
    [page, selected],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.metaKey) return;
      const inBox = typingIn(e.target);
      if (inBox) {
        // Down from the search box goes into the list; Escape leaves the box.
        if (e.target === searchRef.current && (e.key === 'ArrowDown' || e.key === 'Enter')) {
          e.preventDefault();
          listRef.current?.focus();
        } else if (e.key === 'Escape') {
          (e.target as HTMLElement).blur();
        }
        return;
      }
      const key = e.key;
      let done = true;
      if (e.ctrlKey) {
        if (key === 'z' || key === 'Z') void undo();
        else done = false;
      } else if (key === '/') searchRef.current?.focus();
      else if (key === 'ArrowDown' || key === 'j') move(1);
      else if (key === 'ArrowUp' || key === 'k') move(-1);
      else if (key === 'PageDown') move(10);
      else if (key === 'PageUp') move(-10);
      else if (key === 'Home') move('first');
      else if (key === 'End') move('last');
      else if (key === 'u' || key === 'U') void undo();
      else if (key === '@' && current) void toggleSuspend(current);
      else if (key === '-' && current && !current.buriedUntil) void bury(current);
      else done = false;
      if (done) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move, undo, toggleSuspend, bury, current]);

  const total = page?.total ?? 0;
  const shownTo = Math.min(total, offset + pageSize);

  return (
    <section aria-labelledby="browse-title" className="browse">
      <div className="section-head">
        <h1 id="browse-title">Browse</h1>
        <p className="muted browse-count" role="status" data-testid="browse-count">
          {page === null ? 'Searching…' : total === 0 ? 'No cards match.' : `${offset + 1}–${shownTo} of ${total.toLocaleString()} cards`}
        </p>
      </div>
      <form className="browse-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="filter-text">
          <span className="visually-hidden">Search</span>
          <input
            ref={searchRef}
            id="browse-text"
            type="search"
            placeholder="Search words, code, tags…  (press /)"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setOffset(0);
            }}
          />
        </label>
        <label>
          <span className="filter-name">Deck</span>
          <select id="browse-deck" value={query.deckId} onChange={(e) => change({ deckId: e.target.value })}>
            <option value="">All decks</option>
            {filters?.decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
            {query.deckId && filters && !filters.decks.some((d) => d.id === query.deckId) && <option value={query.deckId}>{query.deckId}</option>}
          </select>
        </label>
        <label>
          <span className="filter-name">Kind</span>
          <select id="browse-kind" value={query.kind} onChange={(e) => change({ kind: e.target.value as CardKind | '' })}>
            <option value="">Any kind</option>
            {(Object.keys(kindNames) as CardKind[]).map((k) => (
              <option key={k} value={k}>
                {kindNames[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="filter-name">Tag</span>
          <select id="browse-tag" value={query.tag} onChange={(e) => change({ tag: e.target.value })}>
            <option value="">Any tag</option>
            {filters?.tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="filter-name">State</span>
          <select id="browse-state" value={query.state} onChange={(e) => change({ state: e.target.value as BrowseState | '' })}>
            <option value="">Any state</option>
            <option value="new">New</option>
            <option value="learning">Learning</option>
            <option value="review">Review</option>
            <option value="suspended">Suspended</option>
            <option value="buried">Buried</option>
          </select>
        </label>
        <label>
          <span className="filter-name">Sort by</span>
          <select id="browse-sort" value={query.sort} onChange={(e) => change({ sort: e.target.value as Sort })}>
            <option value="due">Due</option>
            <option value="interval">Interval</option>
            <option value="lapses">Lapses</option>
          </select>
        </label>
        <button
          type="button"
          className="sort-direction"
          aria-label={query.descending ? 'Descending; switch to ascending' : 'Ascending; switch to descending'}
          title={query.descending ? 'Descending' : 'Ascending'}
          onClick={() => change({ descending: !query.descending })}
        >
          {query.descending ? '↓' : '↑'}
        </button>
      </form>
      {notice && (
        <p className="notice" role="status" data-testid="browse-notice">
          {notice}{' '}
          <button type="button" className="link inline" onClick={() => void undo()} disabled={busy}>
            Undo
          </button>
        </p>
      )}
      <div className="browse-panes">
        <div className="browse-list" ref={listRef} tabIndex={0} aria-label="Cards; arrow keys choose one" data-testid="browse-list">
          <table className="cards-table">
            <thead>
              <tr>
                <th scope="col">Card</th>
                <th scope="col">Deck</th>
                <th scope="col">State</th>
                <th scope="col" className="num">Due</th>
                <th scope="col" className="num">Ivl</th>
                <th scope="col" className="num">Lapses</th>
              </tr>
            </thead>
            <tbody>
              {page?.cards.map((c) => (
                <tr
                  key={c.id}
                  data-card-id={c.id}
                  data-card-key={c.key}
                  aria-selected={c.id === selected}
                  className={`${c.id === selected ? 'selected' : ''} ${c.suspended ? 'is-suspended' : ''}`}
                  onClick={() => setSelected(c.id)}
                >
                  <td className="card-title">
                    <span className="kind-mark" title={kindNames[c.kind]}>
                      {kindNames[c.kind]}
                    </span>{' '}
                    {c.title}
                  </td>
                  <td className="deck-name">{c.deckName}</td>
                  <td className="state">{stateText(c)}</td>
                  <td className="num">{dueText(c)}</td>
                  <td className="num">{c.state === 2 ? `${c.intervalDays}d` : '—'}</td>
                  <td className="num">{c.lapses}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > pageSize && (
            <p className="pager">
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
                Previous
              </button>
              <button type="button" disabled={shownTo >= total} onClick={() => setOffset(offset + pageSize)}>
                Next
              </button>
            </p>
          )}
        </div>
        {current && info && info.card.id === current.id ? (
          <CardInfoPanel info={info} row={current} busy={busy} onSuspend={toggleSuspend} onBury={bury} onForget={forget} />
        ) : (
          <aside className="card-info empty-info muted">{page && total > 0 ? 'Choose a card to see it.' : ''}</aside>
        )}
      </div>
      <p className="keys-help muted">
        <kbd>/</kbd> search, <kbd>↑</kbd> <kbd>↓</kbd> choose a card, <kbd>@</kbd> suspend or unsuspend, <kbd>-</kbd> bury,{' '}
        <kbd>U</kbd> or{' '}
        <span className="nowrap">
          <kbd>Ctrl</kbd>+<kbd>Z</kbd>
        </span>{' '}
        undo.
      </p>
    </section>
  );
}

function CardInfoPanel(props: {
  info: CardInfo;
  row: BrowseRow;
  busy: boolean;
  onSuspend: (c: BrowseRow) => void;
  onBury: (c: BrowseRow) => void;
  onForget: (c: BrowseRow) => void;
}) {
  const { info, row, busy } = props;
  const { card } = info;
  return (
    <aside className="card-info" aria-labelledby="card-info-title" data-testid="card-info">
      <h2 id="card-info-title">{row.title}</h2>
      <p className="muted info-where">
        {info.deckName} · <code>{card.key}</code> · {kindNames[card.kind]}
      </p>
      <dl className="facts">
        <dt>State</dt>
        <dd data-testid="info-state">{stateText(row)}</dd>
        <dt>Due</dt>
        <dd>{card.state === 0 ? 'new card' : dateTime(card.due)}</dd>
        {info.buriedUntil && (
          <>
            <dt>Buried until</dt>
            <dd>{dateTime(info.buriedUntil)}</dd>
          </>
        )}
        <dt>Interval</dt>
        <dd>{card.state === 2 ? `${info.intervalDays} days` : '—'}</dd>
        <dt>Reviews</dt>
        <dd>
          {card.reps} · {card.lapses} lapse{card.lapses === 1 ? '' : 's'}
        </dd>
        {card.state !== 0 && (
          <>
            <dt>Stability</dt>
            <dd>{info.stability.toFixed(1)} days</dd>
            <dt>Difficulty</dt>
            <dd>{info.difficulty.toFixed(1)} / 10</dd>
          </>
        )}
        {card.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>{card.tags.join(', ')}</dd>
          </>
        )}
      </dl>
      <p className="actions info-actions">
        <button type="button" disabled={busy} onClick={() => props.onSuspend(row)}>
          {row.suspended ? 'Unsuspend' : 'Suspend'} <kbd>@</kbd>
        </button>
        <button type="button" disabled={busy || row.buriedUntil !== null} onClick={() => props.onBury(row)}>
          Bury <kbd>-</kbd>
        </button>
        <button type="button" disabled={busy || (card.state === 0 && card.reps === 0)} onClick={() => props.onForget(row)} title="Make it a new card again; its history is kept">
          Forget
        </button>
      </p>
      <details className="info-text">
        <summary>Card text</summary>
        <Markdown source={card.front} />
        {card.back && <Markdown source={card.back} />}
        {card.code && <Code code={card.code} label={card.kind === 'exercise' ? 'Starter' : 'Program'} />}
      </details>
      <h3 className="info-reviews-title">
        Reviews <span className="muted">({info.reviews.length})</span>
      </h3>
      {info.reviews.length === 0 ? (
        <p className="muted">Never reviewed.</p>
      ) : (
        <table className="reviews-table" data-testid="info-reviews">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Rating</th>
              <th scope="col" className="num">Interval</th>
              <th scope="col" className="num">Time</th>
              <th scope="col">Typed</th>
            </tr>
          </thead>
          <tbody>
            {info.reviews.map((r, i) => (
              <tr key={i}>
                <td>{dateTime(r.at)}</td>
                <td className={`rating rating-${r.rating}`}>{ratingNames[r.rating]}</td>
                <td className="num">{r.interval ?? '—'}</td>
                <td className="num">{seconds(r.durationMs)}</td>
                <td className="typed">
                  {r.typed === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <details>
                      <summary>
                        {r.correct === null ? 'typed' : r.correct ? '✓ right' : '✗ wrong'}
                      </summary>
                      <pre>{r.typed === '' ? '(nothing)' : r.typed}</pre>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
