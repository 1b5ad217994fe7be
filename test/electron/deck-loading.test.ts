// Deck loading under hostile or heavy files: a file claiming another file's deck id never takes
// the deck over (at reload or at start, whichever name sorts first); an alias bomb, an oversized
// file or one with too many cards fails alone with a message; a reload parses in a worker thread
// and leaves the main thread free to answer; an unchanged file is not parsed again.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import { maxDeckBytes, maxDeckCards, parseDeck } from '../../electron/decks/format.ts';
import { ParsePool } from '../../electron/decks/parse-pool.ts';
import { aliasBomb, cleanTemp, deckFolders, tempDir, termDeck, testBackend } from './helpers.ts';

afterAll(cleanTemp);

const folders = deckFolders;

function cards(dataDir: string): { key: string; retired: number; content: string }[] {
  const db = new Database(path.join(dataDir, 'progress.db'), { readonly: true });
  try {
    return db.prepare('SELECT key, retired, content FROM cards ORDER BY key').all() as { key: string; retired: number; content: string }[];
  } finally {
    db.close();
  }
}

const evil = termDeck(2, 'good').replace(/Term /g, 'Evil ');

describe('a file claiming a deck id another file owns', () => {
  for (const evilName of ['a-evil.yaml', 'z-evil.yaml']) {
    it(`is refused at reload and at start and never retires the owner's cards (${evilName})`, async () => {
      const { dataDir, own } = folders();
      fs.writeFileSync(path.join(own, 'good.yaml'), termDeck(3, 'good'));
      let b = testBackend(dataDir, path.join(dataDir, 'bundled'));
      const card = (await b.nextCard({}))!.card;
      await b.answer({ cardId: card.id, rating: 3, durationMs: 100 });
      const before = cards(dataDir);

      fs.writeFileSync(path.join(own, evilName), evil);
      const report = await b.reloadDecks({});
      expect(report.decks.map((d) => [d.id, d.file, d.cardCount])).toEqual([['good', path.join(own, 'good.yaml'), 3]]);
      expect(report.problems).toEqual([
        { file: `${own}/${evilName}`, line: 2, field: 'id', message: `deck id "good" is already used by ${own}/good.yaml; each deck needs its own id` },
      ]);
      expect(cards(dataDir)).toEqual(before);
      b.close();

      // And at start, with the evil file already there.
      b = testBackend(dataDir, path.join(dataDir, 'bundled'));
      expect(b.lastLoad.decks.map((d) => d.file)).toEqual([path.join(own, 'good.yaml')]);
      expect(b.lastLoad.problems.map((p) => p.file)).toEqual([`${own}/${evilName}`]);
      expect(cards(dataDir)).toEqual(before);
      expect(cards(dataDir).some((c) => c.content.includes('Evil'))).toBe(false);
      b.close();
    });
  }

  it('cannot take over a deck whose own file is broken, and the deck waits unchanged for the fix', async () => {
    const { dataDir, own } = folders();
    fs.writeFileSync(path.join(own, 'good.yaml'), termDeck(3, 'good'));
    const b = testBackend(dataDir, path.join(dataDir, 'bundled'));
    const before = cards(dataDir);
    fs.writeFileSync(path.join(own, 'good.yaml'), termDeck(3, 'good') + '  - id: broken\n');
    fs.writeFileSync(path.join(own, 'a-evil.yaml'), evil);
    const report = await b.reloadDecks({});
    expect(report.problems.map((p) => `${path.basename(p.file)}: ${p.message}`)).toEqual([
      `a-evil.yaml: deck id "good" belongs to ${own}/good.yaml, which has problems to fix first; another file cannot take the deck over`,
      expect.stringMatching(/^good\.yaml: /),
    ]);
    expect(cards(dataDir)).toEqual(before);
    b.close();
  });

  it('can take the id once the owning file is gone (a deck file renamed), keeping the history', async () => {
    const { dataDir, own } = folders();
    fs.writeFileSync(path.join(own, 'good.yaml'), termDeck(3, 'good'));
    const b = testBackend(dataDir, path.join(dataDir, 'bundled'));
    const card = (await b.nextCard({}))!.card;
    await b.answer({ cardId: card.id, rating: 3, durationMs: 100 });
    fs.renameSync(path.join(own, 'good.yaml'), path.join(own, 'renamed.yaml'));
    const report = await b.reloadDecks({});
    expect(report.problems).toEqual([]);
    expect(report.decks.map((d) => [d.id, d.file])).toEqual([['good', path.join(own, 'renamed.yaml')]]);
    expect((await b.cardInfo({ cardId: card.id })).reviews).toHaveLength(1);
    b.close();
  });
});

