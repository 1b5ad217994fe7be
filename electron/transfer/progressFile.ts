// "Export progress": everything the learner has made, in one file (docs/import-export.md).
// A zip of JSON: manifest.json (format, version, counts), decks.json, cards.json,
// review_log.ndjson (one JSON array per line, oldest first), drafts.json and settings.json.
// Drafts name their card by key, the one id that means the same card in every profile; review
// lines name it by its id in cards.json (version 2; version 1 wrote the key, and is still read).
import type Database from 'better-sqlite3';
import { strFromU8, strToU8 } from 'fflate';
import type { CardRow } from '../store/cards.ts';
import type { ImportLimits } from './limits.ts';
import { BadFile, readZipEntries, writeZip } from './zip.ts';

export const progressFormat = 'go-concurrency-trainer-progress';
export const progressVersion = 2;
export const progressExtension = '.gctprogress';

export interface ProgressManifest {
  format: typeof progressFormat;
  version: number;
  exportedAt: string;
  appVersion: string;
  /** The database schema (PRAGMA user_version) the export was made from. */
  schema: number;
  counts: { decks: number; cards: number; reviews: number; drafts: number };
}

export interface DeckEntry {
  id: string;
  name: string;
  description: string;
  file: string;
  position: number;
}

/** A card: the cards table's row as it is (its id too, which a restore keeps so the review order is the same). */
export type CardEntry = CardRow;

/**
 * review_log.ndjson columns, in this order. The file names the card by its id in cards.json
 * (`card_key` in version 1); once read, every entry names it by key.
 */
export const reviewColumns = ['card_id', 'rating', 'state', 'reviewed_at', 'duration_ms', 'typed', 'correct', 'card_before'] as const;
export type ReviewEntry = [string, number, number, number, number, string | null, number | null, string];

export interface DraftEntry {
  card_key: string;
  code: string;
  saved_at: number;
}

export interface ProgressFile {
  manifest: ProgressManifest;
  decks: DeckEntry[];
  cards: CardEntry[];
  reviews: ReviewEntry[];
  drafts: DraftEntry[];
  settings: Record<string, unknown>;
}

export function exportProgress(db: Database.Database, appVersion: string, now: Date): Uint8Array {
  // One read transaction: the file is one consistent moment even if an answer lands meanwhile.
  return db.transaction(() => {
    const decks = db.prepare<[], DeckEntry>('SELECT id, name, description, file, position FROM decks ORDER BY position, id').all();
    // SQLite writes the JSON itself (cards.json as one array, each review line): several times
    // faster than reading rows into JS and stringifying them, which matters at 100k cards and
    // a million reviews. Its numbers read back as the very same doubles.
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('cards') ORDER BY cid").all().map((c) => c.name);
    const cardsJson = db
      .prepare<[], string>(`SELECT json_group_array(json_object(${columns.map((c) => `'${c}', "${c}"`).join(', ')})) FROM (SELECT * FROM cards ORDER BY id)`)
      .pluck()
      .get()!;
    const cardCount = db.prepare<[], number>('SELECT COUNT(*) FROM cards').pluck().get()!;
    // By card id, not key: looking up a million keys was a quarter of the export's time.
    const lines = db
      .prepare<[], string>(
        `SELECT json_array(r.card_id, r.rating, r.state, r.reviewed_at, r.duration_ms, r.typed, r.correct, r.card_before)
         FROM review_log r ORDER BY r.reviewed_at, r.id`,
      )
      .pluck()
      .all();
    const drafts = db
      .prepare<[], DraftEntry>('SELECT c.key AS card_key, d.code, d.saved_at FROM drafts d JOIN cards c ON c.id = d.card_id ORDER BY d.card_id')
      .all();
    const settings: Record<string, unknown> = {};
    for (const s of db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings ORDER BY key').all()) {
      try {
        settings[s.key] = JSON.parse(s.value);
      } catch {
        settings[s.key] = s.value;
      }
    }
    const manifest: ProgressManifest = {
      format: progressFormat,
      version: progressVersion,
      exportedAt: now.toISOString(),
      appVersion,
      schema: db.pragma('user_version', { simple: true }) as number,
      counts: { decks: decks.length, cards: cardCount, reviews: lines.length, drafts: drafts.length },
    };
    return writeZip([
      { name: 'manifest.json', data: strToU8(JSON.stringify(manifest, null, 2)) },
      { name: 'decks.json', data: strToU8(JSON.stringify(decks)) },
      { name: 'cards.json', data: Buffer.from(cardsJson) },
      { name: 'review_log.ndjson', data: Buffer.from(lines.length ? lines.join('\n') + '\n' : '') },
      { name: 'drafts.json', data: strToU8(JSON.stringify(drafts)) },
      { name: 'settings.json', data: strToU8(JSON.stringify(settings, null, 2)) },
    ]);
  })();
}

