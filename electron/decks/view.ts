// How a stored card is shown: the deck's fields turned into what the review screen needs.
// Drills carry every outcome their deck states and exercises their checks, in the same shapes
// the simulator works with, so the page can grade them.
import type { CardKind, CardState, CardView } from '../../api/contract.ts';
import type { CardRow } from '../store/cards.ts';
import { exerciseChecks, statedOutcomes, type DeckCard } from './format.ts';

export const defaultPredictPrompt = 'What does this program print?';
export const defaultCrashPrompt = 'What happens when this program runs? Type the first line Go prints.';

export function cardView(row: CardRow, draft: string | null = null): CardView {
  const c = JSON.parse(row.content) as DeckCard;
  const base = {
    id: row.id,
    key: row.key,
    deckId: row.deck_id,
    kind: row.kind as CardKind,
    tags: c.tags ?? [],
    state: row.state as CardState,
    due: new Date(row.due).toISOString(),
    reps: row.reps,
    lapses: row.lapses,
  };
  const none = { code: null, hint: null, predict: null, exercise: null };
  switch (c.kind) {
    case 'term':
      return { ...base, ...none, front: c.term, back: c.definition };
    case 'question':
      // Imported cards (electron/transfer/) carry `html: true` beside the deck-file fields.
      return { ...base, ...none, front: c.question, back: c.answer, ...((c as { html?: unknown }).html === true ? { html: true } : {}) };
    case 'predict': {
      const asks = c.asks ?? 'output';
      return {
        ...base,
        front: c.prompt ?? (asks === 'crash' ? defaultCrashPrompt : defaultPredictPrompt),
        back: '',
        code: c.code,
        hint: c.hint ?? null,
        predict: { asks, outcomes: statedOutcomes(c), explanation: c.explanation ?? '' },
        exercise: null,
      };
    }
    case 'exercise':
      return {
        ...base,
        front: c.task,
        back: '',
        code: c.starter,
        hint: c.hint ?? null,
        predict: null,
        exercise: { starter: c.starter, solution: c.solution, checks: exerciseChecks(c), draft },
      };
  }
}

/** A card's front as one short line of plain text, to name it in a list or a message. */
export function cardTitle(row: CardRow): string {
  const front = cardView(row).front;
  const line = front
    .split('\n')
    .map((l) => l.replace(/[`*_#>]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim())
    .find((l) => l !== '') ?? row.key;
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
