// Rows of the cards and review_log tables, and the statements the scheduler and deck loader use.
import type Database from 'better-sqlite3';

/** The FSRS part of a card, as stored: times are milliseconds since the epoch. */
export interface FsrsColumns {
  due: number;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: number | null;
}

/** What undo must put back: the FSRS state plus anything an answer may change. */
export interface CardSnapshot extends FsrsColumns {
  buried_until: number | null;
}

/** What an undo step keeps: everything bury, suspend, forget or an answer may change. */
export interface UndoSnapshot extends CardSnapshot {
  suspended: number;
}

/** Actions undo can take back, newest first. */
export type UndoAction = 'answer' | 'bury' | 'suspend' | 'unsuspend' | 'forget';

export interface UndoStep {
  id: number;
  card_id: number;
  action: UndoAction;
  done_at: number;
  card_before: string;
  log_id: number | null;
}

export interface CardRow extends FsrsColumns {
  id: number;
  key: string;
  deck_id: string;
  ord: number;
  kind: string;
  content: string;
  suspended: number;
  buried_until: number | null;
  retired: number;
}

export interface DeckRow {
  id: string;
  name: string;
  description: string;
  file: string;
  position: number;
}

/** A review-log row before the database gives it an id. */
export interface NewLog {
  card_id: number;
  rating: number;
  state: number;
  card_before: string;
  reviewed_at: number;
  duration_ms: number;
  typed: string | null;
  correct: number | null;
}

export interface LogRow extends NewLog {
  id: number;
}

const visible = 'retired = 0 AND suspended = 0 AND (buried_until IS NULL OR buried_until <= @now)';

