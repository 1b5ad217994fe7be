// An import's write runs on threads of its own (electron/transfer/import-writer.ts): a writer
// with its own connection and replay helpers beside it. These tests hold it to what the write
// on the main thread did: the very same rows, one transaction, and the server answering
// meanwhile.
import { afterAll, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { cleanTemp } from '../helpers.ts';
import { buildApkg, type PkgNote } from './ankiPackage.ts';
import { fingerprint, freshBackend, preview, rows } from './importing.ts';

afterAll(cleanTemp);

const day = 86_400_000;
const t0 = new Date(2025, 4, 1, 9, 0).getTime();

/** A package big enough for several ranges of 1,024 cards, with every rating and some notes without history. */
function manyNotes(count: number, reviewsOf: (i: number) => number = (i) => i % 9): PkgNote[] {
  let seed = 3;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff);
  return Array.from({ length: count }, (_, i) => {
    const start = t0 + rand() * 20 * day;
    const reviews = Array.from({ length: reviewsOf(i) }, (_, k) => ({ at: Math.round(start + k * 25 * day + rand() * day), ease: 1 + Math.floor(rand() * 4), timeMs: 2000 + Math.round(rand() * 9000), type: k < 2 ? 0 : 1 }));
    return { id: 1_600_000_000_000 + i, guid: `g${i}`, type: i % 6 === 0 ? 'reversed' : 'basic', deck: `Deck ${i % 3}`, fields: [`Front ${i} <b>chan</b>`, `Back ${i}`], tags: i % 4 ? ['t'] : [], cards: { 0: { reviews } } } satisfies PkgNote;
  });
}

async function importInto(backend: ReturnType<typeof freshBackend>['backend'], bytes: Uint8Array) {
  const p = await preview(backend, 'many.apkg', bytes);
  expect(p.problems).toEqual([]);
  return backend.importCommit({ importId: p.importId });
}

describe('the threaded import write', () => {
  it('writes exactly the rows the write on the main thread writes, new cards and merged ones alike', async () => {
    // A first import of part of the notes with part of their history, then all of it: the
    // second write both adds cards and merges reviews into cards already there.
    const all = manyNotes(2600);
    const part = all.filter((_, i) => i % 3 === 0).map((n) => ({ ...n, cards: { 0: { reviews: n.cards![0]!.reviews!.slice(0, 2) } } }));
    const first = await buildApkg({ format: 'modern', notes: part });
    const second = await buildApkg({ format: 'modern', notes: all });
    const results: { print: string; outcomes: unknown[] }[] = [];
    for (const hooks of [{ inPlace: true }, { helpers: 1 }, { helpers: 3 }]) {
      const { backend, dbPath } = freshBackend();
      backend.transfer.writeHooks = hooks;
      const outcomes = [await importInto(backend, first), await importInto(backend, second)];
      await backend.backupsSettled();
      backend.close();
      results.push({ print: fingerprint(dbPath), outcomes });
    }
    expect(results[0]!.outcomes).toEqual([
      { decks: 1, added: 1301, updated: 0, reviews: 1156, images: 0 },
      { decks: 3, added: 1733, updated: 1301, reviews: 9240, images: 0 },
    ]);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('answers status, searches and previews while it writes, refuses other writes with a clear message, and commits all at once', async () => {
    const { backend, dbPath } = freshBackend();
    const hold = new SharedArrayBuffer(4);
    let held!: () => void;
    const reachedCommit = new Promise<void>((resolve) => (held = resolve));
    backend.transfer.writeHooks = { hold, onHeld: () => held() };
    const before = fingerprint(dbPath);
    const cardsBefore = (await backend.browseCards({})).total;
    const p = await preview(backend, 'many.apkg', await buildApkg({ format: 'modern', notes: manyNotes(1500) }));
    let settled = false;
    const committing = backend.importCommit({ importId: p.importId }).finally(() => (settled = true));
    // The writer has written everything and holds the write lock, its transaction still open.
    await reachedCommit;
    expect((await backend.status({})).dbProblem).toBeNull();
    expect((await backend.browseCards({})).total).toBe(cardsBefore);
    expect((await backend.importStatus({ importId: p.importId })).progress.phase).toBe('writing');
    await expect(backend.updateSettings({ desiredRetention: 0.85 })).rejects.toThrow(/updateSettings is unavailable while many\.apkg is being imported/);
    await expect(backend.importCommit({ importId: p.importId })).rejects.toThrow(/many\.apkg is being imported/);
    // Nothing of the import is visible before its commit: not to this app, not on disk.
    expect(fingerprint(dbPath)).toBe(before);
    expect(settled).toBe(false);
    Atomics.store(new Int32Array(hold), 0, 1);
    Atomics.notify(new Int32Array(hold), 0);
    const done = await committing;
    expect(done.added).toBe(1750);
    expect((await backend.browseCards({})).total).toBe(cardsBefore + 1750);
    // Writes are taken again once the import is written.
    await backend.updateSettings({ desiredRetention: 0.85 });
    backend.close();
  });

  it('restores a progress file on its own thread to exactly the rows the main thread writes', async () => {
    const source = freshBackend();
    await importInto(source.backend, await buildApkg({ format: 'modern', notes: manyNotes(1200) }));
    const file = await source.backend.transfer.exportFile('progress');
    source.backend.close();
    const prints: string[] = [];
    for (const hooks of [{ inPlace: true }, {}]) {
      const { backend, dbPath } = freshBackend();
      backend.transfer.writeHooks = hooks;
      const p = await preview(backend, file.name, file.bytes);
      expect(p.mode).toBe('restore');
      // 1,400 imported cards and the 5 of the fixture decks.
      expect(await backend.importCommit({ importId: p.importId })).toMatchObject({ added: 1405 });
      await backend.backupsSettled();
      backend.close();
      prints.push(fingerprint(dbPath));
    }
    expect(prints[1]).toBe(prints[0]);
  });

  for (const how of ['throws', 'dies'] as const) {
    it(`leaves the collection exactly as it was when its writing thread ${how} midway`, async () => {
      const { backend, dbPath } = freshBackend();
      const hold = new SharedArrayBuffer(4);
      backend.transfer.writeHooks =
        how === 'throws'
          ? { failAfterRanges: 1 }
          : { hold, onHeld: (w: Worker) => void w.terminate() };
      const p = await preview(backend, 'many.apkg', await buildApkg({ format: 'modern', notes: manyNotes(1500) }));
      await backend.backupsSettled();
      const before = fingerprint(dbPath);
      await expect(backend.importCommit({ importId: p.importId })).rejects.toThrow(how === 'throws' ? /stopped on purpose/ : /writing thread stopped/);
      await backend.backupsSettled();
      expect(fingerprint(dbPath)).toBe(before);
      expect(rows(dbPath, "SELECT 1 FROM cards WHERE key LIKE 'anki:%'")).toEqual([]);
      // The write lock went with the thread: the app writes again, and the same import can be retried.
      await backend.updateSettings({ desiredRetention: 0.85 });
      backend.transfer.writeHooks = {};
      expect((await backend.importCommit({ importId: p.importId })).added).toBe(1750);
      backend.close();
    });
  }
});
