// What the learner can take out of the app besides the progress file: the review log as the
// CSV the FSRS optimizer reads, any deck as a deck file, and a copy of the whole database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { stringify } from 'yaml';

/**
 * card_id, review_time (ms), review_rating (1-4), review_state (the card's state when
 * answered: 0 new, 1 learning, 2 review, 3 relearning), review_duration (ms): the columns
 * fsrs-rs's convertCsvToFsrsItems reads.
 */
export function reviewLogCsv(db: Database.Database): string {
  const out = ['card_id,review_time,review_rating,review_state,review_duration'];
  const rows = db.prepare('SELECT card_id, reviewed_at, rating, state, duration_ms FROM review_log ORDER BY card_id, reviewed_at, id').raw().iterate() as IterableIterator<number[]>;
  for (const r of rows) out.push(r.join(','));
  return out.join('\n') + '\n';
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'deck';
}

/** A deck in the deck-file format (docs/deck-format.md), whether it came from a file or an import. */
export function deckYaml(db: Database.Database, deckId: string): { name: string; text: string } | null {
  const deck = db.prepare<[string], { id: string; name: string; description: string }>('SELECT id, name, description FROM decks WHERE id = ?').get(deckId);
  if (!deck) return null;
  const rows = db.prepare<[string], { key: string; content: string }>('SELECT key, content FROM cards WHERE deck_id = ? AND retired = 0 ORDER BY ord').all(deckId);
  const used = new Set<string>();
  const cards = rows.map((r) => {
    const c = JSON.parse(r.content) as Record<string, unknown>;
    const imported = c.html === true;
    delete c.html;
    if (imported || typeof c.id !== 'string' || !/^[a-z0-9-]+$/.test(c.id)) {
      // Imported cards get ids the format accepts, made from their key so they stay the same.
      let id = `card-${slug(r.key.split(':').pop() ?? r.key).slice(0, 40)}`;
      for (let n = 2; used.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
      c.id = id;
    }
    used.add(c.id as string);
    if (Array.isArray(c.tags) && c.tags.length === 0) delete c.tags;
    return c;
  });
  const doc: Record<string, unknown> = { format: 1, id: /^[a-z0-9-]+$/.test(deck.id) ? deck.id : slug(deck.id), name: deck.name };
  if (deck.description) doc.description = deck.description;
  doc.cards = cards;
  return { name: `${doc.id as string}.yaml`, text: stringify(doc, { lineWidth: 0 }) };
}

/** A consistent copy of the live database (SQLite's online backup), taken while the app runs. */
export async function backupDatabase(db: Database.Database, target: string): Promise<void> {
  const temp = `${target}.part-${process.pid}`;
  await db.backup(temp);
  fs.renameSync(temp, target);
}

/** The backup as bytes, for the web host's download. */
export async function databaseBytes(db: Database.Database): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trainer-backup-'));
  try {
    const file = path.join(dir, 'progress.db');
    await backupDatabase(db, file);
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
