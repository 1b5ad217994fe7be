// Writing an import plan: media files first (named by their content, so writing one twice is
// harmless and a cancelled import leaves nothing that matters), then every deck, card and
// review in one transaction, so the collection gets all of the import or none of it. The
// write normally runs on a thread of its own (import-writer.ts), with a helper thread
// replaying histories beside it.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { SchedulingRules } from '../scheduler/intervals.ts';
import type { FsrsColumns, NewLog } from '../store/cards.ts';
import type { ImportPlan, PlannedDeck, PlannedMedia } from './plan.ts';
import { finalOf, newCardState, packCards, rangeCount, replay, replayRangeAt, type PackedCards, type ReplayedRange, type ReplayedReview } from './replay.ts';
import { searchColumns } from '../store/search.ts';

export interface ImportResult {
  decks: number;
  added: number;
  updated: number;
  reviews: number;
  media: number;
}

export function writeMedia(mediaDir: string, media: readonly PlannedMedia[]): void {
  if (media.length === 0) return;
  fs.mkdirSync(mediaDir, { recursive: true });
  for (const m of media) {
    const target = path.join(mediaDir, m.stored);
    if (fs.existsSync(target)) continue;
    const temp = `${target}.part-${process.pid}`;
    fs.writeFileSync(temp, m.bytes);
    fs.renameSync(temp, target);
  }
}

const logBatch = 64;

/** A new card's row: written once, with the state its replayed history gives it. */
type NewCardRow = FsrsColumns & { id: number; key: string; deck: string; ord: number; kind: string; content: string; suspended: number; search: string; tags: string };

type Stmt<P extends unknown[] | {} = unknown[], R = unknown> = Database.Statement<P, R>;

/** The statements an import writes with (typed here so the declaration can name them). */
export interface Statements {
  maxPosition: Stmt<[], { p: number | null }>;
  upsertDeck: Stmt<{ id: string; name: string; description: string; file: string; position: number }>;
  existing: Stmt<[string], { id: number }>;
  update: Stmt<{ id: number; deck: string; content: string; kind: string; search: string; tags: string }>;
  maxId: Stmt<[], { m: number | null }>;
  insert: Stmt<NewCardRow>;
  maxOrd: Stmt<[string], { o: number | null }>;
  logTimes: Stmt<[number], { reviewed_at: number }>;
  cardLog: Stmt<[number], { id: number; rating: number; reviewed_at: number; duration_ms: number; typed: string | null; correct: number | null }>;
  deleteLog: Stmt<[number]>;
  insertLog: Stmt;
  insertLogs: Stmt;
  setFsrs: Stmt<FsrsColumns & { id: number }>;
}

