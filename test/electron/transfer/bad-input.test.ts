// Bad files are refused with a message naming the place, and the collection is left exactly
// as it was: every table's rows hash the same before and after the attempt.
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZip } from '../../../electron/transfer/zip.ts';
import { cleanTemp } from '../helpers.ts';
import { buildApkg, type PkgNote } from './ankiPackage.ts';
import { fingerprint, freshBackend, preview } from './importing.ts';

afterAll(cleanTemp);

const basic = (over: Partial<PkgNote> = {}): PkgNote => ({ id: 1, guid: 'g1', type: 'basic', fields: ['front', 'back'], ...over });

const cases: { name: string; file: string; bytes: () => Promise<Uint8Array>; place: RegExp; message: RegExp }[] = [
  { name: 'not a zip', file: 'deck.apkg', bytes: async () => new TextEncoder().encode('just some text, not a package'), place: /^deck\.apkg$/, message: /not a zip/ },
  {
    name: 'a truncated zip',
    file: 'deck.apkg',
    bytes: async () => {
      const whole = await buildApkg({ format: 'legacy', notes: [basic()] });
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    },
    place: /^deck\.apkg$/,
    message: /truncated or damaged/,
  },
  {
    name: 'a zip bomb',
    file: 'bomb.apkg',
    bytes: async () => zipSync({ 'collection.anki21': new Uint8Array(64 * 1024 * 1024) }, { level: 9 }),
    place: /^bomb\.apkg: collection\.anki21$/,
    message: /expand \d+ times.*zip bomb/,
  },
  {
    name: 'a zip entry that hides its real size',
    file: 'liar.apkg',
    bytes: async () => {
      // 32 MB of zeros that the directory says unpack to 1 MB: inflating stops at the claim.
      const zip = writeZip([{ name: 'collection.anki21', data: new Uint8Array(32 * 1024 * 1024) }], 9);
      const dir = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      zip.writeUInt32LE(1024 * 1024, dir + 24);
      return zip;
    },
    place: /^liar\.apkg: collection\.anki21$/,
    message: /cannot be unpacked|the file is damaged/,
  },
  {
    name: 'a newer collection schema',
    file: 'new.apkg',
    bytes: () => buildApkg({ format: 'modern', notes: [basic()], schemaVersion: 19 }),
    place: /^new\.apkg: collection\.anki21b: col\.ver$/,
    message: /schema 19, newer than this app reads/,
  },
  {
    name: 'a newer package version',
    file: 'new.apkg',
    bytes: () => buildApkg({ format: 'modern', notes: [basic()], metaVersion: 4 }),
    place: /^new\.apkg: meta$/,
    message: /package version 4/,
  },
  {
    name: 'a note that is not UTF-8',
    file: 'bad.apkg',
    bytes: () => buildApkg({ format: 'legacy', notes: [basic({ id: 77, rawFields: Uint8Array.from([0x66, 0xff, 0xfe, 0x1f, 0x62]) })] }),
    place: /^bad\.apkg: collection\.anki21: note 77$/,
    message: /not valid UTF-8/,
  },
  {
    name: 'a 10 MB field',
    file: 'big.apkg',
    bytes: () => buildApkg({ format: 'modern', notes: [basic(), basic({ id: 2, guid: 'g2', fields: ['front', 'x'.repeat(10 * 1024 * 1024)] })] }),
    place: /^big\.apkg: collection\.anki21b: note 2, field 2$/,
    message: /is 10 MB; a field may hold at most 1\.0 MB/,
  },
  {
    name: 'a ragged CSV',
    file: 'words.csv',
    bytes: async () => new TextEncoder().encode('#separator:comma\nfront,back\n"a, with comma",b\nonly one field\nx,y,z\n'),
    place: /^words\.csv:4$/,
    message: /has 1 field where the first row has 2/,
  },
  {
    name: 'a CSV with a quote never closed',
    file: 'words.csv',
    bytes: async () => new TextEncoder().encode('front,back\na,"never closed\nb,c\n'),
    place: /^words\.csv:2$/,
    message: /never closed/,
  },
  {
    name: 'a CSV that is not UTF-8',
    file: 'words.tsv',
    bytes: async () => Uint8Array.from([...new TextEncoder().encode('a\tb\nc\t'), 0xe9, 0x0a]),
    place: /^words\.tsv:2$/,
    message: /not valid UTF-8/,
  },
  {
    name: 'a YAML alias bomb',
    file: 'bomb.yaml',
    bytes: async () => {
      let y = 'format: 1\nid: bomb\nname: Bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
      for (let i = 1; i < 9; i++) y += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
      return new TextEncoder().encode(y + 'cards: []\n');
    },
    place: /^bomb\.yaml/,
    message: /alias/i,
  },
  {
    name: 'a deck file with a wrong field',
    file: 'mine.yaml',
    bytes: async () => new TextEncoder().encode('format: 1\nid: mine\nname: Mine\ncards:\n  - id: a\n    kind: term\n    term: T\n    definitoin: D\n'),
    place: /^mine\.yaml:\d+$/,
    message: /definition: required|definitoin: unknown field/,
  },
];

describe('bad input', () => {
  it.each(cases)('$name is refused, naming the place, and changes nothing', async (c) => {
    const { backend, dbPath } = freshBackend();
    const before = fingerprint(dbPath);
    const p = await preview(backend, c.file, await c.bytes());
    expect(p.state).toBe('failed');
    expect(p.problems.length).toBeGreaterThan(0);
    const first = p.problems[0]!;
    expect(first.place).toMatch(c.place);
    expect(first.message).toMatch(c.message);
    await expect(backend.importCommit({ importId: p.importId })).rejects.toThrow(/cannot be imported/);
    expect(fingerprint(dbPath)).toBe(before);
    backend.close();
  });

  it('a file of an unknown kind is refused by name', async () => {
    const { backend, dbPath } = freshBackend();
    const before = fingerprint(dbPath);
    const p = await preview(backend, 'notes.docx', new TextEncoder().encode('hello'));
    expect(p.problems[0]).toMatchObject({ place: 'notes.docx', message: expect.stringMatching(/not a file the app imports/) });
    expect(fingerprint(dbPath)).toBe(before);
    backend.close();
  });

  it('a cancelled import writes nothing and cannot be committed', async () => {
    const { backend, dbPath } = freshBackend();
    const before = fingerprint(dbPath);
    const bytes = await buildApkg({ format: 'modern', notes: [basic()] });
    const { importId } = backend.transfer.stage('a.apkg', bytes);
    await backend.importCancel({ importId });
    await backend.transfer.jobs.get(importId)!.finished;
    expect((await backend.importStatus({ importId })).state).toBe('cancelled');
    await expect(backend.importCommit({ importId })).rejects.toThrow(/cannot be imported/);
    expect(fingerprint(dbPath)).toBe(before);
    backend.close();
  });
});
