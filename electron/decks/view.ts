// How a stored card is shown. Until the simulator is wired into review, predict and exercise
// cards are reviewed as question and answer, so their back carries the output or solution.
import type { CardKind, CardState, CardView } from '../api/contract.ts';
import type { CardRow } from '../store/cards.ts';
import type { DeckCard } from './format.ts';

export const defaultPredictPrompt = 'What does this program print?';

function fence(lang: string, body: string): string {
  const ticks = body.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${body.endsWith('\n') ? body : body + '\n'}${ticks}`;
}

export function cardView(row: CardRow): CardView {
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
  switch (c.kind) {
    case 'term':
      return { ...base, front: c.term, back: c.definition, code: null, expectedOutput: null, hint: null, solution: null };
    case 'question':
      return { ...base, front: c.question, back: c.answer, code: null, expectedOutput: null, hint: null, solution: null };
    case 'predict':
      return {
        ...base,
        front: c.prompt ?? defaultPredictPrompt,
        back: [fence('text', c.output), c.explanation ?? ''].filter(Boolean).join('\n\n'),
        code: c.code,
        expectedOutput: c.output,
        hint: c.hint ?? null,
        solution: null,
      };
    case 'exercise':
      return {
        ...base,
        front: c.task,
        back: fence('go', c.solution),
        code: c.starter,
        expectedOutput: c.checks.find((k) => k.output !== undefined)?.output ?? null,
        hint: c.hint ?? null,
        solution: c.solution,
      };
  }
}
