// Anki packages (.apkg) read into an import plan. Both formats: the legacy one (an SQLite file
// `collection.anki21` or, in the oldest, `collection.anki2`, beside a JSON media map) and the
// current one (`collection.anki21b`, zstd-compressed, schema 18, with a protobuf media list and
// zstd-compressed media). Facts about the format: docs/import-export.md.
import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Rating } from '../../api/contract.ts';
import { megabytes, type ImportLimits } from './limits.ts';
import { cardsOfNote, rewriteMedia, type NoteType } from './notes.ts';
import { deckAdder, emptyPlan, type ImportPlan, type PlannedCard, type PlannedReview } from './plan.ts';
import type { Progress } from './progress.ts';
import { bytesFields, numberField, readMessage } from './protobuf.ts';
import { BadFile, listZip, readZipEntries } from './zip.ts';
import { unzstd } from './zstd.ts';

/** The newest package and collection versions this reader understands. */
export const newestMetaVersion = 3;
export const newestSchema = 18;
const oldestSchema = 11;

/** Images are kept and shown; anything else a note refers to (sound, video) is shown as text. */
const imageTypes = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.bmp']);

const collectionNames = ['collection.anki21b', 'collection.anki21', 'collection.anki2'];
const sep = '\x1f';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

interface AnkiCard {
  id: number;
  nid: number;
  did: number;
  ord: number;
  queue: number;
}

