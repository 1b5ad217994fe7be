// The page's side of the gosim worker, against a fake worker: jobs wait for the worker to load,
// Stop ends every job and leaves a fresh worker ready, a worker that stops answering or dies is
// replaced, and budgets reach the worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GosimClient, JobEnded, watchdogSlackMs, type WorkerLike } from '../../renderer/gosim/client.ts';
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
  it('holds jobs until the worker has loaded, then sends them in order with their budgets', async () => {
    const c = new GosimClient(spawn);
    const a = c.submit({ type: 'run', source: 'A', seed: 1 });
    const b = c.submit({ type: 'explore', source: 'B' }, { runs: 7 });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received).toEqual([]);
    workers[0]!.ready();
    const sent = workers[0]!.received;
    expect(sent.map((r) => r.job.source)).toEqual(['A', 'B']);
    expect(sent[0]!.budget).toEqual(runBudget);
    expect(sent[1]!.budget).toEqual({ ...searchBudget, runs: 7 });
    workers[0]!.answer(sent[1]!.id, 'second');
    workers[0]!.answer(sent[0]!.id, 'first');
    await expect(a).resolves.toBe('first');
    await expect(b).resolves.toBe('second');
    expect(c.busy).toBe(false);
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
    // A late answer from the terminated worker changes nothing.
    workers[0]!.answer(1, 'stale');
    workers[1]!.ready();
    const next = c.submit({ type: 'run', source: 'ok', seed: 1 });
    workers[1]!.answer(workers[1]!.received[0]!.id, 'fresh');
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
