// Builds real Anki packages inside the tests, in both formats Anki writes: a legacy package
// (schema 11 SQLite `collection.anki21`, JSON media map, raw media) and a current one
// (`collection.anki21b`: zstd-compressed schema 18 SQLite, protobuf meta and media list,
// zstd-compressed media), each beside the dummy `collection.anki2` Anki adds.
import Database from 'better-sqlite3';
import { compress, init } from '@bokuweb/zstd-wasm';
import { zipSync, type Zippable } from 'fflate';

export type TypeName = 'basic' | 'reversed' | 'cloze' | 'vocab';

export interface PkgReview {
  at: number;
  ease: number;
  timeMs?: number;
  /** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled. */
  type?: number;
}

export interface PkgNote {
  id: number;
  guid: string;
  type: TypeName;
  fields: string[];
  tags?: string[];
  deck?: string;
  /** Per Anki card ordinal: its queue (-1 suspended) and its reviews. */
  cards?: Record<number, { queue?: number; reviews?: PkgReview[] }>;
  /** Raw bytes for the fields column instead of the fields joined (for invalid UTF-8). */
  rawFields?: Uint8Array;
}

export interface PkgSpec {
  format: 'legacy' | 'modern' | 'oldest';
  notes: PkgNote[];
  media?: { name: string; bytes: Uint8Array }[];
  schemaVersion?: number;
  metaVersion?: number;
}

const typeIds: Record<TypeName, number> = { basic: 1001, reversed: 1002, cloze: 1003, vocab: 1004 };
const typeDefs: Record<TypeName, { name: string; fields: string[]; templates: string[]; cloze: boolean }> = {
  basic: { name: 'Basic', fields: ['Front', 'Back'], templates: ['Card 1'], cloze: false },
  reversed: { name: 'Basic (and reversed card)', fields: ['Front', 'Back'], templates: ['Card 1', 'Card 2'], cloze: false },
  cloze: { name: 'Cloze', fields: ['Text', 'Back Extra'], templates: ['Cloze'], cloze: true },
  vocab: { name: 'Vocabulary', fields: ['Word', 'Meaning', 'Example'], templates: ['Recognise'], cloze: false },
};

// ---- protobuf, the writer half (the app only reads) ----
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
export function pbVarint(field: number, value: number): number[] {
  return [...varint(field * 8), ...varint(value)];
}
export function pbBytes(field: number, bytes: Uint8Array | number[]): number[] {
  return [...varint(field * 8 + 2), ...varint(bytes.length), ...bytes];
}
const utf8 = (s: string) => new TextEncoder().encode(s);

let zstdReady: Promise<void> | null = null;
export async function zstd(bytes: Uint8Array): Promise<Uint8Array> {
  zstdReady ??= init();
  await zstdReady;
  return compress(bytes, 3);
}

