import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, parseDeck } from '../../electron/decks/format.ts';
import { syncDecks } from '../../electron/decks/load.ts';
import { openDatabase } from '../../electron/store/open.ts';
import { cleanTemp, deckFolders, fixedMorning, fixtureDecks, fixtures, tempDir, termDeck, testBackend } from './helpers.ts';

afterAll(cleanTemp);

const broken = path.join(fixtures, 'broken');

function problemsOf(name: string): string[] {
  const text = fs.readFileSync(path.join(broken, name), 'utf8');
  const out = parseDeck(text, `decks/${name}`);
  if (out.ok) throw new Error(`${name} was accepted`);
  return out.problems.map(formatProblem);
}

describe('deck validation', () => {
  it('accepts the fixture deck with all four kinds', () => {
    const out = parseDeck(fs.readFileSync(path.join(fixtureDecks, 'basics.yaml'), 'utf8'), 'decks/basics.yaml');
    expect(out.ok).toBe(true);
    if (out.ok) {
      expect(out.deck.cards.map((c) => c.card.kind)).toEqual(['term', 'question', 'predict', 'exercise', 'term']);
      expect(out.deck.cards[0]!.line).toBe(6);
    }
  });

  it('names the line of a YAML syntax error', () => {
    const [msg] = problemsOf('bad-yaml.yaml');
    expect(msg).toMatch(/^decks\/bad-yaml\.yaml:(7|8|9): YAML syntax: /);
  });

  it('names file, line and field of a missing field', () => {
    expect(problemsOf('missing-field.yaml')).toEqual(['decks/missing-field.yaml:13: cards[2].code: required for kind "predict"']);
  });

  it('lists the kinds when one is wrong', () => {
    expect(problemsOf('wrong-kind.yaml')).toEqual([
      'decks/wrong-kind.yaml:6: cards[0].kind: must be one of term, question, predict, exercise (got "flashcard")',
    ]);
  });

  it('names both lines of a duplicate card id', () => {
    expect(problemsOf('duplicate.yaml')).toEqual([
      'decks/duplicate.yaml:10: cards[1].id: duplicate card id "mutex" (first used on line 5); card ids must be unique in a deck',
    ]);
  });

  it('catches a misspelt field rather than ignoring it', () => {
    const msgs = problemsOf('typo.yaml');
    expect(msgs).toContain('decks/typo.yaml:8: cards[0].anwser: unknown field for kind "question" (check the spelling)');
    expect(msgs).toContain('decks/typo.yaml:5: cards[0].answer: required for kind "question"');
  });

  it('checks the deck header', () => {
    const out = parseDeck('format: 2\nid: Bad Id\ncards: []\n', 'decks/h.yaml');
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.problems.map(formatProblem)).toEqual([
        'decks/h.yaml:1: format: must be 1 (the only deck format so far)',
        'decks/h.yaml:2: id: use only a-z, 0-9 and "-"',
        'decks/h.yaml:1: name: required',
      ]);
    }
  });

  it.each([
    ['an empty file', '', 'decks/t.yaml:1: a deck file is a mapping with format, id, name and cards (see docs/deck-format.md)'],
    ['cards that are not a list', 'format: 1\nid: x\nname: X\ncards: 3\n', 'decks/t.yaml:4: cards: must be a list'],
    ['a card that is a string', 'format: 1\nid: x\nname: X\ncards:\n  - hello\n', 'decks/t.yaml:5: cards[0]: each card must be a mapping with id and kind'],
    ['a number where text belongs', 'format: 1\nid: x\nname: X\ncards:\n  - id: a\n    kind: term\n    term: 42\n    definition: D\n', 'decks/t.yaml:7: cards[0].term: must be text'],
    ['an exercise without checks', 'format: 1\nid: x\nname: X\ncards:\n  - id: a\n    kind: exercise\n    task: T\n    starter: s\n    solution: S\n    checks: []\n', 'decks/t.yaml:10: cards[0].checks: needs at least one entry'],
    ['a repeated key', 'format: 1\nid: x\nname: X\nname: Y\ncards: []\n', 'decks/t.yaml:4: YAML syntax: Map keys must be unique'],
  ])('explains %s', (_what, text, message) => {
    const out = parseDeck(text, 'decks/t.yaml');
    expect(out.ok ? [] : out.problems.map(formatProblem)).toEqual([message]);
  });

  it('loads the good decks of a folder when others in it are broken', async () => {
    const dir = tempDir();
    const bundled = path.join(dir, 'bundled');
    fs.mkdirSync(bundled);
    for (const f of fs.readdirSync(broken)) fs.copyFileSync(path.join(broken, f), path.join(bundled, f));
    fs.copyFileSync(path.join(fixtureDecks, 'basics.yaml'), path.join(bundled, 'basics.yaml'));
    const b = testBackend(dir, bundled);
    const report = await b.reloadDecks({});
    expect(report.decks.map((d) => d.id)).toEqual(['basics']);
    expect(new Set(report.problems.map((p) => path.basename(p.file)))).toEqual(
      new Set(['bad-yaml.yaml', 'duplicate.yaml', 'missing-field.yaml', 'typo.yaml', 'wrong-kind.yaml']),
    );
    expect((await b.status({})).deckProblems).toEqual(report.problems);
    // Every problem names a line a person can go to.
    for (const p of report.problems) expect(p.line, formatProblem(p)).toBeGreaterThan(0);
    b.close();
  });
});