function openCollection(bytes: Uint8Array, place: string): Database.Database {
  try {
    const db = new Database(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (err) {
    throw new BadFile(place, `is not a readable SQLite database (${err instanceof Error ? err.message : String(err)})`);
  }
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get('table', name) !== undefined;
}

function noteTypes(db: Database.Database, schema: number, place: string): Map<number, NoteType> {
  const out = new Map<number, NoteType>();
  if (schema >= 18 && hasTable(db, 'notetypes')) {
    const fields = new Map<number, number>();
    for (const r of db.prepare<[], { ntid: number; n: number }>('SELECT ntid, count(*) AS n FROM fields GROUP BY ntid').all()) fields.set(r.ntid, r.n);
    const templates = new Map<number, number>();
    for (const r of db.prepare<[], { ntid: number; n: number }>('SELECT ntid, count(*) AS n FROM templates GROUP BY ntid').all()) templates.set(r.ntid, r.n);
    for (const r of db.prepare<[], { id: number; name: string; config: Uint8Array | null }>('SELECT id, name, config FROM notetypes').all()) {
      const config = r.config ? readMessage(r.config, `${place}: note type "${r.name}"`) : new Map();
      out.set(r.id, { name: r.name, cloze: numberField(config, 1) === 1, fieldCount: fields.get(r.id) ?? 0, templateCount: templates.get(r.id) ?? 0 });
    }
    return out;
  }
  const row = db.prepare<[], { models: string }>('SELECT models FROM col').get();
  let models: Record<string, { name?: unknown; type?: unknown; flds?: unknown; tmpls?: unknown }>;
  try {
    models = JSON.parse(row?.models ?? '{}');
  } catch {
    throw new BadFile(`${place}: col.models`, 'is not valid JSON; the collection is damaged');
  }
  for (const [id, m] of Object.entries(models)) {
    out.set(Number(id), {
      name: typeof m.name === 'string' ? m.name : `note type ${id}`,
      cloze: m.type === 1,
      fieldCount: Array.isArray(m.flds) ? m.flds.length : 0,
      templateCount: Array.isArray(m.tmpls) ? m.tmpls.length : 0,
    });
  }
  return out;
}

function deckNames(db: Database.Database, schema: number, place: string): Map<number, string> {
  const out = new Map<number, string>();
  if (schema >= 18 && hasTable(db, 'decks')) {
    // Schema 18 separates nested deck names with \x1f where the user sees "::".
    for (const r of db.prepare<[], { id: number; name: string }>('SELECT id, name FROM decks').all()) out.set(r.id, r.name.split(sep).join('::'));
    return out;
  }
  const row = db.prepare<[], { decks: string }>('SELECT decks FROM col').get();
  try {
    const decks = JSON.parse(row?.decks ?? '{}') as Record<string, { name?: unknown }>;
    for (const [id, d] of Object.entries(decks)) out.set(Number(id), typeof d.name === 'string' ? d.name : `Deck ${id}`);
  } catch {
    throw new BadFile(`${place}: col.decks`, 'is not valid JSON; the collection is damaged');
  }
  return out;
}

/** Zip entry name → the name notes use, for the package's media. */
function mediaMap(entries: Map<string, Uint8Array>, modern: boolean, file: string, limits: ImportLimits): Map<string, string> {
  const raw = entries.get('media');
  const out = new Map<string, string>();
  if (!raw || raw.length === 0) return out;
  const place = `${file}: media`;
  if (modern) {
    const list = readMessage(unzstd(raw, place, limits.maxUnpackedBytes), place);
    bytesFields(list, 1).forEach((entry, index) => {
      const e = readMessage(entry, place);
      const name = bytesFields(e, 1)[0];
      if (!name) return;
      const zipName = numberField(e, 255);
      out.set(String(zipName ?? index), new TextDecoder().decode(name));
    });
    return out;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new BadFile(place, 'is not the JSON list of media files an Anki package holds');
  }
  if (typeof json !== 'object' || json === null) throw new BadFile(place, 'is not the JSON list of media files an Anki package holds');
  for (const [k, v] of Object.entries(json)) if (typeof v === 'string') out.set(k, v);
  return out;
}

function reviewsOf(db: Database.Database): Map<number, PlannedReview[]> {
  const out = new Map<number, PlannedReview[]>();
  // Manual entries (ease 0, type 4) and reschedules (type 5) are not answers; filtered-deck
  // reviews (type 3) are.
  // Rows as arrays (no object per row): a big collection has hundreds of thousands.
  const rows = db
    .prepare<[], [number, number, number, number]>('SELECT id, cid, ease, time FROM revlog WHERE ease BETWEEN 1 AND 4 AND type < 4 ORDER BY cid, id')
    .raw()
    .all();
  let cid = Number.NaN;
  let list: PlannedReview[] = [];
  for (const [id, card, ease, time] of rows) {
    if (card !== cid) {
      cid = card;
      list = out.get(card) ?? [];
      out.set(card, list);
    }
    list.push({ at: id, rating: ease as Rating, durationMs: Math.max(0, Math.min(86_400_000, Math.round(time))) });
  }
  return out;
}

export async function readApkg(bytes: Uint8Array, file: string, limits: ImportLimits, progress: Progress, now: number): Promise<ImportPlan> {
  const plan = emptyPlan(file, 'apkg');
  const names = new Set(listZip(bytes, file, limits).map((e) => e.name));
  await progress.at('unpacking', 0, 1);
  const entries = readZipEntries(bytes, file, (n) => n === 'meta' || n === 'media' || collectionNames.includes(n), limits);
  const meta = entries.get('meta');
  let metaVersion = 0;
  if (meta) {
    metaVersion = numberField(readMessage(meta, `${file}: meta`), 1) ?? 0;
    if (metaVersion > newestMetaVersion) {
      throw new BadFile(`${file}: meta`, `is package version ${metaVersion}, newer than this app reads (up to ${newestMetaVersion}); export it from Anki with "Support older Anki versions" ticked`);
    }
  }
  const chosen = collectionNames.find((n) => entries.has(n));
  if (!chosen) throw new BadFile(file, `holds no Anki collection (${collectionNames.join(', ')}); is it an Anki package?`);
  const place = `${file}: ${chosen}`;
  let collectionBytes = entries.get(chosen)!;
  const modern = chosen === 'collection.anki21b';
  if (modern) collectionBytes = unzstd(collectionBytes, place, limits.maxUnpackedBytes);
  await progress.at('reading the collection', 0, 1);
  const db = openCollection(collectionBytes, place);
  try {
    let schema: number;
    try {
      schema = db.prepare<[], { ver: number }>('SELECT ver FROM col').get()?.ver ?? 0;
    } catch {
      throw new BadFile(place, 'has no col table; it is not an Anki collection');
    }
    if (schema > newestSchema) throw new BadFile(`${place}: col.ver`, `is schema ${schema}, newer than this app reads (up to ${newestSchema}); export it from Anki with "Support older Anki versions" ticked`);
    if (schema < oldestSchema) throw new BadFile(`${place}: col.ver`, `is schema ${schema}, older than any Anki 2 collection (${oldestSchema}); open and save it in a current Anki first`);
    if (modern && schema < 18) throw new BadFile(`${place}: col.ver`, `is schema ${schema}, but a collection.anki21b must be schema 18`);
    const types = noteTypes(db, schema, place);
    const decks = deckNames(db, schema, place);

    const cardsByNote = new Map<number, AnkiCard[]>();
    for (const c of db.prepare<[], AnkiCard>('SELECT id, nid, did, ord, queue FROM cards ORDER BY nid, ord').all()) {
      let list = cardsByNote.get(c.nid);
      if (!list) cardsByNote.set(c.nid, (list = []));
      list.push(c);
    }
    const reviews = reviewsOf(db);

    type NoteRow = { id: number; guid: string; mid: number; flds: Buffer; tags: string };
    const notes = db.prepare<[], NoteRow>('SELECT id, guid, mid, CAST(flds AS BLOB) AS flds, tags FROM notes ORDER BY id').all();
    if (notes.length > limits.maxNotes) throw new BadFile(place, `holds ${notes.length} notes; the import takes at most ${limits.maxNotes} at a time`);

    // Media: only images a note refers to are unpacked and kept.
    const zipNameOf = new Map<string, string>();
    for (const [zipName, name] of mediaMap(entries, modern, file, limits)) zipNameOf.set(name, zipName);
    const fieldsOf = new Map<number, string[]>();
    const referenced = new Set<string>();
    const sounds = new Set<string>();
    for (let i = 0; i < notes.length; i++) {
      const n = notes[i]!;
      if (i % 2000 === 0) await progress.at('reading notes', i, notes.length);
      let text: string;
      try {
        text = strictUtf8.decode(n.flds);
      } catch {
        plan.problems.push({ place: `${place}: note ${n.id}`, message: 'its fields are not valid UTF-8 text; the collection is damaged (Anki\'s "Check Database" may repair it)' });
        continue;
      }
      const fields = text.split(sep);
      const big = fields.findIndex((f) => Buffer.byteLength(f) > limits.maxFieldBytes);
      if (big >= 0) {
        plan.problems.push({ place: `${place}: note ${n.id}, field ${big + 1}`, message: `is ${megabytes(Buffer.byteLength(fields[big]!))}; a field may hold at most ${megabytes(limits.maxFieldBytes)}` });
        continue;
      }
      fieldsOf.set(n.id, fields);
      for (const f of fields) {
        if (f.includes('<img')) for (const m of f.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) referenced.add(m[1] ?? m[2] ?? m[3] ?? '');
        if (f.includes('[sound:')) for (const m of f.matchAll(/\[sound:([^\]]*)\]/g)) sounds.add(m[1]!);
      }
    }
    const wantedZip = new Map<string, string>();
    for (const name of referenced) {
      let n = name.replace(/&amp;/g, '&');
      try {
        n = decodeURIComponent(n);
      } catch {
        // keep as written
      }
      const z = zipNameOf.get(n);
      if (z !== undefined && imageTypes.has(path.extname(n).toLowerCase())) wantedZip.set(z, n);
    }
    const stored = new Map<string, string>();
    if (wantedZip.size > 0) {
      await progress.at('reading images', 0, wantedZip.size);
      const files = readZipEntries(bytes, file, (n) => wantedZip.has(n), limits);
      for (const [zipName, name] of wantedZip) {
        let data = files.get(zipName);
        if (!data) {
          plan.notices.push(`The image ${name} is listed in the package's media but missing from it; it will show as broken.`);
          continue;
        }
        if (modern) data = unzstd(data, `${file}: ${zipName} (${name})`, limits.maxUnpackedBytes);
        const hash = crypto.createHash('sha256').update(data).digest('hex').slice(0, 32);
        const storedName = `${hash}${path.extname(name).toLowerCase()}`;
        stored.set(name, storedName);
        if (!plan.media.some((m) => m.stored === storedName)) plan.media.push({ stored: storedName, bytes: data });
      }
    }
    if (sounds.size > 0) plan.notices.push(`${sounds.size} sound file${sounds.size === 1 ? '' : 's'} (${[...sounds].slice(0, 3).join(', ')}${sounds.size > 3 ? ', …' : ''}) cannot be played here; their [sound:…] references show as text.`);

    const addDeck = deckAdder(plan, 'anki');
    const deckFor = (did: number | undefined): string => addDeck((did !== undefined ? decks.get(did) : undefined) ?? 'Default');

    let noHistory = 0;
    let noCards = 0;
    for (let i = 0; i < notes.length; i++) {
      const n = notes[i]!;
      if (i % 2000 === 0) await progress.at('making cards', i, notes.length);
      const fields = fieldsOf.get(n.id);
      if (!fields) continue;
      const type = types.get(n.mid);
      if (!type) {
        plan.problems.push({ place: `${place}: note ${n.id}`, message: `uses note type ${n.mid}, which the collection does not define` });
        continue;
      }
      const ankiCards = cardsByNote.get(n.id) ?? [];
      const tags = n.tags.split(/\s+/).filter((t) => t !== '');
      const made = cardsOfNote(type, fields.map((f) => rewriteMedia(f, stored)));
      if (made.length === 0) noCards++;
      for (const c of made) {
        const anki = c.kind === 'other' ? ankiCards[0] : ankiCards.find((a) => a.ord === c.ord);
        const deckId = deckFor(anki?.did ?? ankiCards[0]?.did);
        const history = anki ? (reviews.get(anki.id) ?? []) : [];
        if (history.length === 0 && anki && anki.queue !== 0 && anki.queue !== -1) noHistory++;
        const card: PlannedCard = {
          key: `anki:${n.guid}/${c.ord}`,
          deckId,
          noteKind: c.kind,
          kind: 'question',
          front: c.front,
          back: c.back,
          content: JSON.stringify({ kind: 'question', id: `${n.guid}/${c.ord}`, question: c.front, answer: c.back, tags, html: true }),
          suspended: anki?.queue === -1,
          reviews: history.filter((r) => r.at <= now),
        };
        plan.cards.push(card);
      }
    }
    if (noCards > 0) plan.notices.push(`${noCards} cloze note${noCards === 1 ? ' has' : 's have'} no cloze deletion ({{c1::…}}) and make no card.`);
    if (noHistory > 0) plan.notices.push(`${noHistory} card${noHistory === 1 ? ' was' : 's were'} studied in Anki but carry no review history in the package; they start as new.`);
    if (!names.has('meta') && chosen === 'collection.anki2' && plan.cards.length === 0) plan.notices.push('The package holds no notes.');
    return plan;
  } finally {
    db.close();
  }
}
