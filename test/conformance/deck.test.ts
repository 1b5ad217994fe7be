// The bundled deck through gosim, the way the app checks learners: every predict card's
// program must print the card's answer, and every exercise's reference solution must pass its
// own checks. The answers themselves are verified against real Go by verify-deck-outputs.mjs.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRun, type RunFn } from './gosim-api.ts';

interface Check {
  output?: string;
  noLeaks?: boolean;
}
interface Card {
  id: string;
  kind: string;
  code?: string;
  output?: string;
  solution?: string;
  checks?: Check[];
}

const deckUrl = new URL('../../decks/go-concurrency.yaml', import.meta.url);
const deck = parse(readFileSync(deckUrl, 'utf8')) as { cards: Card[] };
let run: RunFn;

beforeAll(async () => {
  run = await loadRun();
});

describe('go-concurrency deck: predict cards', () => {
  for (const card of deck.cards.filter((c) => c.kind === 'predict')) {
    it(card.id, () => {
      const got = run(card.code ?? '', { filename: 'prog.go', seed: 1 });
      expect(got.stdout, got.stderr).toBe(card.output);
    });
  }
});

describe('go-concurrency deck: exercise solutions pass their checks', () => {
  for (const card of deck.cards.filter((c) => c.kind === 'exercise')) {
    it(card.id, () => {
      const got = run(card.solution ?? '', { filename: 'prog.go', seed: 1 });
      expect(got.exitCode, got.stderr).toBe(0);
      for (const check of card.checks ?? []) {
        if (check.output !== undefined) expect(got.stdout).toBe(check.output);
        if (check.noLeaks) expect(got.leaks).toEqual([]);
      }
    });
  }
});