describe('reloading decks', () => {
  it('keeps history on edited cards, retires removed ones and brings them back', async () => {
    const dataDir = tempDir();
    const bundled = path.join(dataDir, 'bundled');
    fs.mkdirSync(bundled);
    const file = path.join(bundled, 'basics.yaml');
    const original = fs.readFileSync(path.join(fixtureDecks, 'basics.yaml'), 'utf8');
    fs.writeFileSync(file, original);
    const b = testBackend(dataDir, bundled);
    const goroutine = (await b.nextCard({}))!.card;
    expect(goroutine.key).toBe('basics/goroutine');
    await b.answer({ cardId: goroutine.id, rating: 4, durationMs: 10 });

    // Edit the text of the answered card and drop the question card.
    const edited = original
      .replace('A function running concurrently', 'A function that runs concurrently')
      .replace(/  - id: channel-vs-mutex[\s\S]*?(?=  - id: unbuffered-handoff)/, '');
    fs.writeFileSync(file, edited);
    const report = await b.reloadDecks({});
    expect(report.problems).toEqual([]);
    expect(report.decks[0]).toMatchObject({ cardCount: 4, retiredCount: 1 });

    const db = new Database(path.join(dataDir, 'progress.db'), { readonly: true });
    const card = db.prepare("SELECT * FROM cards WHERE key = 'basics/goroutine'").get() as Record<string, number | string>;
    expect(card.id).toBe(goroutine.id);
    expect(card.state).toBe(2);
    expect(String(card.content)).toContain('A function that runs concurrently');
    expect(db.prepare('SELECT COUNT(*) AS n FROM review_log WHERE card_id = ?').get(goroutine.id)).toEqual({ n: 1 });
    const retired = db.prepare("SELECT retired FROM cards WHERE key = 'basics/channel-vs-mutex'").get();
    expect(retired).toEqual({ retired: 1 });

    // A retired card never shows up in the queue.
    const shown = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const next = await b.nextCard({});
      if (!next) break;
      shown.add(next.card.key);
      await b.answer({ cardId: next.card.id, rating: 4, durationMs: 1 });
    }
    expect(shown.has('basics/channel-vs-mutex')).toBe(false);
    expect((await b.today({})).decks[0]!.newCount).toBe(0);

    fs.writeFileSync(file, original);
    await b.reloadDecks({});
    expect(db.prepare("SELECT retired FROM cards WHERE key = 'basics/channel-vs-mutex'").get()).toEqual({ retired: 0 });
    expect((await b.today({})).decks[0]!.newCount).toBe(1);

    // A broken edit leaves the deck as it was instead of retiring everything.
    fs.writeFileSync(file, original.replace('kind: question', 'kind: quiz'));
    const bad = await b.reloadDecks({});
    expect(bad.problems[0]?.message).toContain('quiz');
    expect(db.prepare('SELECT COUNT(*) AS n FROM cards WHERE retired = 0').get()).toEqual({ n: 5 });

    // A deleted file retires its cards but keeps their history.
    fs.rmSync(file);
    await b.reloadDecks({});
    expect(db.prepare('SELECT COUNT(*) AS n FROM cards WHERE retired = 0').get()).toEqual({ n: 0 });
    expect((db.prepare('SELECT COUNT(*) AS n FROM review_log').get() as { n: number }).n).toBeGreaterThan(1);
    expect((await b.today({})).decks).toEqual([]);
    db.close();
    b.close();
  });

  it('keeps the learner\'s decks when their folder cannot be read, and says so', async () => {
    const dataDir = tempDir();
    const own = path.join(dataDir, 'decks');
    fs.mkdirSync(own);
    fs.writeFileSync(path.join(own, 'mine.yaml'), 'format: 1\nid: mine\nname: Mine\ncards:\n  - id: a\n    kind: question\n    question: Q?\n    answer: A.\n');
    const b = testBackend(dataDir);
    expect((await b.listDecks({})).map((d) => d.id)).toEqual(['basics', 'mine']);
    // The folder is replaced by a file: unreadable as a folder, so nothing in it may be retired.
    fs.rmSync(own, { recursive: true });
    fs.writeFileSync(own, 'oops');
    const report = await b.reloadDecks({});
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringContaining('deck folder cannot be read')]);
    expect((await b.listDecks({})).map((d) => d.id)).toEqual(['basics', 'mine']);
    b.close();
  });

  it('loads the learner\'s own decks from <dataDir>/decks beside the bundled ones', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'decks'));
    fs.writeFileSync(
      path.join(dataDir, 'decks', 'mine.yaml'),
      'format: 1\nid: mine\nname: Mine\ncards:\n  - id: a\n    kind: question\n    question: Q?\n    answer: A.\n',
    );
    const b = testBackend(dataDir);
    expect((await b.listDecks({})).map((d) => d.id)).toEqual(['basics', 'mine']);
    b.close();
  });
});

