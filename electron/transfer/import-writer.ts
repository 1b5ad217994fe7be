// Runs an import's write off the main thread: a write thread with its own connection (WAL lets
// the main connection go on reading meanwhile) and replay helpers beside it (import-worker.ts).
// The write is still one transaction: if it fails, or its thread dies, nothing of it is kept.
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import type { SchedulingRules } from '../scheduler/intervals.ts';
import { nativeBindingFile } from '../store/sqlite.ts';
import { prepareWorker, startWorker } from '../worker-source.ts';
import type { ImportResult, PackedPlan } from './commit.ts';
import type { ReplayData, RestoreData, WriteData, WriterMessage } from './import-worker.ts';
import { rangeCount } from './replay.ts';

export interface WriteOptions {
  dbPath: string;
  plan: PackedPlan;
  rules: SchedulingRules;
  now: number;
  /** Replay threads beside the writer (default: one fewer than the machine's cores, at least one). */
  helpers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Tests only: the writer throws after this many ranges. */
  failAfterRanges?: number;
  /** Tests only: the writer stops before its COMMIT until element 0 of `hold` is set, and `onHeld` is told. */
  hold?: SharedArrayBuffer;
  onHeld?: (writer: Worker) => void;
}

/** Raised when no worker thread can be started here: the caller writes on its own thread instead. */
export class NoWorkers extends Error {}

function sqliteModule(): string {
  // The built app is CommonJS (its own `require`); from source, resolve from this file.
  const req = typeof require === 'function' ? require : createRequire(import.meta.url);
  return req.resolve('better-sqlite3');
}

const workerEntry = () => path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-worker.ts');

const built = 'import-worker.cjs';
const external = ['better-sqlite3'];
const start = (data: WriteData | RestoreData | ReplayData, transfer: readonly MessagePort[]) =>
  startWorker(built, workerEntry, { workerData: data, transferList: [...transfer] }, external);

/** Gets the threads' code ready while a file is still being read, so Import starts writing at once. */
export function prepareWriter(): void {
  prepareWorker(built, workerEntry, external);
}

type Result = Extract<WriterMessage, { result: unknown }>['result'];

/** Starts a writing thread, or says that none can start here. */
async function startWriter(data: WriteData | RestoreData, transfer: readonly MessagePort[] = []): Promise<Worker> {
  try {
    return await start(data, transfer);
  } catch (err) {
    throw new NoWorkers(err instanceof Error ? err.message : String(err));
  }
}

/** The writing thread's result; if it fails or dies, it and `others` are ended and the error raised. */
async function outcome(writer: Worker, hooks: Pick<WriteOptions, 'onProgress' | 'onHeld'>, others: () => Worker[] = () => []): Promise<Result> {
  try {
    // On success every thread ends by itself once its work is done.
    return await new Promise((resolve, reject) => {
      writer.on('message', (m: WriterMessage) => {
        if ('progress' in m) hooks.onProgress?.(m.progress.done, m.progress.total);
        else if ('held' in m) hooks.onHeld?.(writer);
        else if ('result' in m) resolve(m.result);
        else reject(new Error(m.error));
      });
      writer.on('error', reject);
      writer.on('exit', (code) => reject(new Error(`the import's writing thread stopped (exit code ${code}) before it finished`)));
    });
  } catch (err) {
    void writer.terminate();
    for (const w of others()) void w.terminate();
    throw err;
  }
}

const connection = () => ({ sqliteModule: sqliteModule(), nativeBinding: nativeBindingFile() });

export async function writeOffThread(o: WriteOptions): Promise<Omit<ImportResult, 'media'>> {
  const ranges = rangeCount(o.plan.packed);
  const helpers = Math.min(o.helpers ?? Math.max(1, os.availableParallelism() - 1), Math.max(0, ranges - 1));
  const claims = new SharedArrayBuffer(4 * Math.max(1, ranges));
  const channels = Array.from({ length: helpers }, () => new MessageChannel());
  const { cards: _cards, ...reviewsOnly } = o.plan.packed;
  const writer = await startWriter(
    { role: 'write', dbPath: o.dbPath, ...connection(), plan: o.plan, rules: o.rules, now: o.now, claims, helpers: channels.map((c) => c.port2), failAfterRanges: o.failAfterRanges, hold: o.hold },
    channels.map((c) => c.port2),
  );
  // Helpers that cannot start are only missed: the writer replays what nobody claims.
  const started: Worker[] = [];
  channels.forEach((c, helper) => {
    start({ role: 'replay', helper, packed: { ...reviewsOnly, cards: [] }, rules: o.rules, now: o.now, claims, port: c.port1 }, [c.port1]).then(
      (w) => started.push(w.on('error', () => {})),
      () => c.port1.close(),
    );
  });
  return outcome(writer, o, () => started);
}

/** A progress file written on a thread of its own (restore.ts), read there again from its bytes. */
export async function restoreOffThread(o: Omit<RestoreData, 'role' | 'sqliteModule' | 'nativeBinding'>): Promise<Result & { mode: 'restore' | 'merge' }> {
  const writer = await startWriter({ role: 'restore', ...o, ...connection() });
  const r = await outcome(writer, {});
  return { ...r, mode: r.mode ?? 'merge' };
}