export function statements(db: Database.Database): Statements {
  return {
    maxPosition: db.prepare<[], { p: number | null }>('SELECT MAX(position) AS p FROM decks'),
    upsertDeck: db.prepare<{ id: string; name: string; description: string; file: string; position: number }>(
      `INSERT INTO decks (id, name, description, file, position) VALUES (@id, @name, @description, @file, @position)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description, file = excluded.file`,
    ),
    existing: db.prepare<[string], { id: number }>('SELECT id FROM cards WHERE key = ?'),
    update: db.prepare<{ id: number; deck: string; content: string; kind: string; search: string; tags: string }>(
      'UPDATE cards SET deck_id = @deck, content = @content, kind = @kind, retired = 0, search = @search, tags = @tags WHERE id = @id',
    ),
    maxId: db.prepare<[], { m: number | null }>('SELECT MAX(id) AS m FROM cards'),
    insert: db.prepare<NewCardRow>(
      `INSERT INTO cards (id, key, deck_id, ord, kind, content, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, search, tags)
       VALUES (@id, @key, @deck, @ord, @kind, @content, @due, @stability, @difficulty, @scheduled_days, @learning_steps, @reps, @lapses, @state, @last_review, @suspended, @search, @tags)`,
    ),
    maxOrd: db.prepare<[string], { o: number | null }>('SELECT MAX(ord) AS o FROM cards WHERE deck_id = ?'),
    logTimes: db.prepare<[number], { reviewed_at: number }>('SELECT reviewed_at FROM review_log WHERE card_id = ?'),
    cardLog: db.prepare<[number], { id: number; rating: number; reviewed_at: number; duration_ms: number; typed: string | null; correct: number | null }>(
      'SELECT id, rating, reviewed_at, duration_ms, typed, correct FROM review_log WHERE card_id = ? ORDER BY reviewed_at, id',
    ),
    deleteLog: db.prepare<[number]>('DELETE FROM review_log WHERE card_id = ?'),
    insertLog: db.prepare('INSERT INTO review_log (card_id, rating, state, card_before, reviewed_at, duration_ms, typed, correct) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    /** Logs go in many rows per statement: a big import writes hundreds of thousands. */
    insertLogs: db.prepare(
      `INSERT INTO review_log (card_id, rating, state, card_before, reviewed_at, duration_ms, typed, correct) VALUES
       ${Array(logBatch).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    ),
    setFsrs: db.prepare<FsrsColumns & { id: number }>(
      `UPDATE cards SET due = @due, stability = @stability, difficulty = @difficulty, scheduled_days = @scheduled_days,
         learning_steps = @learning_steps, reps = @reps, lapses = @lapses, state = @state, last_review = @last_review
       WHERE id = @id`,
    ),
  };
}

/**
 * Log rows waiting to be inserted, kept as flat values (8 a row, in the insert statements'
 * column order) rather than an object a row: a big import writes hundreds of thousands.
 * `flush` inserts them `logBatch` to a statement and the rest one by one, in order.
 */
export class LogRows {
  private values: unknown[] = [];

  constructor(private readonly s: Statements) {}

  get rows(): number {
    return this.values.length / 8;
  }

  add(cardId: number, rating: number, state: number, cardBefore: string, at: number, durationMs: number, typed: string | null, correct: number | null): void {
    this.values.push(cardId, rating, state, cardBefore, at, durationMs, typed, correct);
  }

  flush(): void {
    const v = this.values;
    const width = 8 * logBatch;
    let i = 0;
    for (; i + width <= v.length; i += width) this.s.insertLogs.run(v.slice(i, i + width));
    for (; i < v.length; i += 8) this.s.insertLog.run(v.slice(i, i + 8));
    this.values = [];
  }
}

/** Appends log rows, `logBatch` to a statement and the rest one by one. */
export function insertLogs(s: Statements, logs: readonly NewLog[]): void {
  const rows = new LogRows(s);
  for (const l of logs) rows.add(l.card_id, l.rating, l.state, l.card_before, l.reviewed_at, l.duration_ms, l.typed, l.correct);
  rows.flush();
}

/**
 * Adds to a card's log the reviews it lacks (same answer time = same review) and, if any were
 * added, recomputes the card's state from its whole log. Returns how many were added.
 */
export function mergeReviews(s: Statements, cardId: number, reviews: readonly ReplayedReview[], rules: SchedulingRules): number {
  if (reviews.length === 0) return 0;
  const have = new Set(s.logTimes.all(cardId).map((r) => r.reviewed_at));
  const fresh = reviews.filter((r) => !have.has(r.at));
  if (fresh.length === 0) return 0;
  const all: ReplayedReview[] = [
    ...s.cardLog.all(cardId).map((r) => ({ at: r.reviewed_at, rating: r.rating as ReplayedReview['rating'], durationMs: r.duration_ms, typed: r.typed, correct: r.correct })),
    ...fresh,
  ].sort((a, b) => a.at - b.at);
  s.deleteLog.run(cardId);
  const { logs, final } = replay(cardId, newCardState(all[0]!.at), all, rules);
  insertLogs(s, logs);
  s.setFsrs.run({ id: cardId, ...final });
  return fresh.length;
}

/** The part of a plan the writing thread needs: its decks and its cards packed (replay.ts). */
export interface PackedPlan {
  decks: PlannedDeck[];
  packed: PackedCards;
}

export function packPlan(plan: ImportPlan): PackedPlan {
  return { decks: plan.decks, packed: packCards(plan.cards) };
}

/**
 * Where the writer gets each range's replay from: `start` is told the row id each new card
 * gets (0 for a card already in the collection), then `range(r)` is asked for r = 0, 1, 2, ...
 * in order. In place it replays each range when asked; with helper threads it takes what they
 * replayed meanwhile (import-writer.ts). Either way the numbers are the same: replaying a card
 * depends only on its id, its reviews, the time and the rules.
 */
export interface Replayer {
  start(ids: Float64Array<ArrayBufferLike>): void;
  range(r: number): ReplayedRange | Promise<ReplayedRange>;
}

export function replayInPlace(packed: PackedCards, now: number, rules: SchedulingRules): Replayer {
  let ids: Float64Array<ArrayBufferLike> = new Float64Array(0);
  return {
    start: (given) => (ids = given),
    range: (r) => replayRangeAt(packed, ids, r, now, rules),
  };
}

/**
 * Takes a trigger or an index out of the schema for a bulk write and returns what puts it back
 * exactly as it was; both happen inside the import's transaction, so no one ever sees the
 * schema without it.
 */
function setAside(db: Database.Database, name: string): () => void {
  const row = db.prepare<[string], { type: string; sql: string }>("SELECT type, sql FROM sqlite_master WHERE name = ? AND type IN ('trigger', 'index')").get(name);
  if (!row) return () => {};
  db.exec(`DROP ${row.type.toUpperCase()} "${name}"`);
  return () => db.exec(row.sql);
}

/** Reviews to write from which rebuilding the log's time index beats updating it row by row. */
const rebuildTimeIndexFrom = 20_000;

/**
 * Readies a transaction for writing many cards and reviews; `finish` (still inside it) indexes
 * the cards added since and puts the schema back as it was. The word index gets the new cards
 * in one statement after they are all written, not a row at a time from its insert trigger
 * (ten times faster for a big import). The log's time index is rebuilt after a write that at
 * least doubles the log (reviews arrive ordered by card, so their times land all over it):
 * cheaper than inserting into it row by row.
 */
export function bulkWrite(db: Database.Database, reviews: number): { finish(everyCard?: boolean): void } {
  const cardsBefore = db.prepare<[], { m: number | null }>('SELECT MAX(id) AS m FROM cards').get()?.m ?? 0;
  const logRows = db.prepare<[], { m: number | null }>('SELECT MAX(id) AS m FROM review_log').get()?.m ?? 0;
  const putBackTrigger = setAside(db, 'cards_fts_insert');
  const putBackTimeIndex = reviews >= rebuildTimeIndexFrom && reviews >= logRows ? setAside(db, 'review_log_time') : () => {};
  return {
    finish(everyCard = false) {
      // Cards written since have ids above the largest before; after a restore (which empties
      // the table first) every card is new.
      db.prepare('INSERT INTO cards_fts(rowid, search) SELECT id, search FROM cards WHERE (id > ? OR ?) AND retired = 0 ORDER BY id').run(cardsBefore, everyCard ? 1 : 0);
      putBackTrigger();
      putBackTimeIndex();
    },
  };
}

/**
 * Writes the plan as one transaction. A card already in the collection (same key) keeps its
 * history and state; reviews the file has that the collection lacks are added, and then the
 * card's state is recomputed from its whole log, so no review is ever lost or counted twice.
 * A new card gets the row id SQLite would give it (one past the largest), so it can be
 * replayed before it is written and written once, with its final state.
 *
 * The transaction is opened by hand because waiting for a helper's replay gives the thread
 * back between ranges; nothing else uses this connection meanwhile (it is the writing
 * thread's own, or the caller holds off other writes).
 */
export async function writePlan(
  db: Database.Database,
  plan: PackedPlan,
  rules: SchedulingRules,
  now: number,
  replayer: Replayer,
  onRange: (done: number, total: number) => void = () => {},
  beforeCommit: () => void = () => {},
): Promise<ImportResult> {
  const s = statements(db);
  const { packed } = plan;
  const n = packed.cards.length;
  const result: ImportResult = { decks: plan.decks.length, added: 0, updated: 0, reviews: 0, media: 0 };
  db.exec('BEGIN IMMEDIATE');
  try {
    let position = (s.maxPosition.get()?.p ?? -1) + 1;
    for (const d of plan.decks) s.upsertDeck.run({ ...d, position: position++ });
    const ids = new Float64Array(n);
    const existing = new Map<number, number>();
    const firstNewId = (s.maxId.get()?.m ?? 0) + 1;
    let nextId = firstNewId;
    for (let i = 0; i < n; i++) {
      const found = s.existing.get(packed.cards[i]!.key);
      if (found) existing.set(i, found.id);
      else ids[i] = nextId++;
    }
    replayer.start(ids);
    const bulk = bulkWrite(db, packed.at.length);
    const nextOrd = new Map<string, number>();
    const pending = new LogRows(s);
    const ranges = rangeCount(packed);
    for (let r = 0; r < ranges; r++) {
      const range = await replayer.range(r);
      const before = range.before === '' ? [] : range.before.split('\n');
      const firstReview = packed.reviewStart[range.from]!;
      for (let i = range.from; i < range.to; i++) {
        const c = packed.cards[i]!;
        const a = packed.reviewStart[i]!;
        const b = packed.reviewStart[i + 1]!;
        const foundId = existing.get(i);
        if (foundId !== undefined) {
          s.update.run({ id: foundId, deck: c.deckId, content: c.content, kind: c.kind, ...searchColumns(c.key, c.content) });
          result.updated++;
          const reviews: ReplayedReview[] = [];
          for (let k = a; k < b; k++) reviews.push({ at: packed.at[k]!, rating: packed.rating[k] as ReplayedReview['rating'], durationMs: packed.durationMs[k]! });
          result.reviews += mergeReviews(s, foundId, reviews, rules);
          continue;
        }
        let ord = nextOrd.get(c.deckId);
        if (ord === undefined) ord = (s.maxOrd.get(c.deckId)?.o ?? -1) + 1;
        nextOrd.set(c.deckId, ord + 1);
        const id = ids[i]!;
        const state = a === b ? newCardState(now) : finalOf(range, i);
        s.insert.run({ id, key: c.key, deck: c.deckId, ord, kind: c.kind, content: c.content, suspended: c.suspended ? 1 : 0, ...searchColumns(c.key, c.content), ...state });
        result.added++;
        for (let k = a; k < b; k++) {
          pending.add(id, packed.rating[k]!, range.statesBefore[k - firstReview]!, before[k - firstReview]!, packed.at[k]!, packed.durationMs[k]!, null, null);
        }
        result.reviews += b - a;
        if (pending.rows >= 4096) pending.flush();
      }
      onRange(r + 1, ranges);
    }
    pending.flush();
    bulk.finish();
    beforeCommit();
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
  return result;
}

/** Writes the plan on this thread, replaying in place: where no worker thread can start, and the reference the threaded write is tested against. */
export function writeInPlace(db: Database.Database, plan: PackedPlan, rules: SchedulingRules, now: number): Promise<ImportResult> {
  return writePlan(db, plan, rules, now, replayInPlace(plan.packed, now, rules));
}
