// The page's side of the gosim worker: jobs go in, results come back, and nothing can freeze
// the page. Every job has budgets gosim enforces itself; on top of them a watchdog ends a job
// whose worker stops answering, and stop() ends every job at once. Ending a job terminates the
// worker, since a JS thread cannot be interrupted; a fresh one is started for the next job.
import { runBudget, searchBudget } from './budgets.ts';
import type { Budget, GosimJob, JobResult, WorkerRequest, WorkerResponse } from './protocol.ts';

/** What the client needs of a Worker (a fake in tests, a real Web Worker in the page). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

/** Why a job ended without a result. */
export type EndReason = 'stopped' | 'unresponsive' | 'crashed' | 'failed';

export class JobEnded extends Error {
  constructor(
    readonly reason: EndReason,
    message: string,
  ) {
    super(message);
    this.name = 'JobEnded';
  }
}


/**
 * Time a job may take beyond its wall budget before the watchdog ends it: gosim checks its
 * clock between steps, explanations replay a witness after a search, and results are copied.
 */
export const watchdogSlackMs = 5000;

interface Pending {
  request: WorkerRequest;
  resolve: (value: unknown) => void;
  reject: (err: JobEnded) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

export class GosimClient {
  private worker: WorkerLike | null = null;
  private ready = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Jobs waiting for the worker to load; sent in order once it is ready. */
  private queue: Pending[] = [];
  /** Workers started so far (the first, and one after each stop or crash). */
  spawned = 0;

  constructor(private readonly spawn: () => WorkerLike) {}

  /** Starts the worker ahead of the first job, so that job does not wait for gosim to load. */
  warm(): void {
    this.ensureWorker();
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  submit<J extends GosimJob>(job: J, budget: Partial<Budget> = {}): Promise<JobResult<J>> {
    const base = job.type === 'explore' || job.type === 'checkExercise' ? searchBudget : runBudget;
    const request: WorkerRequest = { id: this.nextId++, job, budget: { ...base, ...budget } };
    return new Promise<JobResult<J>>((resolve, reject) => {
      const p: Pending = { request, resolve: resolve as (v: unknown) => void, reject, timer: null };
      this.pending.set(request.id, p);
      this.ensureWorker();
      if (this.ready) this.send(p);
      else this.queue.push(p);
    });
  }

  /** Ends every job in flight; the next job gets a fresh worker. */
  stop(): void {
    this.endAll(new JobEnded('stopped', 'Stopped.'));
    this.ensureWorker();
  }

  dispose(): void {
    this.endAll(new JobEnded('stopped', 'The simulator was closed.'));
  }

  private ensureWorker(): void {
    if (this.worker) return;
    const w = this.spawn();
    this.spawned++;
    this.worker = w;
    this.ready = false;
    w.onmessage = (e) => this.receive(w, e.data);
    w.onerror = (e) => {
      if (this.worker !== w) return;
      // A worker that dies (its JS heap exhausted, a bug) takes its jobs with it, not the page.
      this.endAll(new JobEnded('crashed', `The simulator stopped unexpectedly${e.message ? ` (${e.message})` : ''}; it has been restarted.`));
      this.ensureWorker();
    };
  }

  private send(p: Pending): void {
    const limit = p.request.budget.wallMs + watchdogSlackMs;
    p.timer = setTimeout(() => {
      this.endAll(new JobEnded('unresponsive', `The simulator did not answer within ${Math.round(limit / 1000)} s, so it was stopped.`));
      this.ensureWorker();
    }, limit);
    this.worker!.postMessage(p.request);
  }

  private receive(from: WorkerLike, data: unknown): void {
    if (from !== this.worker) return;
    if (typeof data === 'object' && data !== null && 'ready' in data) {
      this.ready = true;
      const waiting = this.queue;
      this.queue = [];
      for (const p of waiting) this.send(p);
      return;
    }
    const reply = data as WorkerResponse;
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (p.timer) clearTimeout(p.timer);
    if (reply.ok) p.resolve(reply.result);
    else p.reject(new JobEnded('failed', `The simulator failed: ${reply.message}`));
  }

  private endAll(why: JobEnded): void {
    const w = this.worker;
    this.worker = null;
    this.ready = false;
    w?.terminate();
    const all = [...this.pending.values()];
    this.pending.clear();
    this.queue = [];
    for (const p of all) {
      if (p.timer) clearTimeout(p.timer);
      p.reject(why);
    }
  }
}

/** The page's worker: gosim bundled by Vite into a module worker served from the app's origin. */
export function spawnWebWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'gosim' }) as unknown as WorkerLike;
}
