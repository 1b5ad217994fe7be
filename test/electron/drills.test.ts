// Drills and exercises on the backend's side: the deck fields that say every outcome a program
// can have and what an exercise checks, how a card carries them to the page, and the learner's
// code kept per exercise between visits.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import type { Backend } from '../../electron/backend.ts';
import { exerciseChecks, formatProblem, parseDeck, statedOutcomes, type DeckCard } from '../../electron/decks/format.ts';
import { cleanTemp, tempDir, testBackend } from './helpers.ts';

afterAll(cleanTemp);

const header = 'format: 1\nid: x\nname: X\ncards:\n';
const program = '      package main\n\n      func main() {}\n';

function problems(cards: string): string[] {
  const out = parseDeck(header + cards, 'decks/t.yaml');
  return out.ok ? [] : out.problems.map(formatProblem);
}

function only<K extends DeckCard['kind']>(cards: string, kind: K): DeckCard & { kind: K } {
  const out = parseDeck(header + cards, 'decks/t.yaml');
  if (!out.ok) throw new Error(out.problems.map(formatProblem).join('\n'));
  const c = out.deck.cards[0]!.card;
  if (c.kind !== kind) throw new Error(`got ${c.kind}`);
  return c as DeckCard & { kind: K };
}

describe('predict cards state every outcome', () => {
  it('one outcome with output (and a crash), or several with outcomes', () => {
    const one = only(`  - id: a\n    kind: predict\n    code: |\n${program}    output: "x\\n"\n    crash: "panic: boom"\n`, 'predict');
    expect(statedOutcomes(one)).toEqual([{ stdout: 'x\n', crash: 'panic: boom' }]);
    const two = only(
      `  - id: a\n    kind: predict\n    code: |\n${program}    outcomes:\n      - output: "a\\n"\n      - output: ""\n        crash: "fatal error: all goroutines are asleep - deadlock!"\n`,
      'predict',
    );
    expect(statedOutcomes(two)).toEqual([
      { stdout: 'a\n', crash: null },
      { stdout: '', crash: 'fatal error: all goroutines are asleep - deadlock!' },
    ]);
  });

  it.each([
    ['neither output nor outcomes', '', 'decks/t.yaml:5: cards[0].output: give either output (one outcome) or outcomes (several), not both and not neither'],
    ['both', '    output: ""\n    outcomes:\n      - output: ""\n', 'decks/t.yaml:11: cards[0].output: give either output (one outcome) or outcomes (several), not both and not neither'],
    ['a crash that is not a crash line', '    output: ""\n    crash: "deadlock"\n', 'decks/t.yaml:12: cards[0].crash: must be the first line of a Go crash report, starting with "panic: " or "fatal error: "'],
    ['a crash drill without the crash', '    asks: crash\n    output: ""\n', 'decks/t.yaml:11: cards[0].asks: a "crash" drill needs the crash line of every outcome'],
    ['an outcome listed twice', '    outcomes:\n      - output: "a\\n"\n      - output: "b\\n"\n      - output: "a\\n"\n', 'decks/t.yaml:14: cards[0].outcomes[2]: this outcome is listed twice; each way the program can end goes in once'],
  ])('refuses %s, naming the field', (_what, fields, message) => {
    expect(problems(`  - id: a\n    kind: predict\n    code: |\n${program}${fields}`)).toEqual([message]);
  });
});

