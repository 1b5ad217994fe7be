// The threads an import is written by (import-writer.ts starts them). One "write" thread opens
// its own connection to the progress database and writes the plan in one transaction
// (commit.ts), so the main thread goes on answering the page meanwhile (a "restore" thread
// does the same for a progress file, restore.ts); "replay" threads
// recompute the FSRS states of the new cards' histories beside it, claiming ranges of cards
// from a shared table so that each range is replayed exactly once, by whichever thread is free.
import { createRequire } from 'node:module';
import { setImmediate as yieldNow } from 'node:timers/promises';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { SchedulingRules } from '../scheduler/intervals.ts';
import { writePlan, type PackedPlan, type Replayer } from './commit.ts';
import type { ImportLimits } from './limits.ts';
import { readProgressFile } from './progressFile.ts';
import { rangeCount, rangeSize, replayRangeAt, type PackedCards, type ReplayedRange } from './replay.ts';
import { applyProgress } from './restore.ts';

/** A range's entry in the claims table: free, taken by the writer, or by helper h (2 + h). */
const free = 0;
const byWriter = 1;

export interface WriteData {
  role: 'write';
  dbPath: string;
  /** Where better-sqlite3 is (resolved by the main thread) and the addon it is to load, if not its own. */
  sqliteModule: string;
  nativeBinding?: string;
  plan: PackedPlan;
  rules: SchedulingRules;
  now: number;
  claims: SharedArrayBuffer;
  helpers: MessagePort[];
  /** Tests only: throw after writing this many ranges, to show that nothing is kept. */
  failAfterRanges?: number;
  /** Tests only: before committing, say so and wait until element 0 is not 0 (the write lock held meanwhile). */
  hold?: SharedArrayBuffer;
}

/** A progress file written on its own thread: the file is read again there (cheaper than handing over what the main thread read). */
export interface RestoreData {
  role: 'restore';
  dbPath: string;
  sqliteModule: string;
  nativeBinding?: string;
  bytes: Uint8Array;
  file: string;
  limits: ImportLimits;
  rules: SchedulingRules;
  deckDirs: string[];
}

export interface ReplayData {
  role: 'replay';
  helper: number;
  packed: PackedCards;
  rules: SchedulingRules;
  now: number;
  claims: SharedArrayBuffer;
  port: MessagePort;
}

/** What the write thread tells the main thread. */
export type WriterMessage =
  | { progress: { done: number; total: number } }
  | { held: true }
  | { result: { decks: number; added: number; updated: number; reviews: number; mode?: 'restore' | 'merge' } }
  | { error: string };

/**
 * The writer's replayer: a range a helper has sent is taken as it is; a range nobody has
 * claimed is replayed here; while a helper is still on the range needed next, the writer
 * replays a later free range rather than wait. A helper that stops gives its claims back.
 */
function sharedReplayer(packed: PackedCards, now: number, rules: SchedulingRules, claims: Int32Array, helpers: MessagePort[]): Replayer {
  const ranges = rangeCount(packed);
  const ready = new Map<number, ReplayedRange>();
  /** Ranges handed to the writer already: a helper's late message for one is not needed. */
  const taken = new Uint8Array(ranges);
  let ids: Float64Array<ArrayBufferLike> = new Float64Array(0);
  let wake = () => {};
  let cursor = 0;
  const claim = (r: number) => Atomics.compareExchange(claims, r, free, byWriter) === free;
  helpers.forEach((port, h) => {
    port.on('message', (m: ReplayedRange) => {
      ready.set(Math.floor(m.from / rangeSize), m);
      wake();
    });
    port.on('close', () => {
      for (let r = 0; r < ranges; r++) {
        if (Atomics.load(claims, r) === 2 + h && !ready.has(r) && !taken[r]) {
          Atomics.store(claims, r, byWriter);
          ready.set(r, replayRangeAt(packed, ids, r, now, rules));
        }
      }
      wake();
    });
  });
  return {
    start(given) {
      ids = given;
      for (const port of helpers) port.postMessage({ ids });
    },
    async range(r) {
      taken[r] = 1;
      for (;;) {
        const got = ready.get(r);
        if (got) {
          ready.delete(r);
          return got;
        }
        if (claim(r)) return replayRangeAt(packed, ids, r, now, rules);
        cursor = Math.max(cursor, r + 1);
        while (cursor < ranges && !claim(cursor)) cursor++;
        if (cursor < ranges) {
          ready.set(cursor, replayRangeAt(packed, ids, cursor, now, rules));
          await yieldNow();
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

/**
 * Opens this thread's own connection, set up as the main one is (store/open.ts), runs `work`
 * on it, reports the result, and only then copies the WAL back, still on this thread, so the
 * main thread never copies a big import's WAL back itself.
 */
async function onOwnConnection(data: WriteData | RestoreData, work: (db: BetterSqlite3.Database) => Promise<Extract<WriterMessage, { result: unknown }>['result']>): Promise<void> {
  const Database = createRequire(data.sqliteModule)(data.sqliteModule) as typeof BetterSqlite3;
  const db = new Database(data.dbPath, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
  try {
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // A write of the main thread's that is under way when this starts is waited for.
    db.pragma('busy_timeout = 10000');
    db.pragma('wal_autocheckpoint = 0');
    const result = await work(db);
    parentPort?.postMessage({ result } satisfies WriterMessage);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (err) {
    parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies WriterMessage);
  } finally {
    db.close();
  }
}

function write(data: WriteData): Promise<void> {
  return onOwnConnection(data, async (db) => {
    try {
      const replayer = sharedReplayer(data.plan.packed, data.now, data.rules, new Int32Array(data.claims), data.helpers);
      const onRange = (done: number, total: number) => {
        if (data.failAfterRanges !== undefined && done >= data.failAfterRanges) throw new Error('stopped on purpose by a test');
        parentPort?.postMessage({ progress: { done, total } } satisfies WriterMessage);
      };
      return await writePlan(db, data.plan, data.rules, data.now, replayer, onRange, () => {
        if (!data.hold) return;
        parentPort?.postMessage({ held: true } satisfies WriterMessage);
        Atomics.wait(new Int32Array(data.hold), 0, 0);
      });
    } finally {
      for (const port of data.helpers) port.close();
    }
  });
}

function restore(data: RestoreData): Promise<void> {
  return onOwnConnection(data, async (db) => applyProgress(db, readProgressFile(data.bytes, data.file, data.limits), data.rules, data.deckDirs));
}

function replayAlongside(data: ReplayData): void {
  const claims = new Int32Array(data.claims);
  const ranges = rangeCount(data.packed);
  data.port.once('message', ({ ids }: { ids: Float64Array }) => {
    for (let r = 0; r < ranges; r++) {
      if (Atomics.compareExchange(claims, r, free, 2 + data.helper) !== free) continue;
      const out = replayRangeAt(data.packed, ids, r, data.now, data.rules);
      data.port.postMessage(out, [out.finals.buffer, out.statesBefore.buffer]);
    }
    data.port.close();
  });
}

const data = workerData as WriteData | RestoreData | ReplayData;
if (data?.role === 'write') void write(data);
else if (data?.role === 'restore') void restore(data);
else if (data?.role === 'replay') replayAlongside(data);