const bomb = aliasBomb;

describe('files that would cost too much', () => {
  it('a YAML alias bomb fails that file alone, with a message, through the API', async () => {
    const { dataDir, own } = folders();
    fs.writeFileSync(path.join(own, 'fine.yaml'), termDeck(2, 'fine'));
    const b = testBackend(dataDir, path.join(dataDir, 'bundled'));
    fs.writeFileSync(path.join(own, 'bomb.yaml'), bomb('bomb'));
    fs.writeFileSync(path.join(own, 'fine.yaml'), termDeck(3, 'fine'));
    const sent = await dispatch(b, 'reloadDecks', {});
    expect(sent.status).toBe(200);
    const report = (sent.body as { result: { decks: { id: string; cardCount: number }[]; problems: { file: string; message: string }[] } }).result;
    expect(report.decks.map((d) => [d.id, d.cardCount])).toEqual([['fine', 3]]);
    expect(report.problems).toEqual([
      { file: `${own}/bomb.yaml`, line: null, field: null, message: 'YAML aliases (*name) expand to too much; at most 100 alias uses are allowed in a deck file' },
    ]);
    b.close();
  });

  it('a file over the size cap is refused before it is read, and keeps its deck as it was', async () => {
    const { dataDir, own } = folders();
    fs.writeFileSync(path.join(own, 'big.yaml'), termDeck(2, 'big'));
    const b = testBackend(dataDir, path.join(dataDir, 'bundled'));
    const before = cards(dataDir);
    const padding = `# ${'x'.repeat(1000)}\n`.repeat(Math.ceil(maxDeckBytes / 1000) + 10);
    fs.writeFileSync(path.join(own, 'big.yaml'), termDeck(5, 'big') + padding);
    const report = await b.reloadDecks({});
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.message).toMatch(/^the file is 4\.\d MB; a deck file may be at most 4\.0 MB \(split it into several decks\)$/);
    expect(cards(dataDir)).toEqual(before);
    b.close();
  });

  it('a file with more cards than the cap is refused, naming the cards line', () => {
    const out = parseDeck(termDeck(maxDeckCards + 1, 'many'), 'decks/many.yaml');
    expect(out).toEqual({
      ok: false,
      problems: [{ file: 'decks/many.yaml', line: 4, field: 'cards', message: `${maxDeckCards + 1} cards; a deck file may hold at most ${maxDeckCards} (split it into several decks)` }],
    });
    expect(parseDeck(termDeck(maxDeckCards, 'many'), 'decks/many.yaml').ok).toBe(true);
  });
});

