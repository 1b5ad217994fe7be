// One of our own deck files (docs/deck-format.md) offered for import: validated exactly as the
// loader validates it, then copied into the data folder's decks/ and loaded, so a newer version
// of a deck updates its cards by key and every card keeps its history.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { parseDeck, type DeckFile } from '../decks/format.ts';
import { megabytes, type ImportLimits } from './limits.ts';
import type { ImportProblem } from './plan.ts';
import { BadFile } from './zip.ts';

/** A deck file is text a person writes; anything bigger is not one. */
export const maxDeckFileBytes = 8 * 1024 * 1024;

export interface DeckImport {
  text: string;
  deck: DeckFile;
  /** Where it will be written: the learner's file for this deck if it has one, else a new one. */
  target: string;
  /** Keys of the deck's cards now in the collection and not retired. */
  present: Set<string>;
}

export function readDeckFile(bytes: Uint8Array, file: string, limits: ImportLimits): { deck: DeckFile; text: string } | { problems: ImportProblem[] } {
  if (bytes.length > maxDeckFileBytes) throw new BadFile(file, `is ${megabytes(bytes.length)}; a deck file may be at most ${megabytes(maxDeckFileBytes)}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadFile(file, 'is not valid UTF-8 text; save it as UTF-8');
  }
  let outcome;
  try {
    outcome = parseDeck(text, file);
  } catch (err) {
    // The YAML library refuses documents whose aliases expand past its limit ("alias bomb").
    throw new BadFile(file, `cannot be read as a deck: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!outcome.ok) return { problems: outcome.problems.map((p) => ({ place: `${p.file}${p.line !== null ? `:${p.line}` : ''}`, message: `${p.field ? `${p.field}: ` : ''}${p.message}` })) };
  if (outcome.deck.cards.length > limits.maxNotes) throw new BadFile(file, `has ${outcome.deck.cards.length} cards; a deck may have at most ${limits.maxNotes}`);
  return { deck: outcome.deck, text };
}

/** Where the deck goes, or why it cannot: a deck id that a bundled deck owns is refused. */
export function placeDeck(db: Database.Database, deck: DeckFile, ownDir: string, file: string): { target: string; present: Set<string> } {
  const owner = db.prepare<[string], { file: string }>('SELECT file FROM decks WHERE id = ?').get(deck.id);
  const present = new Set(
    db.prepare<[string], { key: string }>('SELECT key FROM cards WHERE deck_id = ? AND retired = 0').all(deck.id).map((r) => r.key),
  );
  if (owner && path.resolve(path.dirname(owner.file)) === path.resolve(ownDir)) return { target: owner.file, present };
  if (owner && fs.existsSync(owner.file)) {
    throw new BadFile(`${file}: id`, `deck id "${deck.id}" belongs to the bundled deck ${path.basename(owner.file)}; give your deck its own id`);
  }
  let target = path.join(ownDir, `${deck.id}.yaml`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(ownDir, `${deck.id}-${n}.yaml`);
  return { target, present };
}

export function writeDeckFile(target: string, text: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.part-${process.pid}`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, target);
}
