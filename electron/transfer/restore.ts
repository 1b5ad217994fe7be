// A progress file brought into a profile. Into one where nothing has been studied yet it is a
// restore: the collection becomes exactly what was exported (same card ids, so the same review
// order, same states, log, drafts and settings). Into one with history it is a merge by card
// key: cards the profile lacks are added with their state, and reviews a card lacks are added
// to its log and its state recomputed from the whole log; no review on either side is lost.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Rating } from '../../api/contract.ts';
import type { SchedulingRules } from '../scheduler/intervals.ts';
import { bulkWrite, LogRows, mergeReviews, statements, type ImportResult } from './commit.ts';
import { importedFilePrefix } from './plan.ts';
import type { DeckEntry, ProgressFile, ReviewEntry } from './progressFile.ts';
import type { ReplayedReview } from './replay.ts';
import { searchColumns } from '../store/search.ts';

export interface ProgressPreview {
  mode: 'restore' | 'merge';
  newCards: number;
  matchedCards: number;
  /** Reviews the profile does not have yet. */
  newReviews: number;
}

/** Nothing studied and no code written yet: the profile holds only freshly loaded decks. */
export function profileIsEmpty(db: Database.Database): boolean {
  const n = (sql: string) => (db.prepare<[], { n: number }>(sql).get()?.n ?? 0);
  return n('SELECT COUNT(*) AS n FROM review_log') === 0 && n('SELECT COUNT(*) AS n FROM drafts') === 0;
}

function reviewsByKey(pf: ProgressFile): Map<string, ReviewEntry[]> {
  const out = new Map<string, ReviewEntry[]>();
  for (const r of pf.reviews) {
    let list = out.get(r[0]);
    if (!list) out.set(r[0], (list = []));
    list.push(r);
  }
  return out;
}

export function previewProgress(db: Database.Database, pf: ProgressFile): ProgressPreview {
  if (profileIsEmpty(db)) return { mode: 'restore', newCards: pf.cards.length, matchedCards: 0, newReviews: pf.reviews.length };
  const idOf = db.prepare<[string], { id: number }>('SELECT id FROM cards WHERE key = ?');
  const times = db.prepare<[number], { reviewed_at: number }>('SELECT reviewed_at FROM review_log WHERE card_id = ?');
  const byKey = reviewsByKey(pf);
  let newCards = 0, matchedCards = 0, newReviews = 0;
  for (const c of pf.cards) {
    const local = idOf.get(c.key);
    const theirs = byKey.get(c.key) ?? [];
    if (!local) {
      newCards++;
      newReviews += theirs.length;
      continue;
    }
    matchedCards++;
    if (theirs.length === 0) continue;
    const have = new Set(times.all(local.id).map((r) => r.reviewed_at));
    newReviews += theirs.filter((r) => !have.has(r[3])).length;
  }
  return { mode: 'merge', newCards, matchedCards, newReviews };
}

/**
 * A deck whose file is not in one of this profile's deck folders (the learner's own deck from
 * another computer or profile) is kept as an imported deck, so that reloading deck files does
 * not retire it; a deck file with its id loaded later takes it over again, by key, history and all.
 */
function localDeck(d: DeckEntry, deckDirs: readonly string[]): DeckEntry {
  if (d.file.startsWith(importedFilePrefix)) return d;
  const here = deckDirs.some((dir) => path.resolve(path.dirname(d.file)) === path.resolve(dir)) && fs.existsSync(d.file);
  return here ? d : { ...d, file: `${importedFilePrefix}${path.basename(d.file)}` };
}

/** A card row with the browser's search and tag columns, which follow from its key and content. */
const withSearch = <T extends { key: string; content: string }>(c: T): T & { search: string; tags: string } => ({ ...c, ...searchColumns(c.key, c.content) });

const asReplay = (r: ReviewEntry): ReplayedReview => ({ at: r[3], rating: r[1] as Rating, durationMs: r[4], typed: r[5], correct: r[6] });