function cardOrds(n: PkgNote): number[] {
  if (n.type === 'reversed') return [0, 1];
  if (n.type === 'cloze') {
    const nums = new Set<number>();
    for (const m of (n.fields[0] ?? '').matchAll(/\{\{c(\d+)::/g)) nums.add(Number(m[1]) - 1);
    return [...nums].sort((a, b) => a - b);
  }
  return [0];
}

function collection(spec: PkgSpec, schema: number, notes: PkgNote[]): Buffer {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
      dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
      dconf text not null, tags text not null);
    CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
      tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
    CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
      usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
      factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null,
      odid integer not null, flags integer not null, data text not null);
    CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
      lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
    CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
  `);
  const deckNames = [...new Set(notes.map((n) => n.deck ?? 'Default'))];
  const deckId = (name: string) => (name === 'Default' ? 1 : 2000 + deckNames.indexOf(name));
  let models = '{}';
  let decks = '{}';
  if (schema >= 18) {
    db.exec(`
      CREATE TABLE notetypes (id integer not null primary key, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
      CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null, config blob not null, primary key (ntid, ord));
      CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null, mtime_secs integer not null, usn integer not null,
        config blob not null, primary key (ntid, ord));
      CREATE TABLE decks (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null,
        common blob not null, kind blob not null);
    `);
    for (const [t, def] of Object.entries(typeDefs) as [TypeName, (typeof typeDefs)[TypeName]][]) {
      // NotetypeConfig: kind (1) = 1 for cloze; css (3) so the message is never empty.
      const config = Uint8Array.from([...(def.cloze ? pbVarint(1, 1) : []), ...pbBytes(3, utf8('.card {}'))]);
      db.prepare('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)').run(typeIds[t], def.name, config);
      def.fields.forEach((f, i) => db.prepare('INSERT INTO fields VALUES (?, ?, ?, ?)').run(typeIds[t], i, f, Buffer.alloc(0)));
      def.templates.forEach((tm, i) => db.prepare('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)').run(typeIds[t], i, tm, Buffer.alloc(0)));
    }
    for (const name of deckNames) db.prepare('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)').run(deckId(name), name.split('::').join('\x1f'), Buffer.alloc(0), Buffer.alloc(0));
  } else {
    const m: Record<string, unknown> = {};
    for (const [t, def] of Object.entries(typeDefs) as [TypeName, (typeof typeDefs)[TypeName]][]) {
      m[String(typeIds[t])] = {
        id: typeIds[t],
        name: def.name,
        type: def.cloze ? 1 : 0,
        flds: def.fields.map((name, ord) => ({ name, ord })),
        tmpls: def.templates.map((name, ord) => ({ name, ord, qfmt: '{{Front}}', afmt: '{{Back}}' })),
      };
    }
    models = JSON.stringify(m);
    const d: Record<string, unknown> = {};
    for (const name of deckNames) d[String(deckId(name))] = { id: deckId(name), name };
    decks = JSON.stringify(d);
  }
  db.prepare("INSERT INTO col VALUES (1, 0, 0, 0, ?, 0, 0, 0, '{}', ?, ?, '{}', '{}')").run(schema, models, decks);
  const addNote = db.prepare('INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, 0, 0, 0, ?)');
  const addCard = db.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, ?, ?, 0, 0, 0, ?, 0, 0, 0, 0, 0, ?)');
  const addRev = db.prepare('INSERT INTO revlog VALUES (?, ?, 0, ?, 0, 0, 0, ?, ?)');
  let cardId = 1_600_000_000_000;
  const usedRevIds = new Set<number>();
  db.transaction(() => {
    for (const n of notes) {
      const tags = n.tags?.length ? ` ${n.tags.join(' ')} ` : '';
      addNote.run(n.id, n.guid, typeIds[n.type], tags, n.rawFields ? Buffer.from(n.rawFields) : n.fields.join('\x1f'), '');
      for (const ord of cardOrds(n)) {
        const spec = n.cards?.[ord];
        const cid = cardId++;
        const reviews = spec?.reviews ?? [];
        addCard.run(cid, n.id, deckId(n.deck ?? 'Default'), ord, reviews.length ? 2 : 0, spec?.queue ?? (reviews.length ? 2 : 0), reviews.length, '');
        for (const r of reviews) {
          let id = r.at;
          while (usedRevIds.has(id)) id++;
          usedRevIds.add(id);
          addRev.run(id, cid, r.ease, r.timeMs ?? 5000, r.type ?? 1);
        }
      }
    }
  })();
  const bytes = db.serialize();
  db.close();
  return bytes;
}

/** The note Anki puts in the dummy collection.anki2 of a current package. */
const dummy: PkgNote = { id: 1, guid: 'dummy', type: 'basic', fields: ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', ''] };

export async function buildApkg(spec: PkgSpec): Promise<Uint8Array> {
  const files: Zippable = {};
  const media = spec.media ?? [];
  if (spec.format === 'oldest') {
    files['collection.anki2'] = new Uint8Array(collection(spec, spec.schemaVersion ?? 11, spec.notes));
    files['media'] = utf8(JSON.stringify(Object.fromEntries(media.map((m, i) => [String(i), m.name]))));
    media.forEach((m, i) => (files[String(i)] = m.bytes));
  } else if (spec.format === 'legacy') {
    files['meta'] = [Uint8Array.from(pbVarint(1, spec.metaVersion ?? 2)), { level: 0 }];
    files['collection.anki2'] = new Uint8Array(collection(spec, 11, [dummy]));
    files['collection.anki21'] = new Uint8Array(collection(spec, spec.schemaVersion ?? 11, spec.notes));
    files['media'] = utf8(JSON.stringify(Object.fromEntries(media.map((m, i) => [String(i), m.name]))));
    media.forEach((m, i) => (files[String(i)] = [m.bytes, { level: 0 }]));
  } else {
    files['meta'] = [Uint8Array.from(pbVarint(1, spec.metaVersion ?? 3)), { level: 0 }];
    files['collection.anki2'] = [new Uint8Array(collection(spec, 11, [dummy])), { level: 0 }];
    files['collection.anki21b'] = [await zstd(new Uint8Array(collection(spec, spec.schemaVersion ?? 18, spec.notes))), { level: 0 }];
    // MediaEntries { repeated MediaEntry entries = 1 }, MediaEntry { name = 1, size = 2, sha1 = 3 }.
    const list = media.flatMap((m) => pbBytes(1, [...pbBytes(1, utf8(m.name)), ...pbVarint(2, m.bytes.length), ...pbBytes(3, new Uint8Array(20))]));
    files['media'] = [await zstd(Uint8Array.from(list)), { level: 0 }];
    for (let i = 0; i < media.length; i++) files[String(i)] = [await zstd(media[i]!.bytes), { level: 0 }];
  }
  return zipSync(files, { level: 6 });
}

/** A 1x1 PNG. */
export const tinyPng = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);
