// Forward-only schema history. The database's `PRAGMA user_version` is the number of entries
// applied; a released entry is never edited, only followed by a new one.
import type Database from 'better-sqlite3';
import { searchText, tagColumn } from './search.ts';

export interface Migration {
  version: number;
  why: string;
  up: (db: Database.Database) => void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    why: 'initial schema: decks, cards with FSRS state, review log',
    up: (db) => {
      db.exec(`
        CREATE TABLE decks (
          id          TEXT PRIMARY KEY,
          name        TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          file        TEXT NOT NULL,
          position    INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE cards (
          id             INTEGER PRIMARY KEY,
          key            TEXT NOT NULL UNIQUE,
          deck_id        TEXT NOT NULL REFERENCES decks(id),
          ord            INTEGER NOT NULL,
          kind           TEXT NOT NULL,
          content        TEXT NOT NULL,
          due            INTEGER NOT NULL,
          stability      REAL NOT NULL DEFAULT 0,
          difficulty     REAL NOT NULL DEFAULT 0,
          scheduled_days INTEGER NOT NULL DEFAULT 0,
          learning_steps INTEGER NOT NULL DEFAULT 0,
          reps           INTEGER NOT NULL DEFAULT 0,
          lapses         INTEGER NOT NULL DEFAULT 0,
          state          INTEGER NOT NULL DEFAULT 0,
          last_review    INTEGER,
          suspended      INTEGER NOT NULL DEFAULT 0,
          buried_until   INTEGER,
          retired        INTEGER NOT NULL DEFAULT 0
        );
        -- Queues only look at cards a learner can be shown, so the index leaves the rest out;
        -- buried_until rides along so counting the queue never touches the table.
        CREATE INDEX cards_queue ON cards(deck_id, state, due, buried_until) WHERE retired = 0 AND suspended = 0;
        CREATE INDEX cards_deck ON cards(deck_id, retired);
        CREATE INDEX cards_new ON cards(deck_id, ord) WHERE retired = 0 AND suspended = 0 AND state = 0;
        CREATE TABLE review_log (
          id          INTEGER PRIMARY KEY,
          card_id     INTEGER NOT NULL REFERENCES cards(id),
          rating      INTEGER NOT NULL,
          state       INTEGER NOT NULL,
          card_before TEXT NOT NULL,
          reviewed_at INTEGER NOT NULL,
          duration_ms INTEGER NOT NULL
        );
        CREATE INDEX review_log_time ON review_log(reviewed_at);
        CREATE INDEX review_log_card ON review_log(card_id);
      `);
    },
  },
  {
    version: 2,
    why: 'drills record what was typed and whether it was right; settings move into the database',
    up: (db) => {
      db.exec(`
        ALTER TABLE review_log ADD COLUMN typed TEXT;
        ALTER TABLE review_log ADD COLUMN correct INTEGER;
        CREATE TABLE settings (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 3,
    why: "an exercise keeps the learner's code between visits",
    up: (db) => {
      db.exec(`
        CREATE TABLE drafts (
          card_id  INTEGER PRIMARY KEY REFERENCES cards(id),
          code     TEXT NOT NULL,
          saved_at INTEGER NOT NULL
        );
      `);
    },
  },
  {
    version: 4,
    why: 'undo covers bury, suspend and forget as well as answers; the card browser searches plain-text columns; unchanged deck files are not parsed again',
    up: (db) => {
      db.exec(`
        CREATE TABLE undo_steps (
          id          INTEGER PRIMARY KEY,
          card_id     INTEGER NOT NULL REFERENCES cards(id),
          action      TEXT NOT NULL,
          done_at     INTEGER NOT NULL,
          card_before TEXT NOT NULL,
          log_id      INTEGER
        );
        CREATE INDEX undo_steps_time ON undo_steps(done_at);
        ALTER TABLE cards ADD COLUMN search TEXT NOT NULL DEFAULT '';
        ALTER TABLE cards ADD COLUMN tags TEXT NOT NULL DEFAULT '';
        -- What a deck's file held when last loaded (a hash), so an unchanged file is not parsed again.
        ALTER TABLE decks ADD COLUMN source_hash TEXT;
      `);
      // Cards already stored get their search text now; loading decks keeps it current after.
      const rows = db.prepare<[], { id: number; key: string; content: string }>('SELECT id, key, content FROM cards').all();
      const set = db.prepare<[string, string, number]>('UPDATE cards SET search = ?, tags = ? WHERE id = ?');
      for (const r of rows) set.run(searchText(r.key, r.content), tagColumn(r.content), r.id);
      // The browser finds words through a full-text index over that column (word prefixes: "gorou"
      // finds "goroutine") of the cards not retired, kept in step by triggers (cards are retired,
      // never deleted, but a delete is handled too), so that it alone counts a search by words.
      // Two- and three-letter prefixes are indexed too: "lo" would otherwise merge every word
      // starting with it. Its sorts walk an index each, so a page costs the same at any size,
      // and every index carries the columns the filters read, so neither a page nor a count ever
      // reads a card's row (whose text makes it a kilobyte or more).
      const filters = 'deck_id, kind, state, suspended, buried_until, tags';
      db.exec(`
        CREATE VIRTUAL TABLE cards_fts USING fts5(search, content='cards', content_rowid='id', tokenize='unicode61', prefix='2 3');
        INSERT INTO cards_fts(rowid, search) SELECT id, search FROM cards WHERE retired = 0;
        CREATE TRIGGER cards_fts_insert AFTER INSERT ON cards WHEN new.retired = 0 BEGIN
          INSERT INTO cards_fts(rowid, search) VALUES (new.id, new.search);
        END;
        CREATE TRIGGER cards_fts_unindex AFTER UPDATE OF search, retired ON cards WHEN old.retired = 0 BEGIN
          INSERT INTO cards_fts(cards_fts, rowid, search) VALUES ('delete', old.id, old.search);
        END;
        CREATE TRIGGER cards_fts_reindex AFTER UPDATE OF search, retired ON cards WHEN new.retired = 0 BEGIN
          INSERT INTO cards_fts(rowid, search) VALUES (new.id, new.search);
        END;
        CREATE TRIGGER cards_fts_delete AFTER DELETE ON cards WHEN old.retired = 0 BEGIN
          INSERT INTO cards_fts(cards_fts, rowid, search) VALUES ('delete', old.id, old.search);
        END;
        CREATE INDEX cards_browse_due ON cards(retired, (state = 0), due, id, ${filters});
        CREATE INDEX cards_browse_interval ON cards(retired, scheduled_days, id, ${filters});
        CREATE INDEX cards_browse_lapses ON cards(retired, lapses, id, ${filters});
        CREATE INDEX cards_browse_deck ON cards(retired, deck_id, ${filters});
      `);
    },
  },
  {
    version: 5,
    why: 'the word index lost a card whose update kept its words: SQLite ran the reindex trigger before the unindex one, which then took the words out again',
    up: (db) => {
      // One trigger, taking the old words out before putting the new ones in, then the index
      // made again from the cards not retired (what it would hold had it never lost any).
      db.exec(`
        DROP TRIGGER cards_fts_unindex;
        DROP TRIGGER cards_fts_reindex;
        CREATE TRIGGER cards_fts_update AFTER UPDATE OF search, retired ON cards BEGIN
          INSERT INTO cards_fts(cards_fts, rowid, search) SELECT 'delete', old.id, old.search WHERE old.retired = 0;
          INSERT INTO cards_fts(rowid, search) SELECT new.id, new.search WHERE new.retired = 0;
        END;
        INSERT INTO cards_fts(cards_fts) VALUES ('delete-all');
        INSERT INTO cards_fts(rowid, search) SELECT id, search FROM cards WHERE retired = 0;
      `);
    },
  },
];

export const currentVersion = migrations.length;

/** Applies the migrations after the database's version, each in its own transaction. */
export function migrate(db: Database.Database, upTo: number = currentVersion): void {
  const from = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= from || m.version > upTo) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