function parseJson<T>(bytes: Uint8Array | undefined, place: string): T {
  if (!bytes) throw new BadFile(place, 'is missing; this is not a complete progress file');
  try {
    return JSON.parse(strFromU8(bytes)) as T;
  } catch (err) {
    throw new BadFile(place, `is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

export function readProgressFile(bytes: Uint8Array, file: string, limits: ImportLimits): ProgressFile {
  const entries = readZipEntries(bytes, file, () => true, limits);
  const manifest = parseJson<ProgressManifest>(entries.get('manifest.json'), `${file}: manifest.json`);
  if (manifest.format !== progressFormat) throw new BadFile(`${file}: manifest.json`, `is not a progress file of this app (format "${String(manifest.format)}")`);
  if (!isNum(manifest.version) || manifest.version > progressVersion) {
    throw new BadFile(`${file}: manifest.json: version`, `is ${String(manifest.version)}, newer than this app reads (up to ${progressVersion}); update the app`);
  }
  const decks = parseJson<DeckEntry[]>(entries.get('decks.json'), `${file}: decks.json`);
  const cards = parseJson<CardEntry[]>(entries.get('cards.json'), `${file}: cards.json`);
  const drafts = parseJson<DraftEntry[]>(entries.get('drafts.json'), `${file}: drafts.json`);
  const settings = parseJson<Record<string, unknown>>(entries.get('settings.json'), `${file}: settings.json`);
  if (!Array.isArray(decks) || !Array.isArray(cards) || !Array.isArray(drafts) || typeof settings !== 'object' || settings === null) {
    throw new BadFile(file, 'does not have the shape of a progress file (decks, cards and drafts must be lists)');
  }
  decks.forEach((d, i) => {
    if (!isStr(d?.id) || !isStr(d.name) || !isStr(d.file)) throw new BadFile(`${file}: decks.json[${i}]`, 'needs id, name and file as text');
  });
  const keys = new Set<string>();
  const keyOfId = new Map<number, string>();
  const deckIds = new Set(decks.map((d) => d.id));
  cards.forEach((c, i) => {
    const place = `${file}: cards.json[${i}]`;
    if (!isStr(c?.key) || !isStr(c.deck_id) || !isStr(c.kind) || !isStr(c.content)) throw new BadFile(place, 'needs key, deck_id, kind and content as text');
    for (const f of ['id', 'ord', 'due', 'stability', 'difficulty', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'suspended', 'retired'] as const) {
      if (!isNum(c[f])) throw new BadFile(`${place}.${f}`, 'must be a number');
    }
    if (!deckIds.has(c.deck_id)) throw new BadFile(`${place}.deck_id`, `names deck "${c.deck_id}", which decks.json does not hold`);
    if (keys.has(c.key)) throw new BadFile(`${place}.key`, `"${c.key}" appears twice`);
    if (keyOfId.has(c.id)) throw new BadFile(`${place}.id`, `${c.id} appears twice`);
    keys.add(c.key);
    keyOfId.set(c.id, c.key);
  });
  const reviews: ReviewEntry[] = [];
  const log = entries.get('review_log.ndjson');
  if (!log) throw new BadFile(`${file}: review_log.ndjson`, 'is missing; this is not a complete progress file');
  const text = strFromU8(log);
  let line = 0;
  const byKey = manifest.version < 2;
  const columns = byKey ? ['card_key', ...reviewColumns.slice(1)] : reviewColumns;
  for (const raw of text.split('\n')) {
    line++;
    if (raw === '') continue;
    let r: unknown;
    try {
      r = JSON.parse(raw);
    } catch {
      throw new BadFile(`${file}: review_log.ndjson:${line}`, 'is not a JSON array');
    }
    if (!Array.isArray(r) || r.length !== reviewColumns.length || !(byKey ? isStr(r[0]) : isNum(r[0])) || !isNum(r[1]) || !isNum(r[2]) || !isNum(r[3]) || !isNum(r[4]) || !isStr(r[7])) {
      throw new BadFile(`${file}: review_log.ndjson:${line}`, `must be [${columns.join(', ')}]`);
    }
    if (!byKey) {
      const key = keyOfId.get(r[0] as number);
      if (key === undefined) throw new BadFile(`${file}: review_log.ndjson:${line}`, `names card ${String(r[0])}, which cards.json does not hold`);
      r[0] = key;
    }
    if (!keys.has(r[0])) throw new BadFile(`${file}: review_log.ndjson:${line}`, `names card "${r[0]}", which cards.json does not hold`);
    if (r[1] < 1 || r[1] > 4) throw new BadFile(`${file}: review_log.ndjson:${line}`, `has rating ${r[1]}; ratings are 1 to 4`);
    reviews.push(r as ReviewEntry);
  }
  drafts.forEach((d, i) => {
    if (!isStr(d?.card_key) || !isStr(d.code) || !isNum(d.saved_at) || !keys.has(d.card_key)) throw new BadFile(`${file}: drafts.json[${i}]`, 'needs card_key (a card in cards.json), code and saved_at');
  });
  return { manifest, decks, cards, reviews, drafts, settings };
}
