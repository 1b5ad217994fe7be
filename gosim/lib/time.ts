// time.Sleep on the virtual clock (the rest of package time is lib/timer.ts).
import type { NativeCtx, NativePackage } from '../runtime/native.ts';
import { natives as timerNatives } from './timer.ts';

function* sleep(ctx: NativeCtx, d: number | bigint): Generator<unknown, void, unknown> {
  const ns = typeof d === 'bigint' ? Number(d) : d;
  if (ns <= 0) return;
  const s = ctx.sched;
  const g = s.current;
  const m = s.monitor;
  if (m === null) {
    s.addTimer(s.now + ns, () => s.ready(g));
    yield* s.park('sleep', null);
    return;
  }
  // Traced: the timer names the sleep, so its set, fire and the wake-up line up in the trace.
  const t = s.addTimer(s.now + ns, () => {
    const mf = s.monitor;
    if (mf !== null) mf.timerFire(t);
    s.ready(g);
  });
  m.timerSet(t, t.when);
  yield* s.park('sleep', t);
}

export const pkg: NativePackage = {
  path: 'time',
  natives: { ...timerNatives, 'time.Sleep': sleep },
};