describe('two deck files with the same id', () => {
  const folders = deckFolders;

  /** Every deck and card row, to show a load changed nothing. */
  function snapshot(dataDir: string): unknown {
    const db = new Database(path.join(dataDir, 'progress.db'), { readonly: true });
    try {
      return {
        decks: db.prepare('SELECT * FROM decks ORDER BY id').all(),
        cards: db.prepare('SELECT * FROM cards ORDER BY key').all(),
      };
    } finally {
      db.close();
    }
  }

  // The id sits on line 4 here, below two comments, so the reported line is really the id's.
  const commented = (id: string) => termDeck(3, id).replace('format: 1\n', 'format: 1\n# a copy\n# of a deck\n');

  it('keeps the first file in name order, folder by folder, and refuses the others, naming their id line and that file', () => {
    const { dataDir, bundled, own } = folders();
    fs.writeFileSync(path.join(bundled, 'b.yaml'), commented('shared'));
    fs.writeFileSync(path.join(bundled, 'a.yml'), termDeck(2, 'shared'));
    fs.writeFileSync(path.join(bundled, 'Z.yaml'), termDeck(1, 'shared'));
    fs.writeFileSync(path.join(own, 'a.yaml'), termDeck(4, 'shared'));
    const opened = openDatabase(path.join(dataDir, 'progress.db'));
    if (!opened.ok) throw new Error(opened.problem);
    const sources = [
      { dir: bundled, label: 'decks' },
      { dir: own, label: 'my-decks' },
    ];
    const report = syncDecks(opened.db, sources, fixedMorning().getTime());
    opened.db.close();
    expect(report.decks.map((d) => [d.id, d.file, d.cardCount])).toEqual([['shared', path.join(bundled, 'Z.yaml'), 1]]);
    expect(report.problems.map(formatProblem)).toEqual([
      'decks/a.yml:2: id: deck id "shared" is already used by decks/Z.yaml; each deck needs its own id',
      'decks/b.yaml:4: id: deck id "shared" is already used by decks/Z.yaml; each deck needs its own id',
      'my-decks/a.yaml:2: id: deck id "shared" is already used by decks/Z.yaml; each deck needs its own id',
    ]);
  });

  it('lets a bundled deck keep its id over the learner\'s file, whichever was there first', async () => {
    const { dataDir, bundled, own } = folders();
    fs.writeFileSync(path.join(own, 'a.yaml'), termDeck(4, 'shared'));
    let b = testBackend(dataDir, bundled);
    expect(b.lastLoad.decks.map((d) => d.file)).toEqual([path.join(own, 'a.yaml')]);
    b.close();

    fs.writeFileSync(path.join(bundled, 'z.yaml'), commented('shared'));
    b = testBackend(dataDir, bundled);
    expect(b.lastLoad.decks.map((d) => [d.file, d.cardCount])).toEqual([[path.join(bundled, 'z.yaml'), 3]]);
    expect(b.lastLoad.problems).toEqual([
      {
        file: `${own}/a.yaml`,
        line: 2,
        field: 'id',
        message: expect.stringMatching(/^deck id "shared" is already used by \S*z\.yaml; each deck needs its own id$/),
      },
    ]);
    b.close();
  });

  it('leaves the database as it was for the refused file, even when that file held another deck before', async () => {
    const { dataDir, bundled, own } = folders();
    fs.writeFileSync(path.join(bundled, 'basics.yaml'), termDeck(2, 'basics'));
    fs.writeFileSync(path.join(own, 'mine.yaml'), termDeck(3, 'mine'));
    const b = testBackend(dataDir, bundled);
    const first = (await b.nextCard({}))!.card;
    await b.answer({ cardId: first.id, rating: 3, durationMs: 10 });
    const before = snapshot(dataDir);

    // The learner's deck now claims the bundled deck's id, with other cards.
    fs.writeFileSync(path.join(own, 'mine.yaml'), termDeck(5, 'basics').replace(/Term /g, 'Changed '));
    const report = await b.reloadDecks({});
    expect(report.problems.map((p) => [p.file, p.line, p.field])).toEqual([[`${own}/mine.yaml`, 2, 'id']]);
    expect(snapshot(dataDir)).toEqual(before);
    expect((await b.listDecks({})).map((d) => [d.id, d.cardCount])).toEqual([
      ['basics', 2],
      ['mine', 3],
    ]);
    b.close();
  });
});
