// The Web Worker that runs gosim for the page, one job at a time (jobs.ts). A job never blocks
// the page: it runs here, and the page can end it at any moment by terminating this worker.
import { answer } from './jobs.ts';
import type { WorkerRequest } from './protocol.ts';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};

scope.onmessage = (e) => scope.postMessage(answer(e.data));

scope.postMessage({ ready: true });
