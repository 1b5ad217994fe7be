// What the benchmarks of long work on the server's thread share.
import { performance } from 'node:perf_hooks';

/**
 * How long `f` takes, and the longest the event loop was held up meanwhile (sampled by a 10 ms
 * timer): a call arriving at the web host, a status call say, waits up to that long.
 */
export async function timed<T>(f: () => Promise<T>): Promise<{ value: T; total: number; stall: number }> {
  const t0 = performance.now();
  let last = performance.now();
  let worst = 0;
  const t = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  try {
    const value = await f();
    return { value, total: performance.now() - t0, stall: Math.max(worst, performance.now() - last - 10) };
  } finally {
    clearInterval(t);
  }
}
