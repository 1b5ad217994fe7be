// The page's side of the gosim worker, against a fake worker: jobs wait for the worker to load
// and go one at a time, Stop ends every job and leaves a fresh worker ready, a worker that stops
// answering or dies is replaced (but one that never loads is not restarted in a loop), and
// budgets reach the worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GosimClient, JobEnded, loadTimeoutMs, watchdogSlackMs, type WorkerLike } from '../../renderer/gosim/client.ts';
import { runBudget, searchBudget } from '../../renderer/gosim/budgets.ts';
import type { WorkerRequest } from '../../renderer/gosim/protocol.ts';

class FakeWorker implements WorkerLike {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  received: WorkerRequest[] = [];
  terminated = false;
  postMessage(message: WorkerRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  ready(): void {
    this.onmessage?.({ data: { ready: true } });
  }
  answer(id: number, result: unknown): void {
    this.onmessage?.({ data: { id, ok: true, result, ms: 1 } });
  }
}

let workers: FakeWorker[];
const spawn = () => {
  const w = new FakeWorker();
  workers.push(w);
  return w;
};

beforeEach(() => {
  workers = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the gosim client', () => {
  it('holds jobs until the worker has loaded, then gives it one at a time, in order, with their budgets', async () => {
    const c = new GosimClient(spawn);
    const a = c.submit({ type: 'run', source: 'A', seed: 1 });
    const b = c.submit({ type: 'explore', source: 'B' }, { runs: 7 });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received).toEqual([]);
    workers[0]!.ready();
    const sent = workers[0]!.received;
    expect(sent.map((r) => r.job.source)).toEqual(['A']);
    expect(sent[0]!.budget).toEqual(runBudget);
    workers[0]!.answer(sent[0]!.id, 'first');
    await expect(a).resolves.toBe('first');
    expect(sent.map((r) => r.job.source)).toEqual(['A', 'B']);
    expect(sent[1]!.budget).toEqual({ ...searchBudget, runs: 7 });
    workers[0]!.answer(sent[1]!.id, 'second');
    await expect(b).resolves.toBe('second');
    expect(c.busy).toBe(false);
  });

  it('starts a job’s watchdog when the worker gets it, not while it waits behind another', async () => {
    const c = new GosimClient(spawn);
    c.warm();
    workers[0]!.ready();
    const long = c.submit({ type: 'checkExercise', source: 'slow', checks: [] }, { wallMs: 15_000 });
    const short = c.submit({ type: 'run', source: 'quick', seed: 1 }, { wallMs: 1000 });
    vi.advanceTimersByTime(12_000);
    workers[0]!.answer(workers[0]!.received[0]!.id, 'checked');
    await expect(long).resolves.toBe('checked');
    // The run has waited 12 s in all, but only now does its own 1 s budget start.
    vi.advanceTimersByTime(1000 + watchdogSlackMs - 1);
    expect(workers[0]!.terminated).toBe(false);
    workers[0]!.answer(workers[0]!.received[1]!.id, 'ran');
    await expect(short).resolves.toBe('ran');
  });

  it('Stop ends every job at once and has a fresh worker ready for the next', async () => {
    const c = new GosimClient(spawn);
    c.warm();
    workers[0]!.ready();
    const job = c.submit({ type: 'run', source: 'for {}', seed: 1 });
    expect(c.busy).toBe(true);
    c.stop();
    await expect(job).rejects.toMatchObject({ reason: 'stopped' });
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(c.busy).toBe(false);
    workers[1]!.ready();
    const next = c.submit({ type: 'run', source: 'ok', seed: 1 });
    const id = workers[1]!.received[0]!.id;
    // The terminated worker's messages, even one carrying the new job's id, change nothing.
    workers[0]!.answer(id, 'stale');
    workers[0]!.ready();
    expect(c.busy).toBe(true);
    workers[1]!.answer(id, 'fresh');
    await expect(next).resolves.toBe('fresh');
  });

  it('ends a job whose worker stops answering past its wall budget, and starts another worker', async () => {
    const c = new GosimClient(spawn);
    c.warm();
    workers[0]!.ready();
    const job = c.submit({ type: 'run', source: 'x', seed: 1 }, { wallMs: 1000 });
    const ended = expect(job).rejects.toMatchObject({ reason: 'unresponsive' });
    vi.advanceTimersByTime(1000 + watchdogSlackMs - 1);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await ended;
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('a job answered in time is not ended by the watchdog later', async () => {
    const c = new GosimClient(spawn);
    c.warm();
    workers[0]!.ready();
    const job = c.submit({ type: 'run', source: 'x', seed: 1 }, { wallMs: 1000 });
    workers[0]!.answer(workers[0]!.received[0]!.id, 'done');
    await expect(job).resolves.toBe('done');
    vi.advanceTimersByTime(60_000);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('a worker that dies takes its jobs with it, not the page, and is replaced', async () => {
    const c = new GosimClient(spawn);
    c.warm();
    workers[0]!.ready();
    const job = c.submit({ type: 'explore', source: 'x' });
    workers[0]!.onerror?.({ message: 'out of memory' });
    const err = await job.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobEnded);
    expect((err as JobEnded).reason).toBe('crashed');
    expect((err as JobEnded).message).toContain('out of memory');
    expect(workers).toHaveLength(2);
  });

  it('does not restart a worker that fails before it has loaded, but tries again for the next job', async () => {
    const c = new GosimClient(spawn);
    const job = c.submit({ type: 'run', source: 'x', seed: 1 });
    workers[0]!.onerror?.({ message: 'bad bundle' });
    await expect(job).rejects.toMatchObject({ reason: 'crashed', message: 'The simulator could not start (bad bundle).' });
    expect(workers).toHaveLength(1);
    const again = c.submit({ type: 'run', source: 'x', seed: 1 });
    expect(workers).toHaveLength(2);
    workers[1]!.ready();
    workers[1]!.answer(workers[1]!.received[0]!.id, 'ok');
    await expect(again).resolves.toBe('ok');
  });

  it('gives up on a worker that never says it has loaded', async () => {
    const c = new GosimClient(spawn);
    const job = c.submit({ type: 'run', source: 'x', seed: 1 });
    const ended = expect(job).rejects.toMatchObject({ reason: 'unresponsive' });
    vi.advanceTimersByTime(loadTimeoutMs);
    await ended;
    expect(workers[0]!.terminated).toBe(true);
  });

  it('reports a failure inside gosim as a failed job, keeping the worker', async () => {
    const c = new GosimClient(spawn);
    c.warm();
    workers[0]!.ready();
    const job = c.submit({ type: 'diagnose', source: 'x' });
    workers[0]!.onmessage?.({ data: { id: workers[0]!.received[0]!.id, ok: false, message: 'boom' } });
    await expect(job).rejects.toMatchObject({ reason: 'failed', message: 'The simulator failed: boom' });
    expect(workers[0]!.terminated).toBe(false);
  });
});
