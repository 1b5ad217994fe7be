// Loading deck folders into the database. A card's key (`deck/card`) is what ties its review
// history to it, so editing a deck keeps the history; cards that leave the file are retired,
// never deleted, and come back with their history if they return.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DeckInfo, DeckLoadReport, DeckProblem } from '../api/contract.ts';
import { importedFilePrefix } from '../transfer/plan.ts';
import { parseDeck, type DeckFile } from './format.ts';

export interface DeckSource {
  dir: string;
  /** How files in this folder are named in messages, e.g. "decks" for the bundled folder. */
  label: string;
}

interface Found {
  file: string;
  label: string;
  deck: DeckFile;
}

function listYaml(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort();
}

function listSource(src: DeckSource, problems: DeckProblem[], failed: Set<string>): string[] {
  try {
    return listYaml(src.dir);
  } catch (err) {
    failed.add(src.dir);
    problems.push({ file: src.label, line: null, field: null, message: `this deck folder cannot be read: ${(err as Error).message}` });
    return [];
  }
}

export function readDecks(sources: DeckSource[]): {
  found: Found[];
  problems: DeckProblem[];
  failedFiles: Set<string>;
  failedDirs: Set<string>;
} {
  const found: Found[] = [];
  const problems: DeckProblem[] = [];
  const failedFiles = new Set<string>();
  const failedDirs = new Set<string>();
  const owner = new Map<string, string>();
  for (const src of sources) {
    for (const name of listSource(src, problems, failedDirs)) {
      const file = path.join(src.dir, name);
      const label = `${src.label}/${name}`;
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        problems.push({ file: label, line: null, field: null, message: `cannot be read: ${(err as Error).message}` });
        failedFiles.add(file);
        continue;
      }
      const outcome = parseDeck(text, label);
      if (!outcome.ok) {
        problems.push(...outcome.problems);
        failedFiles.add(file);
        continue;
      }
      // The first file to claim an id keeps it: sources in the order given (the bundled folder
      // before the learner's), files within a folder in name order, whatever was loaded before.
      const prior = owner.get(outcome.deck.id);
      if (prior !== undefined) {
        problems.push({
          file: label,
          line: outcome.deck.idLine,
          field: 'id',
          message: `deck id "${outcome.deck.id}" is already used by ${prior}; each deck needs its own id`,
        });
        failedFiles.add(file);
        continue;
      }
      owner.set(outcome.deck.id, label);
      found.push({ file, label, deck: outcome.deck });
    }
  }
  return { found, problems, failedFiles, failedDirs };
}

/** Brings the database in line with the deck files, in one transaction. */
export function syncDecks(db: Database.Database, sources: DeckSource[], now: number): DeckLoadReport {
  const { found, problems, failedFiles, failedDirs } = readDecks(sources);
  const unreadable = (file: string): boolean =>
    failedFiles.has(file) || [...failedDirs].some((dir) => file.startsWith(dir + path.sep));
  const upsertDeck = db.prepare<{ id: string; name: string; description: string; file: string; position: number }>(
    `INSERT INTO decks (id, name, description, file, position) VALUES (@id, @name, @description, @file, @position)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description,
       file = excluded.file, position = excluded.position`,
  );
  const upsertCard = db.prepare<{ key: string; deck: string; ord: number; kind: string; content: string; due: number }>(
    `INSERT INTO cards (key, deck_id, ord, kind, content, due) VALUES (@key, @deck, @ord, @kind, @content, @due)
     ON CONFLICT(key) DO UPDATE SET ord = excluded.ord, kind = excluded.kind, content = excluded.content, retired = 0`,
  );
  const keysOf = db.prepare<[string], { key: string }>('SELECT key FROM cards WHERE deck_id = ? AND retired = 0');
  const retire = db.prepare<[string]>('UPDATE cards SET retired = 1 WHERE key = ?');
  const knownDecks = db.prepare<[], { id: string; file: string }>('SELECT id, file FROM decks');
  const retireDeck = db.prepare<[string]>('UPDATE cards SET retired = 1 WHERE deck_id = ?');

  db.transaction(() => {
    found.forEach(({ file, deck }, position) => {
      upsertDeck.run({ id: deck.id, name: deck.name, description: deck.description, file, position });
      const present = new Set<string>();
      deck.cards.forEach(({ card }, ord) => {
        const key = `${deck.id}/${card.id}`;
        present.add(key);
        upsertCard.run({ key, deck: deck.id, ord, kind: card.kind, content: JSON.stringify(card), due: now });
      });
      for (const { key } of keysOf.all(deck.id)) if (!present.has(key)) retire.run(key);
    });
    // A deck whose file is gone is retired as a whole; one whose file (or folder) is merely
    // broken or unreadable is left exactly as it was until that is fixed. Imported decks
    // (Anki, text files) have no deck file and are never retired here.
    const loaded = new Set(found.map((f) => f.deck.id));
    for (const d of knownDecks.all()) {
      if (!loaded.has(d.id) && !unreadable(d.file) && !d.file.startsWith(importedFilePrefix)) retireDeck.run(d.id);
    }
  })();
  return { decks: listDecks(db, new Set(found.map((f) => f.deck.id))), problems };
}

export function listDecks(db: Database.Database, only?: Set<string>): DeckInfo[] {
  const rows = db
    .prepare<[], DeckInfo>(
      `SELECT d.id AS id, d.name AS name, d.file AS file, d.description AS description,
         COALESCE(SUM(c.retired = 0), 0) AS cardCount,
         COALESCE(SUM(c.retired = 1), 0) AS retiredCount,
         COALESCE(SUM(c.retired = 0 AND c.suspended = 1), 0) AS suspendedCount
       FROM decks d LEFT JOIN cards c ON c.deck_id = d.id
       GROUP BY d.id ORDER BY d.position, d.id`,
    )
    .all();
  return rows.filter((d) => (only ? only.has(d.id) : d.cardCount > 0));
}
