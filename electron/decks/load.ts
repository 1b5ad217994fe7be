// Loading deck folders into the database. A card's key (`deck/card`) is what ties its review
// history to it, so editing a deck keeps the history; cards that leave the file are retired,
// never deleted, and come back with their history if they return.
//
// A load has three parts: list and read the files (each capped in size), parse them (the slow
// part: YAML), and bring the database in line. At start everything runs in one go; a reload
// while the app serves runs parsing off the main thread (parse-pool.ts) and writes 500 cards per
// transaction with a turn of the event loop between them, so calls keep being answered. A file
// whose text has not changed since it was last loaded is neither parsed nor written again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DeckInfo, DeckLoadReport, DeckProblem } from '../../api/contract.ts';
import { searchText, tagColumn } from '../store/search.ts';
import { maxDeckBytes, parseDeck, tooBig, type DeckFile, type ParseOutcome } from './format.ts';
import { importedFilePrefix } from '../transfer/plan.ts';

export interface DeckSource {
  dir: string;
  /** How files in this folder are named in messages, e.g. "decks" for the bundled folder. */
  label: string;
}

/** One deck file in load order: sources in the order given, files in name order within each. */
interface Entry {
  file: string;
  label: string;
  source: number;
  /** Place in load order, which is also the order problems are reported in. */
  index: number;
}

/** A file read and hashed, and either parsed or known unchanged since the last load. */
interface Read {
  entry: Entry;
  hash: string;
  text: string;
  /** Set when the file's text is what was loaded before: that deck's id, nothing to parse. */
  unchangedId?: string;
}

/** The line of a deck file's top-level id, found without parsing (the file parsed when first loaded). */
function idLineOf(text: string): number | null {
  const m = /^id[ \t]*:/m.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : null;
}

export interface Found {
  file: string;
  label: string;
  hash: string;
  id: string;
  /** Null for a file unchanged since the last load: its cards are already in the database. */
  deck: DeckFile | null;
}

export interface DeckRead {
  found: Found[];
  problems: DeckProblem[];
  failedFiles: Set<string>;
  failedDirs: Set<string>;
}

/** What the database knows of each deck: which file owns it, and the text last loaded from it. */
interface Known {
  id: string;
  file: string;
  source_hash: string | null;
}

/**
 * Changes whenever parsing rules change, so that a file unchanged on disk is still parsed again
 * by an app that reads decks differently.
 */
const parseRevision = 'deck-parse-1';

function hashOf(text: string): string {
  return crypto.createHash('sha256').update(parseRevision).update('\0').update(text).digest('hex');
}

function listYaml(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort();
}

class Collector {
  private readonly problems: { at: number; p: DeckProblem }[] = [];
  readonly failedFiles = new Set<string>();
  readonly failedDirs = new Set<string>();

  add(at: number, ...ps: DeckProblem[]): void {
    for (const p of ps) this.problems.push({ at, p });
  }
  fail(e: Entry, ...ps: DeckProblem[]): void {
    this.add(e.index, ...ps);
    this.failedFiles.add(e.file);
  }
  /** Problems in load order, each file's in the order found. */
  sorted(): DeckProblem[] {
    return this.problems.sort((a, b) => a.at - b.at).map((x) => x.p);
  }
}

function listEntries(sources: DeckSource[], out: Collector): Entry[] {
  const entries: Entry[] = [];
  sources.forEach((src, source) => {
    let names: string[];
    try {
      names = listYaml(src.dir);
    } catch (err) {
      out.failedDirs.add(src.dir);
      out.add(-1, { file: src.label, line: null, field: null, message: `this deck folder cannot be read: ${(err as Error).message}` });
      return;
    }
    for (const name of names) {
      entries.push({ file: path.join(src.dir, name), label: `${src.label}/${name}`, source, index: entries.length });
    }
  });
  return entries;
}

/** Reads one file, refusing one over the size cap before reading it. */
function readEntry(e: Entry, known: Map<string, Known>, out: Collector): Read | null {
  try {
    const size = fs.statSync(e.file).size;
    if (size > maxDeckBytes) {
      out.fail(e, { file: e.label, line: null, field: null, message: tooBig(size) });
      return null;
    }
    const text = fs.readFileSync(e.file, 'utf8');
    const hash = hashOf(text);
    const before = known.get(e.file);
    if (before && before.source_hash === hash) return { entry: e, hash, text, unchangedId: before.id };
    return { entry: e, hash, text };
  } catch (err) {
    out.fail(e, { file: e.label, line: null, field: null, message: `cannot be read: ${(err as Error).message}` });
    return null;
  }
}

/**
 * Which file owns each deck id. Bundled files come before the learner's; within one folder the
 * file the database already records as the owner keeps the deck, so a new file that claims the
 * id (a-evil.yaml beside good.yaml) is refused whatever its name; a recorded owner that is broken
 * still holds the deck until it is fixed. With no recorded owner, the first file in name order wins.
 */
