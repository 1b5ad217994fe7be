// Parsing deck files off the main thread (parse-worker.ts). The worker is started for one load
// and ended after it. It has a memory ceiling: a file that needs more to parse fails alone with a
// message. When no worker can be started at all, files are parsed on the main thread instead
// (each is capped in size, so that stays bounded).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-source.ts';
import { parseDeck, type ParseOutcome } from './format.ts';

/** The memory a worker may use for parsing: a file at the size cap needs well under this. */
const workerHeapMb = 1024;

interface Pending {
  resolve: (o: ParseOutcome) => void;
  text: string;
  label: string;
}

function startParser(): Promise<Worker> {
  const entry = () => path.join(path.dirname(fileURLToPath(import.meta.url)), 'parse-worker.ts');
  return startWorker('deck-worker.cjs', entry, { resourceLimits: { maxOldGenerationSizeMb: workerHeapMb } });
}

export class ParsePool {
  private worker: Worker | null = null;
  private starting: Promise<Worker | null> | null = null;
  /** Set by close(): a worker still starting then is ended as soon as it is there. */
  private closed = false;
  private broken = false;
  private next = 0;
  private readonly pending = new Map<number, Pending>();
  /** Files parsed by the worker and on the main thread, to tell the two apart in tests and logs. */
  readonly counts = { worker: 0, inPlace: 0 };

  constructor(private readonly log: (msg: string) => void = () => {}) {}

  async parse(text: string, label: string): Promise<ParseOutcome> {
    const worker = this.broken ? null : await this.ensure();
    if (!worker) return this.inPlace(text, label);
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, text, label });
      worker.postMessage({ id, text, label });
    });
  }

  private ensure(): Promise<Worker | null> {
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= startParser().then(
      (w) => {
        this.starting = null;
        if (this.closed) {
          void w.terminate();
          return null;
        }
        w.on('message', (m: { id: number; outcome: ParseOutcome }) => {
          const p = this.pending.get(m.id);
          this.pending.delete(m.id);
          this.counts.worker++;
          p?.resolve(m.outcome);
        });
        w.on('error', (err: Error & { code?: string }) => this.failed(err));
        w.on('exit', () => {
          if (this.worker === w) this.worker = null;
          if (this.pending.size > 0) this.failed(new Error('the deck parser stopped'));
        });
        this.worker = w;
        return w;
      },
      (err: unknown) => {
        this.starting = null;
        this.log(`deck files are parsed on the main thread: ${(err as Error).message}`);
        this.broken = true;
        return null;
      },
    );
    return this.starting;
  }

  /**
   * The worker died. Out of memory means the file it was on is at fault: that file fails with a
   * message. Anything else means workers do not work here: what is waiting is parsed in place.
   */
  private failed(err: Error & { code?: string }): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.worker = null;
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      const [first, ...rest] = waiting;
      first?.resolve({
        ok: false,
        problems: [{ file: first.label, line: null, field: null, message: 'needs more memory to read than a deck file may use; make it smaller or split it' }],
      });
      // The others were only queued behind it: a fresh worker takes them.
      for (const p of rest) void this.parse(p.text, p.label).then(p.resolve);
      return;
    }
    this.log(`the deck parser failed (${err.message}); parsing on the main thread`);
    this.broken = true;
    for (const p of waiting) p.resolve(this.inPlace(p.text, p.label));
  }

  private inPlace(text: string, label: string): ParseOutcome {
    this.counts.inPlace++;
    return parseDeck(text, label);
  }

  close(): void {
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
    this.closed = true;
  }
}
