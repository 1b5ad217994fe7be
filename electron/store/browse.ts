// The card browser's queries: one page of cards matching the learner's filters, the filters
// there are to choose from, and one card's whole history. Searching reads the plain-text
// `search` and `tags` columns kept by the deck loader (search.ts), never the JSON content.
import type Database from 'better-sqlite3';
import type { Args, BrowseFilters, BrowsePage, BrowseRow, CardInfo, CardKind, CardState, Rating, ReviewEntry } from '../../api/contract.ts';
import { cardTitle, cardView } from '../decks/view.ts';
import { intervalLabel } from '../scheduler/labels.ts';
import type { CardRow, CardSnapshot } from './cards.ts';
import { searchNeedle, tagsOf } from './search.ts';

const dayMs = 86_400_000;
export const defaultPageSize = 100;

/**
 * Each sort follows one index (migration 4), so a page is found by walking it rather than by
 * sorting every match. By due, new cards (whose due means nothing yet) come after the rest;
 * descending turns the whole order round, so that the index still serves it.
 */
const orders = {
  due: { index: 'cards_browse_due', by: (dir: string) => `(c.state = 0) ${dir}, c.due ${dir}, c.id ${dir}` },
  interval: { index: 'cards_browse_interval', by: (dir: string) => `c.scheduled_days ${dir}, c.id ${dir}` },
  lapses: { index: 'cards_browse_lapses', by: (dir: string) => `c.lapses ${dir}, c.id ${dir}` },
} as const;

/**
 * Up to this many cards matching the words, reading each card by its id beats walking an index
 * of every card; past it, the walk (which never reads a card's row) is cheaper.
 */
const fewMatches = 2000;

type BrowseArgs = Args<'browseCards'>;

interface Row extends CardRow {
  tags: string;
  deck_name: string;
}

type Params = Record<string, string | number>;

/** The learner's words as a full-text query: every word, each as a prefix ("chan" finds "channel"). */
function wordsQuery(needle: string): string | null {
  const words = needle.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ');
}

/** One page of cards matching every filter given, and how many match in all. */
export function browseCards(db: Database.Database, args: BrowseArgs, now: number): BrowsePage {
  const where = ['c.retired = 0'];
  const params: Params = { now };
  const needle = searchNeedle(args.text ?? '');
  let walk = true;
  // A search by words alone is counted by the word index itself, which holds every card not retired.
  let wordsOnly: string | null = null;
  if (needle !== '') {
    const words = wordsQuery(needle);
    if (words !== null) {
      where.push('c.id IN (SELECT rowid FROM cards_fts WHERE cards_fts MATCH @words)');
      params.words = words;
      const hits = db
        .prepare<[string, number], { n: number }>('SELECT COUNT(*) AS n FROM (SELECT 1 FROM cards_fts WHERE cards_fts MATCH ? LIMIT ?)')
        .get(words, fewMatches + 1)!.n;
      walk = hits > fewMatches;
      wordsOnly = words;
    } else {
      // Only symbols ("<-", ":="): no words to look up, so the text itself is looked for.
      where.push('instr(c.search, @needle) > 0');
      params.needle = needle;
    }
  }
  if (args.deckId !== undefined) {
    where.push('c.deck_id = @deck');
    params.deck = args.deckId;
  }
  if (args.kind !== undefined) {
    where.push('c.kind = @kind');
    params.kind = args.kind;
  }
  if (args.tag !== undefined) {
    where.push('instr(c.tags, @tag) > 0');
    params.tag = `\n${args.tag}\n`;
  }
  switch (args.state) {
    case 'new':
      where.push('c.state = 0');
      break;
    case 'learning':
      where.push('c.state IN (1, 3)');
      break;
    case 'review':
      where.push('c.state = 2');
      break;
    case 'suspended':
      where.push('c.suspended = 1');
      break;
    case 'buried':
      where.push('c.buried_until > @now');
      break;
  }
  const dir = args.descending ? 'DESC' : 'ASC';
  const offset = args.offset ?? 0;
  const limit = args.limit ?? defaultPageSize;
  const filter = where.join(' AND ');
  const order = orders[args.sort ?? 'due'];
  // SQLite's planner would read every card's row to count; the named indexes hold every column
  // a filter reads. With few cards matching the words, their rows are read by id instead.
  const countFrom = walk ? 'cards c INDEXED BY cards_browse_deck' : 'cards c';
  const pageFrom = walk ? `cards c INDEXED BY ${order.index}` : 'cards c';
  const total =
    wordsOnly !== null && where.length === 2
      ? db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM cards_fts WHERE cards_fts MATCH ?').get(wordsOnly)!.n
      : db.prepare<Params, { n: number }>(`SELECT COUNT(*) AS n FROM ${countFrom} WHERE ${filter}`).get(params)!.n;
  // The page's ids first (the index walk touches no card's text), then those cards in full.
  const ids = db
    .prepare<Params, { id: number }>(`SELECT c.id FROM ${pageFrom} WHERE ${filter} ORDER BY ${order.by(dir)} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit, offset })
    .map((r) => r.id);
  if (ids.length === 0) return { total, offset, cards: [] };
  const full = new Map(
    db
      .prepare<[string], Row>(
        `SELECT c.*, d.name AS deck_name FROM cards c JOIN decks d ON d.id = c.deck_id
         WHERE c.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids))
      .map((r) => [r.id, r]),
  );
  return { total, offset, cards: ids.map((id) => full.get(id)!).map((r) => browseRow(r, r.deck_name, now)) };
}