function settleOwners(entries: Entry[], parsed: { read: Read; id: string; deck: DeckFile | null }[], known: Known[], out: Collector): Found[] {
  const byFile = new Map(entries.map((e) => [e.file, e]));
  const recorded = new Map(known.map((k) => [k.id, k.file]));
  const claims = new Map<string, typeof parsed>();
  for (const p of parsed) {
    const list = claims.get(p.id) ?? [];
    list.push(p);
    claims.set(p.id, list);
  }
  const winners = new Set<(typeof parsed)[number]>();
  for (const [id, list] of claims) {
    const top = Math.min(...list.map((c) => c.read.entry.source));
    const ownerFile = recorded.get(id);
    const owner = ownerFile === undefined ? undefined : byFile.get(ownerFile);
    const ownerClaim = list.find((c) => c.read.entry.file === ownerFile);
    let winner: (typeof parsed)[number] | undefined;
    let heldBy: Entry | undefined;
    if (ownerClaim && ownerClaim.read.entry.source === top) winner = ownerClaim;
    else if (owner && out.failedFiles.has(owner.file) && owner.source <= top) heldBy = owner;
    else winner = list.find((c) => c.read.entry.source === top);
    if (winner) winners.add(winner);
    for (const c of list) {
      if (c === winner) continue;
      const e = c.read.entry;
      const line = c.deck?.idLine ?? idLineOf(c.read.text);
      const message = winner
        ? `deck id "${id}" is already used by ${winner.read.entry.label}; each deck needs its own id`
        : `deck id "${id}" belongs to ${heldBy!.label}, which has problems to fix first; another file cannot take the deck over`;
      out.fail(e, { file: e.label, line, field: 'id', message });
    }
  }
  return parsed
    .filter((p) => winners.has(p))
    .map((p) => ({ file: p.read.entry.file, label: p.read.entry.label, hash: p.read.hash, id: p.id, deck: p.deck }));
}

type Parse = (text: string, label: string) => ParseOutcome | Promise<ParseOutcome>;

interface Reading {
  out: Collector;
  known: Known[];
  entries: Entry[];
  reads: Read[];
}

/** Lists and reads every deck file, noting which are unchanged since the last load. */
function startReading(db: Database.Database, sources: DeckSource[]): Reading {
  const out = new Collector();
  const known = db.prepare<[], Known>('SELECT id, file, source_hash FROM decks').all();
  const knownByFile = new Map(known.map((k) => [k.file, k]));
  const entries = listEntries(sources, out);
  const reads = entries.map((e) => readEntry(e, knownByFile, out)).filter((r): r is Read => r !== null);
  return { out, known, entries, reads };
}

/** With each read file's parse outcome (null for an unchanged one), decides what loads. */
function finishReading(r: Reading, outcomes: (ParseOutcome | null)[]): DeckRead {
  const { out } = r;
  const parsed: { read: Read; id: string; deck: DeckFile | null }[] = [];
  r.reads.forEach((read, i) => {
    const outcome = outcomes[i] ?? null;
    if (outcome === null) parsed.push({ read, id: read.unchangedId!, deck: null });
    else if (!outcome.ok) out.fail(read.entry, ...outcome.problems);
    else parsed.push({ read, id: outcome.deck.id, deck: outcome.deck });
  });
  const found = settleOwners(r.entries, parsed, r.known, out);
  return { found, problems: out.sorted(), failedFiles: out.failedFiles, failedDirs: out.failedDirs };
}

function statements(db: Database.Database) {
  return {
    upsertDeck: db.prepare<{ id: string; name: string; description: string; file: string; position: number; hash: string | null }>(
      `INSERT INTO decks (id, name, description, file, position, source_hash) VALUES (@id, @name, @description, @file, @position, @hash)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description,
         file = excluded.file, position = excluded.position, source_hash = excluded.source_hash`,
    ),
    setPosition: db.prepare<[number, string]>('UPDATE decks SET position = ? WHERE id = ?'),
    setHash: db.prepare<[string, string]>('UPDATE decks SET source_hash = ? WHERE id = ?'),
    upsertCard: db.prepare<{ key: string; deck: string; ord: number; kind: string; content: string; due: number; search: string; tags: string }>(
      `INSERT INTO cards (key, deck_id, ord, kind, content, due, search, tags) VALUES (@key, @deck, @ord, @kind, @content, @due, @search, @tags)
       ON CONFLICT(key) DO UPDATE SET ord = excluded.ord, kind = excluded.kind, content = excluded.content,
         search = excluded.search, tags = excluded.tags, retired = 0
       WHERE cards.ord != excluded.ord OR cards.kind != excluded.kind OR cards.content != excluded.content OR cards.retired != 0`,
    ),
    keysOf: db.prepare<[string], { key: string }>('SELECT key FROM cards WHERE deck_id = ? AND retired = 0'),
    retire: db.prepare<[string]>('UPDATE cards SET retired = 1 WHERE key = ?'),
    knownDecks: db.prepare<[], { id: string; file: string }>('SELECT id, file FROM decks'),
    // A retired deck forgets the text it was loaded from, so that the file's return loads it again.
    retireDeck: db.prepare<[string]>('UPDATE cards SET retired = 1 WHERE deck_id = ? AND retired = 0'),
    forgetHash: db.prepare<[string]>('UPDATE decks SET source_hash = NULL WHERE id = ?'),
  };
}
type Statements = ReturnType<typeof statements>;

