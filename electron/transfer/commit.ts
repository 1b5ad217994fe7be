// Writing an import plan: media files first (named by their content, so writing one twice is
// harmless and a cancelled import leaves nothing that matters), then every deck, card and
// review in one transaction, so the collection gets all of the import or none of it.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { SchedulingRules } from '../scheduler/intervals.ts';
import type { FsrsColumns, NewLog } from '../store/cards.ts';
import type { ImportPlan, PlannedMedia } from './plan.ts';
import { newCardState, replay, type ReplayedReview } from './replay.ts';
import { searchText, tagColumn } from '../store/search.ts';

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

type Stmt<P extends unknown[] | {} = unknown[], R = unknown> = Database.Statement<P, R>;

/** The statements an import writes with (typed here so the declaration can name them). */
export interface Statements {
  maxPosition: Stmt<[], { p: number | null }>;
  upsertDeck: Stmt<{ id: string; name: string; description: string; file: string; position: number }>;
  existing: Stmt<[string], { id: number }>;
  update: Stmt<{ id: number; deck: string; content: string; kind: string; search: string; tags: string }>;
  insert: Stmt<{ key: string; deck: string; ord: number; kind: string; content: string; due: number; suspended: number; search: string; tags: string }>;
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
    insert: db.prepare<{ key: string; deck: string; ord: number; kind: string; content: string; due: number; suspended: number; search: string; tags: string }>(
      `INSERT INTO cards (key, deck_id, ord, kind, content, due, suspended, search, tags)
       VALUES (@key, @deck, @ord, @kind, @content, @due, @suspended, @search, @tags)`,
    ),
    maxOrd: db.prepare<[string], { o: number | null }>('SELECT MAX(ord) AS o FROM cards WHERE deck_id = ?'),
    logTimes: db.prepare<[number], { reviewed_at: number }>('SELECT reviewed_at FROM review_log WHERE card_id = ?'),
    cardLog: db.prepare<[number], { id: number; rating: number; reviewed_at: number; duration_ms: number; typed: string | null; correct: number | null }>(
      'SELECT id, rating, reviewed_at, duration_ms, typed, correct FROM review_log WHERE card_id = ? ORDER BY reviewed_at, id',
    ),
    deleteLog: db.prepare<[number]>('DELETE FROM review_log WHERE card_id = ?'),
    insertLog: db.prepare(
      `INSERT INTO review_log (card_id, rating, state, card_before, reviewed_at, duration_ms, typed, correct)
       VALUES (@card_id, @rating, @state, @card_before, @reviewed_at, @duration_ms, @typed, @correct)`,
    ),
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

/** Appends log rows, `logBatch` to a statement and the rest one by one. */
export function insertLogs(s: Statements, logs: readonly NewLog[]): void {
  let i = 0;
  const values: unknown[] = [];
  for (; i + logBatch <= logs.length; i += logBatch) {
    values.length = 0;
    for (let k = i; k < i + logBatch; k++) {
      const l = logs[k]!;
      values.push(l.card_id, l.rating, l.state, l.card_before, l.reviewed_at, l.duration_ms, l.typed, l.correct);
    }
    s.insertLogs.run(values);
  }
  for (; i < logs.length; i++) s.insertLog.run(logs[i]!);
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

/**
 * Writes the plan. A card already in the collection (same key) keeps its history and state;
 * reviews the file has that the collection lacks are added, and then the card's state is
 * recomputed from its whole log, so no review is ever lost or counted twice.
 */
export function commitPlan(db: Database.Database, plan: ImportPlan, rules: SchedulingRules, mediaDir: string, now: number): ImportResult {
  if (plan.problems.length > 0) throw new Error('an import with problems cannot be written');
  writeMedia(mediaDir, plan.media);
  const s = statements(db);
  const result: ImportResult = { decks: plan.decks.length, added: 0, updated: 0, reviews: 0, media: plan.media.length };
  db.transaction(() => {
    let position = (s.maxPosition.get()?.p ?? -1) + 1;
    for (const d of plan.decks) s.upsertDeck.run({ ...d, position: position++ });
    const nextOrd = new Map<string, number>();
    const pending: NewLog[] = [];
    for (const c of plan.cards) {
      const found = s.existing.get(c.key);
      if (found) {
        s.update.run({ id: found.id, deck: c.deckId, content: c.content, kind: c.kind, search: searchText(c.key, c.content), tags: tagColumn(c.content) });
        result.updated++;
        result.reviews += mergeReviews(s, found.id, c.reviews, rules);
        continue;
      }
      let ord = nextOrd.get(c.deckId);
      if (ord === undefined) ord = (s.maxOrd.get(c.deckId)?.o ?? -1) + 1;
      nextOrd.set(c.deckId, ord + 1);
      const id = Number(s.insert.run({
        key: c.key, deck: c.deckId, ord, kind: c.kind, content: c.content, due: now, suspended: c.suspended ? 1 : 0, search: searchText(c.key, c.content), tags: tagColumn(c.content),
      }).lastInsertRowid);
      result.added++;
      if (c.reviews.length === 0) continue;
      const { logs, final } = replay(id, newCardState(now), c.reviews, rules);
      pending.push(...logs);
      if (pending.length >= 4096) {
        insertLogs(s, pending);
        pending.length = 0;
      }
      s.setFsrs.run({ id, ...final });
      result.reviews += logs.length;
    }
    insertLogs(s, pending);
  })();
  return result;
}