export function applyProgress(db: Database.Database, pf: ProgressFile, rules: SchedulingRules, deckDirs: readonly string[]): ImportResult & { mode: 'restore' | 'merge' } {
  const insertDeck = db.prepare('INSERT INTO decks (id, name, description, file, position) VALUES (@id, @name, @description, @file, @position) ON CONFLICT(id) DO NOTHING');
  const insertCard = db.prepare(
    `INSERT INTO cards (id, key, deck_id, ord, kind, content, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state,
       last_review, suspended, buried_until, retired, search, tags)
     VALUES (@id, @key, @deck_id, @ord, @kind, @content, @due, @stability, @difficulty, @scheduled_days, @learning_steps, @reps, @lapses, @state,
       @last_review, @suspended, @buried_until, @retired, @search, @tags)`,
  );
  const insertNewCard = db.prepare(
    `INSERT INTO cards (key, deck_id, ord, kind, content, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state,
       last_review, suspended, buried_until, retired, search, tags)
     VALUES (@key, @deck_id, @ord, @kind, @content, @due, @stability, @difficulty, @scheduled_days, @learning_steps, @reps, @lapses, @state,
       @last_review, @suspended, @buried_until, @retired, @search, @tags)`,
  );
  const insertLog = db.prepare(
    'INSERT INTO review_log (card_id, rating, state, card_before, reviewed_at, duration_ms, typed, correct) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertDraft = db.prepare('INSERT INTO drafts (card_id, code, saved_at) VALUES (?, ?, ?) ON CONFLICT(card_id) DO NOTHING');
  const result: ImportResult & { mode: 'restore' | 'merge' } = { mode: 'merge', decks: 0, added: 0, updated: 0, reviews: 0, media: 0 };
  db.transaction(() => {
    const idOfKey = new Map<string, number>();
    const bulk = bulkWrite(db, pf.reviews.length);
    if (profileIsEmpty(db)) {
      result.mode = 'restore';
      db.exec('DELETE FROM drafts; DELETE FROM review_log; DELETE FROM cards; DELETE FROM decks; DELETE FROM settings;');
      for (const d of pf.decks) insertDeck.run(localDeck(d, deckDirs));
      for (const c of pf.cards) {
        insertCard.run(withSearch(c));
        idOfKey.set(c.key, c.id);
      }
      const logs = new LogRows(statements(db));
      for (const r of pf.reviews) {
        logs.add(idOfKey.get(r[0])!, r[1], r[2], r[7], r[3], r[4], r[5], r[6]);
        if (logs.rows >= 4096) logs.flush();
      }
      logs.flush();
      const putSetting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      for (const [k, v] of Object.entries(pf.settings)) putSetting.run(k, JSON.stringify(v));
      for (const d of pf.drafts) insertDraft.run(idOfKey.get(d.card_key), d.code, d.saved_at);
      result.decks = pf.decks.length;
      result.added = pf.cards.length;
      result.reviews = pf.reviews.length;
      bulk.finish(true);
      return;
    }
    const s = statements(db);
    const byKey = reviewsByKey(pf);
    const maxPos = (db.prepare<[], { p: number | null }>('SELECT MAX(position) AS p FROM decks').get()?.p ?? -1) + 1;
    for (const d of pf.decks) result.decks += insertDeck.run({ ...localDeck(d, deckDirs), position: maxPos + d.position }).changes;
    for (const c of pf.cards) {
      const local = s.existing.get(c.key);
      const theirs = (byKey.get(c.key) ?? []).map(asReplay);
      if (local) {
        idOfKey.set(c.key, local.id);
        const added = mergeReviews(s, local.id, theirs, rules);
        if (added > 0) result.updated++;
        result.reviews += added;
        continue;
      }
      // A new card keeps its exported state and log as they were; only its row id is new.
      const { id: _old, ...rest } = c;
      const id = Number(insertNewCard.run(withSearch(rest)).lastInsertRowid);
      idOfKey.set(c.key, id);
      for (const r of byKey.get(c.key) ?? []) insertLog.run(id, r[1], r[2], r[7], r[3], r[4], r[5], r[6]);
      result.added++;
      result.reviews += byKey.get(c.key)?.length ?? 0;
    }
    for (const d of pf.drafts) insertDraft.run(idOfKey.get(d.card_key), d.code, d.saved_at);
    bulk.finish();
  })();
  return result;
}