describe('exercise checks', () => {
  const exercise = (checks: string) => `  - id: e\n    kind: exercise\n    task: T\n    starter: ""\n    solution: |\n${program}    checks:\n${checks}`;

  it('become one check per condition, lists expanded, in the deck’s order', () => {
    const e = only(exercise('      - output: ["a\\n", "b\\n"]\n        exit: 0\n      - uses: [go, select]\n      - avoids: sleep\n      - noDeadlock: true\n        noLeaks: true\n      - maxSteps: 500\n'), 'exercise');
    expect(exerciseChecks(e)).toEqual([
      { kind: 'output', expected: ['a\n', 'b\n'] },
      { kind: 'exit', code: 0 },
      { kind: 'uses', construct: 'go' },
      { kind: 'uses', construct: 'select' },
      { kind: 'avoids', construct: 'sleep' },
      { kind: 'noDeadlock' },
      { kind: 'noLeaks' },
      { kind: 'maxSteps', steps: 500 },
    ]);
  });

  it('names an unknown construct and lists the known ones', () => {
    const [msg] = problems(exercise('      - uses: goroutine\n'));
    expect(msg).toBe(
      'decks/t.yaml:14: cards[0].checks[0].uses: must be one of go, channel, buffered-channel, select, close, mutex, waitgroup, once, atomic, context, sleep, or a list of them',
    );
  });

  it('refuses an empty check and a misspelt key', () => {
    expect(problems(exercise('      - {}\n'))).toEqual([
      'decks/t.yaml:14: cards[0].checks[0]: a check needs one of output, exit, noDeadlock, noLeaks, uses, avoids, maxSteps',
    ]);
    // The misspelt key is named, and so are the right ones.
    expect(problems(exercise('      - noleaks: true\n'))).toEqual([
      'decks/t.yaml:14: cards[0].checks[0].noleaks: unknown field for kind "exercise" (check the spelling)',
      'decks/t.yaml:14: cards[0].checks[0]: a check needs one of output, exit, noDeadlock, noLeaks, uses, avoids, maxSteps',
    ]);
  });
});

describe('cards on their way to the page', () => {
  it('a predict card carries its program, its outcomes and what it asks; an exercise its checks and starter', async () => {
    const b = testBackend(tempDir());
    const db = new Database(b.dbPath, { readonly: true });
    const idOf = (key: string) => (db.prepare('SELECT id FROM cards WHERE key = ?').get(key) as { id: number }).id;
    // Answer the first two cards so the drill and the exercise come up.
    for (let i = 0; i < 2; i++) {
      const c = (await b.nextCard({}))!.card;
      await b.bury({ cardId: c.id });
    }
    const drill = (await b.nextCard({}))!.card;
    expect(drill.id).toBe(idOf('basics/unbuffered-handoff'));
    expect(drill.predict).toEqual({ asks: 'output', outcomes: [{ stdout: '1\n', crash: null }], explanation: 'The receive waits for the send.' });
    expect(drill.code).toContain('fmt.Println(<-ch)');
    expect(drill.exercise).toBeNull();
    await b.bury({ cardId: drill.id });
    const ex = (await b.nextCard({}))!.card;
    expect(ex.exercise).toEqual({
      starter: 'package main\n\nfunc main() {}\n',
      solution: expect.stringContaining('fmt.Println("done")'),
      checks: [{ kind: 'output', expected: ['done\n'] }, { kind: 'noLeaks' }],
      draft: null,
    });
    db.close();
    b.close();
  });
});

describe("the learner's code for an exercise", () => {
  async function exerciseCard(b: Backend) {
    for (;;) {
      const next = await b.nextCard({});
      if (!next) throw new Error('no exercise in the fixture deck');
      if (next.card.kind === 'exercise') return next.card;
      await b.bury({ cardId: next.card.id });
    }
  }

  it('is kept across visits and restarts, replaced as it changes, and forgotten on reset', async () => {
    const dir = tempDir();
    let b = testBackend(dir);
    const card = await exerciseCard(b);
    expect(await dispatch(b, 'saveDraft', { cardId: card.id, code: 'package main // one' })).toEqual({ status: 200, body: { result: { saved: true } } });
    await b.saveDraft({ cardId: card.id, code: 'package main // two' });
    b.close();

    b = testBackend(dir);
    expect((await exerciseCard(b)).exercise!.draft).toBe('package main // two');
    await b.saveDraft({ cardId: card.id, code: null });
    expect((await exerciseCard(b)).exercise!.draft).toBeNull();
    const db = new Database(path.join(dir, 'progress.db'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM drafts').get()).toEqual({ n: 0 });
    db.close();
    b.close();
  });

  it('is refused for a card that is not an exercise, or does not exist, with the reason', async () => {
    const b = testBackend(tempDir());
    const term = (await b.nextCard({}))!.card;
    const wrongKind = await dispatch(b, 'saveDraft', { cardId: term.id, code: 'x' });
    expect(wrongKind.status).toBe(409);
    expect(JSON.stringify(wrongKind.body)).toContain('not an exercise');
    const missing = await dispatch(b, 'saveDraft', { cardId: 999_999, code: 'x' });
    expect(missing.status).toBe(404);
    const tooBig = await dispatch(b, 'saveDraft', { cardId: term.id, code: 'x'.repeat(262_145) });
    expect(tooBig.status).toBe(400);
    b.close();
  });
});
