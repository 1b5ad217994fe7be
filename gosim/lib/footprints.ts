// Explore mode: the library calls that are scheduling points, and what each touches, for the
// partial-order reduction (runtime/footprint.ts). The runtime's Program gets this table handed
// in (ProgramLibrary.footprintOf) and makes each such call pass a scheduling point first.
import type { Pointer, StructValue } from '../runtime/values.ts';
import { EVERYTHING, FOOTPRINT_DEC, FOOTPRINT_LOCK, FOOTPRINT_RLOCK, FOOTPRINT_RW, FOOTPRINT_UNLOCK, FOOTPRINT_WG_WAIT, OUTPUT, type LibraryFootprint as Footprint } from '../runtime/footprint.ts';
import { CLOCK } from '../runtime/scheduler.ts';
import { lockWaits, waitWaits } from './sync.ts';
import { rwWaits } from './rwmutex.ts';
import { contextFootprint } from './context.ts';

/** All atomics: one object (as all output is, and the clock). */
const ATOMICS = { name: 'atomics' };

const fixed = (o: object): Footprint => ({ obj: () => o, mode: FOOTPRINT_RW });
/** The value a pointer receiver points to: the identity the sync package keys its state by. */
const receiver = (mode: number): Footprint => ({
  obj: (args) => {
    const p = args[0] as { load(): unknown } | null;
    return p === null ? null : p.load();
  },
  mode,
});
const OUTPUT_CALLS = new Set(['fmt.Print', 'fmt.Printf', 'fmt.Println', 'fmt.Fprint', 'fmt.Fprintf', 'fmt.Fprintln', 'os.File.Write', 'os.File.WriteString']);
const CLOCK_SETS = new Set(['time.Sleep', 'time.After', 'time.AfterFunc', 'time.Tick', 'time.NewTimer', 'time.NewTicker']);
const CLOCK_CHANGES = new Set(['time.Timer.Stop', 'time.Timer.Reset', 'time.Ticker.Stop', 'time.Ticker.Reset']);

/**
 * The library calls that are scheduling points in explore mode, and what each touches; null
 * for the rest (strings, math, Sprintf...), which only compute.
 */
export function footprintOf(key: string): Footprint | null {
  if (OUTPUT_CALLS.has(key)) return fixed(OUTPUT);
  // Setting timers commutes with setting others and with a due timer firing (a firing touches
  // the clock the same way: Scheduler.fireTimer); each timer fires by time, as a move of its own
  // once the clock reaches it. Stopping or resetting one does not commute with anything on the
  // clock: a firing may come before or after it.
  if (CLOCK_SETS.has(key)) return { obj: () => CLOCK, mode: FOOTPRINT_DEC };
  if (CLOCK_CHANGES.has(key)) return fixed(CLOCK);
  if (key.startsWith('atomic.')) return fixed(ATOMICS);
  // WaitGroup changes are touched as commuting decrements; once the call has run, the explorer
  // learns the counter and says which kind of change it was (PathRun.waitGroupChanged).
  if (key === 'sync.WaitGroup.Wait') return { ...receiver(FOOTPRINT_WG_WAIT), waits: { reason: 'sync.WaitGroup.Wait', now: (ctx, a) => waitWaits(ctx, a[0] as Pointer | null) } };
  if (key.startsWith('sync.WaitGroup.')) return receiver(FOOTPRINT_DEC);
  if (key === 'sync.Mutex.Lock') return { ...receiver(FOOTPRINT_LOCK), waits: { reason: 'sync.Mutex.Lock', now: (ctx, a) => lockWaits(ctx, a[0] as Pointer | null) } };
  if (key === 'sync.RWMutex.Lock' || key === 'sync.RWMutex.RLock') {
    const write = key === 'sync.RWMutex.Lock';
    return { ...receiver(write ? FOOTPRINT_LOCK : FOOTPRINT_RLOCK), waits: { reason: write ? 'sync.Mutex.Lock' : 'sync.RWMutex.RLock', now: (_c, a) => rwWaits(a[0] as Pointer<StructValue> | null, write) } };
  }
  if (key === 'sync.Mutex.Unlock' || key === 'sync.RWMutex.Unlock') return receiver(FOOTPRINT_UNLOCK);
  if (/^sync\.(Mutex|RWMutex)\./.test(key)) return receiver(FOOTPRINT_RW);
  if (key.startsWith('context.')) return contextFootprint(key);
  // Once.Do touches its Once only: whoever comes first runs f, whose operations are turns of
  // their own (once.ts); a later Do returns, or waits for f and then returns. OnceFunc and its
  // kin make a new Once: the call to what they return is the scheduling point (once.ts).
  if (key === 'sync.Once.Do') return receiver(FOOTPRINT_RW);
  if (key === 'sync.OnceFunc' || key === 'sync.OnceValue' || key === 'sync.OnceValues') return null;
  // A Cond's calls touch the Cond (its wait queue): Wait's Unlock and relock of L are calls of
  // their own (cond.ts calls L's methods); NewCond makes a new object.
  if (key === 'sync.Cond.Wait' || key === 'sync.Cond.Signal' || key === 'sync.Cond.Broadcast') return receiver(FOOTPRINT_RW);
  if (key === 'sync.NewCond') return null;
  if (key.startsWith('sync.') || key === 'os.Exit' || key === 'runtime.NumGoroutine') return fixed(EVERYTHING);
  return null;
}