function browseRow(r: CardRow & { tags: string }, deckName: string, now: number): BrowseRow {
  return {
    id: r.id,
    key: r.key,
    deckId: r.deck_id,
    deckName,
    kind: r.kind as CardKind,
    title: cardTitle(r),
    tags: tagsOf(r.tags),
    state: r.state as CardState,
    suspended: r.suspended === 1,
    buriedUntil: r.buried_until !== null && r.buried_until > now ? new Date(r.buried_until).toISOString() : null,
    due: new Date(r.due).toISOString(),
    intervalDays: r.scheduled_days,
    reps: r.reps,
    lapses: r.lapses,
  };
}

/** The decks that have cards and every tag in use, sorted, for the browser's choices. */
export function browseFilters(db: Database.Database): BrowseFilters {
  const decks = db
    .prepare<[], { id: string; name: string }>(
      `SELECT d.id, d.name FROM decks d
       WHERE EXISTS (SELECT 1 FROM cards c WHERE c.deck_id = d.id AND c.retired = 0) ORDER BY d.position, d.id`,
    )
    .all();
  const tags = new Set<string>();
  for (const { tags: t } of db.prepare<[], { tags: string }>(
    // The index holds every card's tags: listing them never reads the cards themselves.
    "SELECT DISTINCT tags FROM cards INDEXED BY cards_browse_deck WHERE retired = 0 AND tags != ''",
  ).all()) {
    for (const tag of tagsOf(t)) tags.add(tag);
  }
  return { decks, tags: [...tags].sort((a, b) => a.localeCompare(b)) };
}

interface LogLine {
  reviewed_at: number;
  rating: number;
  state: number;
  card_before: string;
  duration_ms: number;
  typed: string | null;
  correct: number | null;
}

/** What an answer at `at` gave: the state the card was in just after it. */
function intervalAfter(after: CardSnapshot, at: number): string | null {
  // A card that is new again was forgotten since: what the answer gave is no longer known.
  if (after.state === 0) return null;
  if (after.state === 2) return intervalLabel(after.scheduled_days * dayMs);
  return intervalLabel(after.due - at);
}

/** One card and every answer it has had, oldest first, or undefined when there is no such card. */
export function cardInfo(db: Database.Database, cardId: number, now: number): CardInfo | undefined {
  const row = db
    .prepare<[number], CardRow & { deck_name: string }>(
      'SELECT c.*, d.name AS deck_name FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id = ?',
    )
    .get(cardId);
  if (!row) return undefined;
  const draft = db.prepare<[number], { code: string }>('SELECT code FROM drafts WHERE card_id = ?').get(cardId)?.code ?? null;
  const log = db
    .prepare<[number], LogLine>(
      'SELECT reviewed_at, rating, state, card_before, duration_ms, typed, correct FROM review_log WHERE card_id = ? ORDER BY reviewed_at, id',
    )
    .all(cardId);
  const reviews: ReviewEntry[] = log.map((l, i) => {
    // The state right after this answer is the one the next answer started from, or the card's own now.
    const after: CardSnapshot = i + 1 < log.length ? (JSON.parse(log[i + 1]!.card_before) as CardSnapshot) : row;
    return {
      at: new Date(l.reviewed_at).toISOString(),
      rating: l.rating as Rating,
      state: l.state as CardState,
      interval: intervalAfter(after, l.reviewed_at),
      durationMs: l.duration_ms,
      typed: l.typed,
      correct: l.correct === null ? null : l.correct === 1,
    };
  });
  return {
    card: cardView(row, draft),
    deckName: row.deck_name,
    suspended: row.suspended === 1,
    buriedUntil: row.buried_until !== null && row.buried_until > now ? new Date(row.buried_until).toISOString() : null,
    retired: row.retired === 1,
    stability: row.stability,
    difficulty: row.difficulty,
    intervalDays: row.scheduled_days,
    lastReview: row.last_review === null ? null : new Date(row.last_review).toISOString(),
    reviews,
  };
}
