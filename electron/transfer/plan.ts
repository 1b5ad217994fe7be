// What an import would do, worked out in full before anything is written: the preview shows
// it, Import writes exactly it in one transaction, Cancel throws it away.
import type { Rating } from '../../api/contract.ts';

/** How a card came to be: from which kind of Anki note, or from a text or deck file. */
export type NoteKind = 'basic' | 'reversed' | 'cloze' | 'other' | 'text' | 'deck';

export interface PlannedReview {
  /** When it was answered, ms since the epoch. */
  at: number;
  rating: Rating;
  durationMs: number;
}

export interface PlannedCard {
  key: string;
  deckId: string;
  noteKind: NoteKind;
  /** Stored content (the card's JSON), already in the shape cardView reads. */
  content: string;
  kind: 'question';
  front: string;
  back: string;
  suspended: boolean;
  /** Oldest first. */
  reviews: PlannedReview[];
}

export interface PlannedDeck {
  id: string;
  name: string;
  description: string;
  /** What the decks table's `file` column says: `imported:<file name>`. */
  file: string;
}

export interface PlannedMedia {
  /** The name it gets in the data folder's media/ (content hash + extension). */
  stored: string;
  bytes: Uint8Array;
}

/** Something in the file that stops the import; `place` is the file and entry, line or note. */
export interface ImportProblem {
  place: string;
  message: string;
}

export interface ImportPlan {
  file: string;
  format: 'apkg' | 'csv';
  decks: PlannedDeck[];
  cards: PlannedCard[];
  media: PlannedMedia[];
  problems: ImportProblem[];
  /** Worth knowing but not wrong: sounds shown as text, cards without history. */
  notices: string[];
}

/** Imported decks carry this prefix in `decks.file`; deck files never do, so reloads leave them alone. */
export const importedFilePrefix = 'imported:';

/**
 * A deck id for an imported deck. The colon can never appear in a deck file's id
 * (`[a-z0-9-]+`), so an imported deck and a deck file never claim the same id.
 */
export function importedDeckId(source: string, name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${source}:${slug || 'deck'}`;
}

export function emptyPlan(file: string, format: ImportPlan['format']): ImportPlan {
  return { file, format, decks: [], cards: [], media: [], problems: [], notices: [] };
}

/** The deck id for a deck name, adding the deck to the plan the first time the name is seen. */
export function deckAdder(plan: ImportPlan, source: string): (name: string) => string {
  const ids = new Map<string, string>();
  return (name) => {
    let id = ids.get(name);
    if (!id) {
      id = importedDeckId(source, name);
      ids.set(name, id);
      if (!plan.decks.some((d) => d.id === id)) plan.decks.push({ id, name, description: `Imported from ${plan.file}.`, file: `${importedFilePrefix}${plan.file}` });
    }
    return id;
  };
}