function prepare(db: Database.Database) {
  return {
    card: db.prepare<[number], CardRow>('SELECT * FROM cards WHERE id = ?'),
    // Decks whose every card has been retired are history, not something to study.
    decks: db.prepare<[], DeckRow>(
      'SELECT * FROM decks d WHERE EXISTS (SELECT 1 FROM cards c WHERE c.deck_id = d.id AND c.retired = 0) ORDER BY position, id',
    ),
    firstLearning: db.prepare<{ deck: string; now: number; until: number }, CardRow>(
      `SELECT * FROM cards INDEXED BY cards_queue WHERE deck_id = @deck AND state IN (1, 3) AND due <= @until AND ${visible}
       ORDER BY due LIMIT 1`,
    ),
    // Reviews come by due time (a day's reviews are due together, at its start), and within one
    // due time in an order shuffled anew each day: the card id hashed, then XORed with a hash
    // of the day (SQLite has no ^, so (a | b) - (a & b)).
    firstReview: db.prepare<{ deck: string; now: number; until: number; day: number }, CardRow>(
      `SELECT * FROM cards INDEXED BY cards_queue WHERE deck_id = @deck AND state = 2 AND due < @until AND ${visible}
       ORDER BY due, ((id * 2654435761) % 4294967296 | (@day * 2246822519) % 4294967296)
                   - ((id * 2654435761) % 4294967296 & (@day * 2246822519) % 4294967296) LIMIT 1`,
    ),
    firstNew: db.prepare<{ deck: string; now: number }, CardRow>(
      `SELECT * FROM cards INDEXED BY cards_new WHERE deck_id = @deck AND state = 0 AND ${visible} ORDER BY ord LIMIT 1`,
    ),
    countLearning: db.prepare<{ deck: string; now: number; until: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM cards INDEXED BY cards_queue WHERE deck_id = @deck AND state IN (1, 3) AND due <= @until AND ${visible}`,
    ),
    // Capped counts: a learner with 50,000 overdue reviews still sees at most the day's limit,
    // and counting past it would only cost time.
    countReview: db.prepare<{ deck: string; now: number; until: number; cap: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM cards INDEXED BY cards_queue
         WHERE deck_id = @deck AND state = 2 AND due < @until AND ${visible} LIMIT @cap)`,
    ),
    countNew: db.prepare<{ deck: string; now: number; cap: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM cards INDEXED BY cards_new
         WHERE deck_id = @deck AND state = 0 AND ${visible} LIMIT @cap)`,
    ),
    doneSince: db.prepare<[number], { deck_id: string; state: number; n: number }>(
      `SELECT c.deck_id AS deck_id, r.state AS state, COUNT(*) AS n
       FROM review_log r JOIN cards c ON c.id = r.card_id
       WHERE r.reviewed_at >= ? GROUP BY c.deck_id, r.state`,
    ),
    answeredSince: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM review_log WHERE reviewed_at >= ?'),
    // A buried card cannot come back before its burial ends, whatever its due date says.
    nextDue: db.prepare<[], { at: number | null }>(
      `SELECT MIN(MAX(due, COALESCE(buried_until, 0))) AS at FROM cards
       WHERE state != 0 AND retired = 0 AND suspended = 0`,
    ),
    insertLog: db.prepare<NewLog>(
      `INSERT INTO review_log (card_id, rating, state, card_before, reviewed_at, duration_ms, typed, correct)
       VALUES (@card_id, @rating, @state, @card_before, @reviewed_at, @duration_ms, @typed, @correct)`,
    ),
    updateFsrs: db.prepare<CardSnapshot & { id: number }>(
      `UPDATE cards SET due = @due, stability = @stability, difficulty = @difficulty,
         scheduled_days = @scheduled_days, learning_steps = @learning_steps, reps = @reps,
         lapses = @lapses, state = @state, last_review = @last_review, buried_until = @buried_until
       WHERE id = @id`,
    ),
    insertStep: db.prepare<Omit<UndoStep, 'id'>>(
      `INSERT INTO undo_steps (card_id, action, done_at, card_before, log_id)
       VALUES (@card_id, @action, @done_at, @card_before, @log_id)`,
    ),
    // Steps older than the study day can never be undone, so each new one clears them away.
    pruneSteps: db.prepare<[number]>('DELETE FROM undo_steps WHERE done_at < ?'),
    lastStep: db.prepare<{ since: number; deck: string | null }, UndoStep>(
      `SELECT u.* FROM undo_steps u JOIN cards c ON c.id = u.card_id
       WHERE u.done_at >= @since AND (@deck IS NULL OR c.deck_id = @deck) ORDER BY u.id DESC LIMIT 1`,
    ),
    deleteStep: db.prepare<[number]>('DELETE FROM undo_steps WHERE id = ?'),
    restoreCard: db.prepare<UndoSnapshot & { id: number }>(
      `UPDATE cards SET due = @due, stability = @stability, difficulty = @difficulty,
         scheduled_days = @scheduled_days, learning_steps = @learning_steps, reps = @reps,
         lapses = @lapses, state = @state, last_review = @last_review, buried_until = @buried_until,
         suspended = @suspended
       WHERE id = @id`,
    ),
    deleteLog: db.prepare<[number]>('DELETE FROM review_log WHERE id = ?'),
    unsuspendDeck: db.prepare<[string]>('UPDATE cards SET suspended = 0 WHERE deck_id = ? AND suspended = 1'),
    draft: db.prepare<[number], { code: string }>('SELECT code FROM drafts WHERE card_id = ?'),
    saveDraft: db.prepare<[number, string, number]>(
      `INSERT INTO drafts (card_id, code, saved_at) VALUES (?, ?, ?)
       ON CONFLICT (card_id) DO UPDATE SET code = excluded.code, saved_at = excluded.saved_at`,
    ),
    forgetDraft: db.prepare<[number]>('DELETE FROM drafts WHERE card_id = ?'),
  };
}
type Statements = ReturnType<typeof prepare>;

/** Prepared statements over one open database; build once per connection. */
export class CardStore {
  readonly db: Database.Database;
  private readonly s: Statements;
  private checkpointTimer: NodeJS.Timeout | null = null;

  constructor(db: Database.Database) {
    this.db = db;
    this.s = prepare(db);
  }

  /**
   * Copies the WAL back into the database once the learner pauses, not during an answer, and
   * empties it: between pauses the WAL holds only what was written since the last one.
   */
  private afterWrite(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      this.checkpoint();
    }, 1500);
    this.checkpointTimer.unref();
  }

  /** The idle checkpoint itself; returns whether the whole WAL was copied back. */
  checkpoint(): boolean {
    if (!this.db.open || this.db.readonly) return false;
    // It never waits: while an import's thread holds the write lock (import-writer.ts) a
    // TRUNCATE checkpoint would hold this thread for the whole busy timeout; it is skipped
    // instead, and that thread copies the WAL back itself when it is done.
    const wait = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      const [row] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      return row?.busy === 0;
    } catch {
      return false;
    } finally {
      this.db.pragma(`busy_timeout = ${wait}`);
    }
  }

  close(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    this.db.close();
  }

  card(id: number): CardRow | undefined {
    return this.s.card.get(id);
  }
  decks(): DeckRow[] {
    return this.s.decks.all();
  }
  firstLearning(deck: string, now: number, until: number): CardRow | undefined {
    return this.s.firstLearning.get({ deck, now, until });
  }
  firstReview(deck: string, now: number, until: number, day: number): CardRow | undefined {
    return this.s.firstReview.get({ deck, now, until, day });
  }
  firstNew(deck: string, now: number): CardRow | undefined {
    return this.s.firstNew.get({ deck, now });
  }
  countLearning(deck: string, now: number, until: number): number {
    return this.s.countLearning.get({ deck, now, until })?.n ?? 0;
  }
  countReview(deck: string, now: number, until: number, cap: number): number {
    return cap <= 0 ? 0 : (this.s.countReview.get({ deck, now, until, cap })?.n ?? 0);
  }
  countNew(deck: string, now: number, cap: number): number {
    return cap <= 0 ? 0 : (this.s.countNew.get({ deck, now, cap })?.n ?? 0);
  }
  /** Answers since a time, per deck and per the state the card was in when answered. */
  doneSince(since: number): { deck_id: string; state: number; n: number }[] {
    return this.s.doneSince.all(since);
  }
  answeredSince(since: number): number {
    return this.s.answeredSince.get(since)?.n ?? 0;
  }
  /** The earliest due time of a card in study (learning, review or relearning), or null. */
  nextDue(): number | null {
    return this.s.nextDue.get()?.at ?? null;
  }

  /**
   * One answer: the log row, the card's new state and the step that lets undo take it back land
   * together or not at all. `dayStart` is the study day's start, before which steps are dropped.
   */
  recordAnswer(log: NewLog, after: CardSnapshot & { id: number }, before: UndoSnapshot, dayStart: number): number {
    const id = this.db.transaction(() => {
      const info = this.s.insertLog.run(log);
      this.s.updateFsrs.run(after);
      const logId = Number(info.lastInsertRowid);
      this.addStep(log.card_id, 'answer', before, log.reviewed_at, dayStart, logId);
      return logId;
    })();
    this.afterWrite();
    return id;
  }

  private addStep(cardId: number, action: UndoAction, before: UndoSnapshot, at: number, dayStart: number, logId: number | null): void {
    this.s.pruneSteps.run(dayStart);
    this.s.insertStep.run({ card_id: cardId, action, done_at: at, card_before: JSON.stringify(before), log_id: logId });
  }

  /** Bury, suspend, unsuspend or forget: the card's change and its undo step, together. */
  change(action: Exclude<UndoAction, 'answer'>, before: UndoSnapshot & { id: number }, after: UndoSnapshot, at: number, dayStart: number): void {
    this.db.transaction(() => {
      this.s.restoreCard.run({ ...after, id: before.id });
      this.addStep(before.id, action, before, at, dayStart, null);
    })();
    this.afterWrite();
  }

  /** The newest step done since a time, in one deck or any. */
  lastStep(since: number, deckId: string | null = null): UndoStep | undefined {
    return this.s.lastStep.get({ since, deck: deckId });
  }

  /** Undo: the card goes back to the saved state, and an answer's log row disappears, together. */
  revert(step: UndoStep): void {
    const before = JSON.parse(step.card_before) as UndoSnapshot;
    this.db.transaction(() => {
      this.s.restoreCard.run({ ...before, id: step.card_id });
      if (step.log_id !== null) this.s.deleteLog.run(step.log_id);
      this.s.deleteStep.run(step.id);
    })();
    this.afterWrite();
  }

  /** The learner's saved code for an exercise, or null. */
  draft(cardId: number): string | null {
    return this.s.draft.get(cardId)?.code ?? null;
  }
  /** Keeps the learner's code (null forgets it). */
  saveDraft(cardId: number, code: string | null, now: number): void {
    if (code === null) this.s.forgetDraft.run(cardId);
    else this.s.saveDraft.run(cardId, code, now);
    this.afterWrite();
  }

  /** Unsuspends every card of a deck; returns how many came back. */
  unsuspendDeck(deckId: string): number {
    return this.s.unsuspendDeck.run(deckId).changes;
  }
}
