// The page's side of the gosim worker: jobs go in, one at a time, results come back, and
// nothing can freeze the page. Every job has budgets gosim enforces itself; on top of them a
// watchdog ends a job whose worker stops answering, and stop() ends every job at once. Ending a job terminates the
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

/** How long a new worker may take to load gosim before it counts as failing to start. */
export const loadTimeoutMs = 30_000;

export class GosimClient {
  private worker: WorkerLike | null = null;
  private ready = false;
  private loadTimer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  /** Jobs not sent yet, in order; the worker is given one job at a time. */
  private queue: Pending[] = [];
  /** The job the worker is running, whose watchdog is ticking. */
  private current: Pending | null = null;
  /** Workers started so far (the first, and one after each stop or crash). */
  spawned = 0;

  constructor(private readonly spawn: () => WorkerLike) {}

  /** Starts the worker ahead of the first job, so that job does not wait for gosim to load. */
  warm(): void {
    this.ensureWorker();
  }

  get busy(): boolean {
    return this.current !== null || this.queue.length > 0;
  }

  submit<J extends GosimJob>(job: J, budget: Partial<Budget> = {}): Promise<JobResult<J>> {
    const base = job.type === 'explore' || job.type === 'checkExercise' ? searchBudget : runBudget;
    const request: WorkerRequest = { id: this.nextId++, job, budget: { ...base, ...budget } };
    return new Promise<JobResult<J>>((resolve, reject) => {
      this.queue.push({ request, resolve: resolve as (v: unknown) => void, reject, timer: null });
      this.ensureWorker();
      this.pump();
    });
  }

  /** Ends every job, running or waiting; a fresh worker is started for the next. */
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
      const detail = e.message ? ` (${e.message})` : '';
      if (!this.ready) {
        // It never loaded (a broken bundle, say): starting another at once would fail the same
        // way, forever. The next job tries again.
        this.endAll(new JobEnded('crashed', `The simulator could not start${detail}.`));
        return;
      }
      // A worker that dies (its JS heap exhausted, a bug) takes its jobs with it, not the page.
      this.endAll(new JobEnded('crashed', `The simulator stopped unexpectedly${detail}; it has been restarted.`));
      this.ensureWorker();
    };
    this.loadTimer = setTimeout(() => {
      if (this.worker === w && !this.ready) this.endAll(new JobEnded('unresponsive', `The simulator did not start within ${loadTimeoutMs / 1000} s.`));
    }, loadTimeoutMs);
  }

  /** Gives the worker the next job once it is loaded and idle; the job's watchdog starts now. */
  private pump(): void {
    if (!this.worker || !this.ready || this.current || this.queue.length === 0) return;
    const p = this.queue.shift()!;
    this.current = p;
    const limit = p.request.budget.wallMs + watchdogSlackMs;
    p.timer = setTimeout(() => {
      this.endAll(new JobEnded('unresponsive', `The simulator did not answer within ${Math.round(limit / 1000)} s, so it was stopped.`));
      this.ensureWorker();
    }, limit);
    this.worker.postMessage(p.request);
  }

  private receive(from: WorkerLike, data: unknown): void {
    if (from !== this.worker) return;
    if (typeof data === 'object' && data !== null && 'ready' in data) {
      this.ready = true;
      if (this.loadTimer) clearTimeout(this.loadTimer);
      this.loadTimer = null;
      this.pump();
      return;
    }
    const reply = data as WorkerResponse;
    const p = this.current;
    if (!p || p.request.id !== reply.id) return;
    this.current = null;
    if (p.timer) clearTimeout(p.timer);
    if (reply.ok) p.resolve(reply.result);
    else p.reject(new JobEnded('failed', `The simulator failed: ${reply.message}`));
    this.pump();
  }

  private endAll(why: JobEnded): void {
    const w = this.worker;
    this.worker = null;
    this.ready = false;
    if (this.loadTimer) clearTimeout(this.loadTimer);
    this.loadTimer = null;
    w?.terminate();
    const all = this.current ? [this.current, ...this.queue] : [...this.queue];
    this.current = null;
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