describe('loading without holding up the app', () => {
  it('parses in a worker thread, exactly as in place', async () => {
    const pool = new ParsePool();
    try {
      const text = termDeck(40, 'w');
      expect(await pool.parse(text, 'decks/w.yaml')).toEqual(parseDeck(text, 'decks/w.yaml'));
      expect(await pool.parse(bomb('b'), 'decks/b.yaml')).toEqual(parseDeck(bomb('b'), 'decks/b.yaml'));
      expect(pool.counts).toEqual({ worker: 2, inPlace: 0 });
    } finally {
      pool.close();
    }
  });

  it('answers other calls while a reload parses a big deck', async () => {
    const { dataDir, own } = folders();
    const b = testBackend(dataDir, path.join(dataDir, 'bundled'));
    fs.writeFileSync(path.join(own, 'big.yaml'), termDeck(maxDeckCards, 'big'));
    let reloaded = false;
    const reload = b.reloadDecks({}).then((r) => {
      reloaded = true;
      return r;
    });
    // A status call made once the reload has started is answered before the reload ends: the
    // parse is not on this thread. (Order, not time, is what is checked.)
    await new Promise((r) => setImmediate(r));
    const status = await b.status({});
    expect(status.dbProblem).toBeNull();
    expect(reloaded).toBe(false);
    // Asking again while it runs joins the same reload.
    const again = b.reloadDecks({});
    const [first, second] = await Promise.all([reload, again]);
    expect(second).toBe(first);
    expect(first.decks.map((d) => [d.id, d.cardCount])).toEqual([['big', maxDeckCards]]);
    expect(b.lastParse).toEqual({ worker: 1, inPlace: 0 });
    b.close();
  });

  it('does not parse or rewrite a file unchanged since the last load, and does once it changes', async () => {
    const { dataDir, own } = folders();
    fs.writeFileSync(path.join(own, 'mine.yaml'), termDeck(3, 'mine'));
    const b = testBackend(dataDir, path.join(dataDir, 'bundled'));
    // A change made behind the loader's back shows whether the unchanged file was applied again.
    const db = new Database(path.join(dataDir, 'progress.db'));
    db.prepare("UPDATE cards SET content = 'marker' WHERE key = 'mine/c0'").run();
    await b.reloadDecks({});
    expect(db.prepare("SELECT content FROM cards WHERE key = 'mine/c0'").get()).toEqual({ content: 'marker' });
    fs.writeFileSync(path.join(own, 'mine.yaml'), termDeck(4, 'mine'));
    const report = await b.reloadDecks({});
    expect(report.decks.map((d) => d.cardCount)).toEqual([4]);
    expect(JSON.parse((db.prepare("SELECT content FROM cards WHERE key = 'mine/c0'").get() as { content: string }).content)).toMatchObject({ term: 'Term 0' });
    // A deck retired with its file loads again when the same file comes back.
    fs.renameSync(path.join(own, 'mine.yaml'), path.join(dataDir, 'aside.yaml'));
    expect((await b.reloadDecks({})).decks).toEqual([]);
    fs.renameSync(path.join(dataDir, 'aside.yaml'), path.join(own, 'mine.yaml'));
    expect((await b.reloadDecks({})).decks.map((d) => d.cardCount)).toEqual([4]);
    db.close();
    b.close();
  });
});

describe('a start with a big deck folder', () => {
  it('answers at once while the decks load in the background, and status says so until they are in', async () => {
    const dataDir = tempDir('trainer-bigstart-');
    const decksDir = path.join(dataDir, 'bundled');
    fs.mkdirSync(decksDir);
    for (const id of ['big-a', 'big-b', 'big-c']) fs.writeFileSync(path.join(decksDir, `${id}.yaml`), termDeck(3000, id));
    // The files are 0.6 MB in all; the limit is set below that (the app's own is 2 MB).
    const big = { backgroundDeckBytes: 100_000 };
    const backend = testBackend(dataDir, decksDir, undefined, big);
    // The constructor returned before any deck was written; the server answers meanwhile.
    const early = await backend.status({});
    expect(early.decksLoading).toBe(true);
    expect(early.dbProblem).toBeNull();
    expect((await backend.listDecks({})).length).toBeLessThan(3);
    const load = await backend.decksReady;
    expect(load.problems).toEqual([]);
    expect((await backend.status({})).decksLoading).toBe(false);
    expect((await backend.listDecks({})).map((d) => [d.id, d.cardCount])).toEqual([['big-a', 3000], ['big-b', 3000], ['big-c', 3000]]);
    backend.close();

    // Started again with nothing changed, it is loaded as quickly and says so at the end too.
    const again = testBackend(dataDir, decksDir, undefined, big);
    expect((await again.decksReady).problems).toEqual([]);
    expect((await again.listDecks({})).map((d) => d.cardCount)).toEqual([3000, 3000, 3000]);
    expect((await again.status({})).decksLoading).toBe(false);
    again.close();
  });

  it('loads a small folder before the constructor returns, as before', async () => {
    const dataDir = tempDir('trainer-smallstart-');
    const backend = testBackend(dataDir);
    expect(backend.statusNow().decksLoading).toBe(false);
    expect((await backend.listDecks({})).length).toBeGreaterThan(0);
    backend.close();
  });
});