/** Cards written per transaction during a reload: a few tenths of a second of work at most. */
const cardsPerTurn = 500;

/**
 * One deck's file into the database: its row, every card upserted, cards no longer in it
 * retired. It yields after every `cardsPerTurn` cards, so a reload can let the event loop run
 * between them. The file's hash is written last: a load cut short is redone next time.
 */
function* writeDeck(s: Statements, f: Found, position: number, now: number): Generator<void, void, void> {
  const deck = f.deck;
  if (!deck) {
    s.setPosition.run(position, f.id);
    return;
  }
  s.upsertDeck.run({ id: deck.id, name: deck.name, description: deck.description, file: f.file, position, hash: null });
  const present = new Set<string>();
  for (const [ord, { card }] of deck.cards.entries()) {
    if (ord > 0 && ord % cardsPerTurn === 0) yield;
    const key = `${deck.id}/${card.id}`;
    present.add(key);
    const content = JSON.stringify(card);
    s.upsertCard.run({ key, deck: deck.id, ord, kind: card.kind, content, due: now, search: searchText(key, content), tags: tagColumn(content) });
  }
  yield;
  for (const { key } of s.keysOf.all(deck.id)) if (!present.has(key)) s.retire.run(key);
  s.setHash.run(f.hash, deck.id);
}

/**
 * A deck whose file is gone is retired as a whole; one whose file (or folder) is merely broken,
 * unreadable or refused is left exactly as it was until that is fixed.
 */
function retireMissing(s: Statements, read: DeckRead): void {
  const loaded = new Set(read.found.map((f) => f.id));
  const unreadable = (file: string): boolean =>
    read.failedFiles.has(file) || [...read.failedDirs].some((dir) => file.startsWith(dir + path.sep));
  for (const d of s.knownDecks.all()) {
    // Imported decks (Anki, text files) have no deck file and are never retired here.
    if (!loaded.has(d.id) && !unreadable(d.file) && !d.file.startsWith(importedFilePrefix)) {
      s.retireDeck.run(d.id);
      s.forgetHash.run(d.id);
    }
  }
}

function report(db: Database.Database, read: DeckRead): DeckLoadReport {
  return { decks: listDecks(db, new Set(read.found.map((f) => f.id))), problems: read.problems };
}

/** Brings the database in line with the deck files in one go, in one transaction (at start). */
export function syncDecks(db: Database.Database, sources: DeckSource[], now: number): DeckLoadReport {
  const reading = startReading(db, sources);
  const read = finishReading(reading, reading.reads.map((r) => (r.unchangedId !== undefined ? null : parseDeck(r.text, r.entry.label))));
  const s = statements(db);
  db.transaction(() => {
    read.found.forEach((f, position) => {
      for (const _ of writeDeck(s, f, position, now));
    });
    retireMissing(s, read);
  })();
  return report(db, read);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same as syncDecks, for a reload while the app serves calls: files are parsed by `parse`
 * (off the main thread), and the cards are written 500 to a transaction with a turn of the
 * event loop between transactions. A deck's cards that left its file are retired after all its
 * cards are written.
 */
export async function syncDecksInTurns(db: Database.Database, sources: DeckSource[], now: () => number, parse: Parse): Promise<DeckLoadReport> {
  const reading = startReading(db, sources);
  const outcomes = await Promise.all(reading.reads.map((r) => (r.unchangedId !== undefined ? null : parse(r.text, r.entry.label))));
  const read = finishReading(reading, outcomes);
  const s = statements(db);
  const turn = async () => {
    await nextTurn();
    // The app may have closed the database (quit, or Start fresh) while this waited.
    if (!db.open) throw new Error('the progress database was closed while the decks were loading');
  };
  for (const [position, f] of read.found.entries()) {
    const steps = writeDeck(s, f, position, now());
    for (let done = false; !done; ) {
      await turn();
      done = db.transaction(() => steps.next().done === true)();
    }
  }
  await turn();
  db.transaction(() => retireMissing(s, read))();
  return report(db, read);
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
