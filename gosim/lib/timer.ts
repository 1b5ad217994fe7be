// Adds to package "time" (exports `natives`, merged by lib/registry.ts with lib/time.ts, which
// owns Sleep): Duration, Month, Weekday and Time values, and the timers (After, AfterFunc,
// Tick, NewTimer, NewTicker and their Stop/Reset).
//
// Time is the playground's: the clock starts at 2009-11-10 23:00:00 UTC and every Location is
// UTC. time.Now() carries a monotonic reading, so it prints as the playground prints it,
// `2009-11-10 23:00:00 +0000 UTC m=+0.000000001` (a binary on a real machine would print its
// local time); Round(0), UTC() and the like drop the ` m=...` part as in Go.
//
// A Time is the StructValue [wall, mono, loc] of lib/decls.ts: wall is nanoseconds since the
// Unix epoch, mono is 1 + nanoseconds since the program started (0 = no monotonic reading, as in
// Go, whose readings are also offset so the first is m=+0.000000001). wall may exceed int64 for
// times far from 1970; the all-zero struct is the zero Time (January 1, year 1), as in Go.
import type { GoFunc, Native, NativeCtx } from '../runtime/native.ts';
import { normInt, type GoInt, type Pointer, type StructValue } from '../runtime/values.ts';
import { newError, newPointer, stringValue } from './errors.ts';
import { Channel } from '../runtime/chan.ts';
import type { Timer as SchedTimer } from '../runtime/goroutine.ts';
import type { Scheduler } from '../runtime/scheduler.ts';
import { EPOCH_UNIX_SEC } from '../runtime/scheduler.ts';

const NS = 1_000_000_000n;
const MAX_DURATION = (1n << 63n) - 1n;
const MIN_DURATION = -(1n << 63n);
/** Unix seconds of January 1, year 1 UTC (Go's zero Time). */
const ZERO_UNIX_SEC = -62135596800n;
const ZERO_UNIX_NS = ZERO_UNIX_SEC * NS;

export function schedOf(ctx: NativeCtx): Scheduler {
  return ctx.sched;
}

// ---------------------------------------------------------------- Duration

/** `int` digits then up to `prec` fraction digits of v / 10^prec with trailing zeros dropped. */
function fixed(v: bigint, prec: number): string {
  const p = 10n ** BigInt(prec);
  const whole = (v / p).toString();
  let frac = (v % p).toString().padStart(prec, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/** Duration.String, as Go prints it (µs with the micro sign, as UTF-8 bytes). */
export function durationString(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  const u = neg ? -d : d;
  let s: string;
  if (u < NS) {
    if (u < 1000n) s = `${u}ns`;
    else if (u < 1_000_000n) s = `${fixed(u, 3)}\xc2\xb5s`;
    else s = `${fixed(u, 6)}ms`;
  } else {
    const minute = 60n * NS, hour = 60n * minute;
    s = `${fixed(u % minute, 9)}s`;
    if (u >= minute) {
      s = `${(u / minute) % 60n}m${s}`;
      if (u >= hour) s = `${u / hour}h${s}`;
    }
  }
  return neg ? `-${s}` : s;
}

const big = (v: GoInt) => BigInt(v);
const clampDuration = (v: bigint) => normInt(v > MAX_DURATION ? MAX_DURATION : v < MIN_DURATION ? MIN_DURATION : v);
const lessThanHalf = (x: bigint, y: bigint) => BigInt.asUintN(64, x + x) < BigInt.asUintN(64, y);

function roundDuration(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  let r = d % m;
  if (d < 0n) {
    r = -r;
    if (lessThanHalf(r, m)) return d + r;
    const d1 = d - m + r;
    return d1 < d && d1 >= MIN_DURATION ? d1 : MIN_DURATION;
  }
  if (lessThanHalf(r, m)) return d - r;
  const d1 = d + m - r;
  return d1 > d && d1 <= MAX_DURATION ? d1 : MAX_DURATION;
}

/** Seconds/Minutes/Hours: whole units plus the float remainder, exactly Go's two-step sum. */
function inUnits(d: bigint, unit: bigint): number {
  return Number(d / unit) + Number(d % unit) / Number(unit);
}

const UNITS: Record<string, bigint> = {
  ns: 1n, us: 1000n, '\xc2\xb5s': 1000n, '\xce\xbcs': 1000n, ms: 1_000_000n, s: NS, m: 60n * NS, h: 3600n * NS,
};

/** Go's time.quote: non-ASCII and control bytes as \xHH. */
function quoteBytes(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x80) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += c === 0x22 || c === 0x5c ? '\\' + s[i] : s[i];
  }
  return out + '"';
}

/** ParseDuration: the value, or the text of the error Go returns. */
export function parseDuration(orig: string): bigint | string {
  const invalid = `time: invalid duration ${quoteBytes(orig)}`;
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) { neg = s[0] === '-'; s = s.slice(1); }
  if (s === '0') return 0n;
  if (s === '') return invalid;
  let total = 0n;
  while (s !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s)!;
    const intPart = m[1]!, fracPart = m[2];
    if (intPart === '' && (fracPart === undefined || fracPart === '')) return invalid;
    s = s.slice(m[0].length);
    let i = 0;
    while (i < s.length && s[i] !== '.' && !(s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)) i++;
    const unitName = s.slice(0, i);
    if (unitName === '') return `time: missing unit in duration ${quoteBytes(orig)}`;
    const unit = UNITS[unitName];
    if (unit === undefined) return `time: unknown unit ${quoteBytes(unitName)} in duration ${quoteBytes(orig)}`;
    s = s.slice(i);
    let v = BigInt(intPart || '0') * unit;
    if (fracPart) v += (BigInt(fracPart) * unit) / 10n ** BigInt(fracPart.length);
    total += v;
    if (total > (neg ? -MIN_DURATION : MAX_DURATION)) return invalid;
  }
  return neg ? -total : total;
}

// ---------------------------------------------------------------- calendar

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const floorDiv = (a: bigint, b: bigint) => { const q = a / b; return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q; };
const floorMod = (a: bigint, b: bigint) => a - floorDiv(a, b) * b;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
function daysFromCivil(y: bigint, m: number, d: bigint): bigint {
  const yy = m <= 2 ? y - 1n : y;
  const era = floorDiv(yy, 400n);
  const yoe = yy - era * 400n;
  const mp = BigInt((m + 9) % 12);
  const doy = (153n * mp + 2n) / 5n + d - 1n;
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146097n + doe - 719468n;
}

function civilFromDays(z0: bigint): { year: number; month: number; day: number } {
  const z = z0 + 719468n;
  const era = floorDiv(z, 146097n);
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = Number(doy - (153n * mp + 2n) / 5n + 1n);
  const month = Number(mp < 10n ? mp + 3n : mp - 9n);
  return { year: Number(yoe + era * 400n) + (month <= 2 ? 1 : 0), month, day };
}

// ---------------------------------------------------------------- Time

type TimeValue = [wall: GoInt, mono: GoInt, loc: Pointer<unknown[]> | null];

const utcLoc = newPointer<unknown[]>(['UTC']);
const localLoc = newPointer<unknown[]>(['Local']);

const isZeroTime = (t: TimeValue) => t[0] === 0 && t[1] === 0 && t[2] === null;
const unixNs = (t: TimeValue) => (isZeroTime(t) ? ZERO_UNIX_NS : big(t[0]));
const hasMono = (t: TimeValue) => t[1] !== 0;

function makeTime(ns: bigint, mono: GoInt, loc: Pointer<unknown[]> | null): TimeValue {
  if (ns === ZERO_UNIX_NS && mono === 0) return [0, 0, null];
  // Not wrapped to 64 bits: wall is unexported, so a wider integer (years outside 1678..2262,
  // which Go supports) is invisible to programs, and bigint === still compares it by value.
  return [normInt(ns), mono, loc ?? utcLoc];
}

interface Fields { year: number; month: number; day: number; hour: number; min: number; sec: number; nsec: number; days: bigint; }

function fieldsOf(t: TimeValue): Fields {
  const ns = unixNs(t);
  const sec = floorDiv(ns, NS);
  const nsec = Number(ns - sec * NS);
  const days = floorDiv(sec, 86400n);
  const sod = Number(sec - days * 86400n);
  return { ...civilFromDays(days), hour: Math.floor(sod / 3600), min: Math.floor(sod / 60) % 60, sec: sod % 60, nsec, days };
}

const weekday = (f: Fields) => Number(floorMod(f.days + 4n, 7n));
const yearDay = (f: Fields) => Number(f.days - daysFromCivil(BigInt(f.year), 1, 1n)) + 1;

function dateNs(year: bigint, month: bigint, day: bigint, hour: bigint, min: bigint, sec: bigint, nsec: bigint): bigint {
  const m0 = month - 1n;
  const y = year + floorDiv(m0, 12n);
  const m = Number(floorMod(m0, 12n)) + 1;
  const days = daysFromCivil(y, m, 1n) + day - 1n;
  return ((days * 86400n + hour * 3600n + min * 60n + sec) * NS) + nsec;
}

const pad = (n: number, w: number, c = '0') => {
  const s = String(Math.abs(n)).padStart(w, c);
  return n < 0 ? '-' + s : s;
};

/** Time.Format for the layouts Go documents; every zone is UTC. */
export function formatTime(t: TimeValue, layout: string): string {
  const f = fieldsOf(t);
  let out = '';
  let i = 0;
  const at = (p: string) => layout.startsWith(p, i);
  const isDigit = (j: number) => j < layout.length && layout.charCodeAt(j) >= 48 && layout.charCodeAt(j) <= 57;
  while (i < layout.length) {
    const c = layout[i]!;
    let tok = '';
    let val = '';
    if (c === 'J' && at('January')) { tok = 'January'; val = MONTHS[f.month - 1]!; }
    else if (c === 'J' && at('Jan')) { tok = 'Jan'; val = MONTHS[f.month - 1]!.slice(0, 3); }
    else if (c === 'M' && at('Monday')) { tok = 'Monday'; val = DAYS[weekday(f)]!; }
    else if (c === 'M' && at('Mon')) { tok = 'Mon'; val = DAYS[weekday(f)]!.slice(0, 3); }
    else if (c === 'M' && at('MST')) { tok = 'MST'; val = 'UTC'; }
    else if (c === '0' && at('002')) { tok = '002'; val = pad(yearDay(f), 3); }
    else if (c === '0' && /^0[1-6]/.test(layout.slice(i, i + 2))) {
      tok = layout.slice(i, i + 2);
      const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
      val = pad([f.month, f.day, h12, f.min, f.sec, ((f.year % 100) + 100) % 100][Number(tok[1]) - 1]!, 2);
    }
    else if (c === '1' && at('15')) { tok = '15'; val = pad(f.hour, 2); }
    else if (c === '1') { tok = '1'; val = String(f.month); }
    else if (c === '2' && at('2006')) { tok = '2006'; val = pad(f.year, 4); }
    else if (c === '2') { tok = '2'; val = String(f.day); }
    else if (c === '_' && at('_2') && !at('_2006')) { tok = '_2'; val = pad(f.day, 2, ' '); }
    else if (c === '_' && at('__2')) { tok = '__2'; val = pad(yearDay(f), 3, ' '); }
    else if (c === '3') { tok = '3'; val = String(f.hour % 12 === 0 ? 12 : f.hour % 12); }
    else if (c === '4') { tok = '4'; val = String(f.min); }
    else if (c === '5') { tok = '5'; val = String(f.sec); }
    else if (c === 'P' && at('PM')) { tok = 'PM'; val = f.hour >= 12 ? 'PM' : 'AM'; }
    else if (c === 'p' && at('pm')) { tok = 'pm'; val = f.hour >= 12 ? 'pm' : 'am'; }
    else if (c === '-' || c === 'Z') {
      for (const z of ['070000', '07:00:00', '0700', '07:00', '07']) {
        if (at(c + z)) {
          tok = c + z;
          val = c === 'Z' ? 'Z' : '+' + z.replace(/[0-9]/g, '0');
          break;
        }
      }
    } else if ((c === '.' || c === ',') && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
      const d = layout[i + 1]!;
      let j = i + 1;
      while (j < layout.length && layout[j] === d) j++;
      if (!isDigit(j)) {
        tok = layout.slice(i, j);
        const digits = String(f.nsec).padStart(9, '0').slice(0, j - i - 1);
        if (d === '0') val = c + digits;
        else { const trimmed = digits.replace(/0+$/, ''); val = trimmed ? c + trimmed : ''; }
      }
    }
    if (tok === '') { out += c; i++; } else { out += val; i += tok.length; }
  }
  return out;
}

export function timeString(t: TimeValue): string {
  let s = formatTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
  if (hasMono(t)) {
    const m = big(t[1]);
    s += ` m=${m < 0n ? '-' : '+'}${(m < 0n ? -m : m) / NS}.${((m < 0n ? -m : m) % NS).toString().padStart(9, '0')}`;
  }
  return s;
}

export function addDuration(t: TimeValue, d: bigint): TimeValue {
  let mono: GoInt = t[1];
  if (hasMono(t)) {
    const m = big(mono) + d;
    mono = m > MAX_DURATION || m < MIN_DURATION || m === 0n ? 0 : normInt(m);
  }
  return makeTime(unixNs(t) + d, mono, t[2]);
}

export function sub(t: TimeValue, u: TimeValue): bigint {
  if (hasMono(t) && hasMono(u)) return big(t[1]) - big(u[1]);
  return unixNs(t) - unixNs(u);
}

/** A Time as a reading of the scheduler's clock (ns since the program started), for timers. */
export function virtualNs(t: TimeValue): number {
  return Number(unixNs(t) - BigInt(EPOCH_UNIX_SEC) * NS);
}

const stripMono = (t: TimeValue, loc = t[2]): TimeValue => makeTime(unixNs(t), 0, loc);

/** Remainder of t since the zero Time modulo d, as Go's Truncate/Round measure it. */
const sinceZeroMod = (t: TimeValue, d: bigint) => floorMod(unixNs(t) - ZERO_UNIX_NS, d);

export function now(ctx: NativeCtx): TimeValue {
  const n = schedOf(ctx).now;
  return [normInt(BigInt(EPOCH_UNIX_SEC) * NS + BigInt(n)), n + 1, localLoc];
}

type TimeFn = (t: TimeValue, ...a: never[]) => unknown;
const timeMethods: Record<string, TimeFn> = {
  Sub: (t, u: TimeValue) => clampDuration(sub(t, u)),
  Add: (t, d: GoInt) => addDuration(t, big(d)),
  AddDate: (t, y: GoInt, m: GoInt, d: GoInt) => {
    const f = fieldsOf(t);
    return makeTime(dateNs(BigInt(f.year) + big(y), BigInt(f.month) + big(m), BigInt(f.day) + big(d),
      BigInt(f.hour), BigInt(f.min), BigInt(f.sec), BigInt(f.nsec)), 0, t[2]);
  },
  Before: (t, u: TimeValue) => sub(t, u) < 0n,
  After: (t, u: TimeValue) => sub(t, u) > 0n,
  Equal: (t, u: TimeValue) => sub(t, u) === 0n,
  Compare: (t, u: TimeValue) => { const d = sub(t, u); return d < 0n ? -1 : d > 0n ? 1 : 0; },
  IsZero: (t) => unixNs(t) === ZERO_UNIX_NS,
  Unix: (t) => normInt(floorDiv(unixNs(t), NS)),
  UnixMilli: (t) => normInt(floorDiv(unixNs(t), 1_000_000n)),
  UnixMicro: (t) => normInt(floorDiv(unixNs(t), 1000n)),
  UnixNano: (t) => normInt(BigInt.asIntN(64, unixNs(t))),
  Format: (t, layout: string) => formatTime(t, layout),
  String: (t) => timeString(t),
  Year: (t) => fieldsOf(t).year,
  Month: (t) => fieldsOf(t).month,
  Day: (t) => fieldsOf(t).day,
  Weekday: (t) => weekday(fieldsOf(t)),
  Hour: (t) => fieldsOf(t).hour,
  Minute: (t) => fieldsOf(t).min,
  Second: (t) => fieldsOf(t).sec,
  Nanosecond: (t) => fieldsOf(t).nsec,
  YearDay: (t) => yearDay(fieldsOf(t)),
  UTC: (t) => stripMono(t, utcLoc),
  Local: (t) => stripMono(t, localLoc),
  Truncate: (t, d: GoInt) => {
    const s = stripMono(t);
    const m = big(d);
    return m <= 0n ? s : addDuration(s, -sinceZeroMod(s, m));
  },
  Round: (t, d: GoInt) => {
    const s = stripMono(t);
    const m = big(d);
    if (m <= 0n) return s;
    const r = sinceZeroMod(s, m);
    return lessThanHalf(r, m) ? addDuration(s, -r) : addDuration(s, m - r);
  },
};

function enumString(names: string[], first: number, type: string, v: GoInt): string {
  const n = Number(v);
  if (n >= first && n < first + names.length) return names[n - first]!;
  return `%!${type}(${BigInt.asUintN(64, big(v))})`;
}

// ---------------------------------------------------------------- the natives

export const natives: Record<string, Native> = {
  'time.Duration.String': (_c: NativeCtx, d: GoInt) => durationString(big(d)),
  'time.Duration.Nanoseconds': (_c: NativeCtx, d: GoInt) => d,
  'time.Duration.Microseconds': (_c: NativeCtx, d: GoInt) => normInt(big(d) / 1000n),
  'time.Duration.Milliseconds': (_c: NativeCtx, d: GoInt) => normInt(big(d) / 1_000_000n),
  'time.Duration.Seconds': (_c: NativeCtx, d: GoInt) => inUnits(big(d), NS),
  'time.Duration.Minutes': (_c: NativeCtx, d: GoInt) => inUnits(big(d), 60n * NS),
  'time.Duration.Hours': (_c: NativeCtx, d: GoInt) => inUnits(big(d), 3600n * NS),
  'time.Duration.Truncate': (_c: NativeCtx, d: GoInt, m: GoInt) => (big(m) <= 0n ? d : normInt(big(d) - big(d) % big(m))),
  'time.Duration.Round': (_c: NativeCtx, d: GoInt, m: GoInt) => normInt(roundDuration(big(d), big(m))),
  'time.Duration.Abs': (_c: NativeCtx, d: GoInt) => {
    const v = big(d);
    return normInt(v >= 0n ? v : v === MIN_DURATION ? MAX_DURATION : -v);
  },
  'time.ParseDuration': (ctx: NativeCtx, s: string) => {
    const r = parseDuration(s);
    return typeof r === 'string' ? [0, newError(ctx, r)] : [normInt(r), null];
  },
  'time.Month.String': (_c: NativeCtx, m: GoInt) => enumString(MONTHS, 1, 'Month', m),
  'time.Weekday.String': (_c: NativeCtx, d: GoInt) => enumString(DAYS, 0, 'Weekday', d),
  'time.Location.String': (_c: NativeCtx, l: Pointer<unknown[]>) => l.load()[0],
  'time.UTC': () => utcLoc,
  'time.Local': () => localLoc,

  'time.Now': (ctx: NativeCtx) => now(ctx),
  'time.Since': (ctx: NativeCtx, t: TimeValue) => clampDuration(sub(now(ctx), t)),
  'time.Until': (ctx: NativeCtx, t: TimeValue) => clampDuration(sub(t, now(ctx))),
  'time.Unix': (_c: NativeCtx, sec: GoInt, nsec: GoInt) => makeTime(big(sec) * NS + big(nsec), 0, localLoc),
  'time.UnixMilli': (_c: NativeCtx, ms: GoInt) => makeTime(big(ms) * 1_000_000n, 0, localLoc),
  'time.Date': (ctx: NativeCtx, year: GoInt, month: GoInt, day: GoInt, hour: GoInt, min: GoInt, sec: GoInt, nsec: GoInt,
    loc: Pointer<unknown[]> | null) => {
    if (loc === null) ctx.panic(stringValue('time: missing Location in call to Date'));
    return makeTime(dateNs(big(year), big(month), big(day), big(hour), big(min), big(sec), big(nsec)), 0, loc);
  },
};
for (const [name, fn] of Object.entries(timeMethods)) {
  natives[`time.Time.${name}`] = (_c: NativeCtx, t: TimeValue, ...a: unknown[]) => fn(t, ...(a as never[]));
}

export type { TimeValue };

// ---------------------------------------------------------------- timers and tickers
//
// Go 1.23 semantics: a timer's channel holds at most one value; Stop and Reset discard a value
// nobody received (so no stale time is ever read after them) and report true if they stopped a
// pending timer or discarded such a value. A Ticker drops a tick while the previous one is still
// unread. A channel timer keeps the program alive only while some goroutine is blocked receiving
// from its channel (an abandoned time.After does not postpone the deadlock report); an AfterFunc
// timer always does, since it will start a goroutine.

/** A time.Timer's or Ticker's state; a class so that a run's trace can link a timer to its channel. */
export class TimerState {
  /** Ticker interval in ns; 0 for a one-shot timer. */
  period: number;
  pending: SchedTimer | null = null;
  /**
   * A ticker whose tick found the channel still full stops firing (as Go 1.23's, which runs only
   * when someone receives) until the reader drains the channel; this is the tick it was due at.
   * Otherwise an unread fast ticker during a long sleep would fire millions of times for nothing.
   */
  stalled: number | null = null;
  constructor(readonly ch: Channel | null, readonly f: GoFunc | null, period: number) { this.period = period; }
}

/** A timer's channel, which tells its ticker when the reader took the buffered tick. */
class TimerChannel extends Channel {
  onDrain: (() => void) | null = null;
  override tryRecv(): boolean {
    const had = this.len > 0;
    const ok = super.tryRecv();
    if (had && this.len === 0 && this.onDrain) this.onDrain();
    return ok;
  }
}

const timerStates = new WeakMap<StructValue, TimerState>();

function someoneReceives(ch: Channel): boolean {
  for (const w of ch.recvq) if (!w.sel || !w.sel.done) return true;
  return false;
}

function arm(ctx: NativeCtx, st: TimerState, when: number): void {
  const sched = schedOf(ctx);
  const ch = st.ch;
  const fire = () => {
    st.pending = null;
    const m = sched.monitor;
    if (m !== null) m.timerFire(st);
    if (st.f) { sched.go(st.f, []); return; }
    if (ch!.len === 0) ch!.trySend(now(ctx));
    else if (st.period > 0) { st.stalled = when + st.period; return; }
    if (st.period > 0) arm(ctx, st, when + st.period);
  };
  st.pending = sched.addTimer(when, fire, ch ? () => someoneReceives(ch) : undefined);
  const m = sched.monitor;
  if (m !== null) m.timerSet(st, st.pending.when);
}

/** Stops st and discards an unreceived value; true if either stopped or discarded something. */
function stopTimer(ctx: NativeCtx, st: TimerState): boolean {
  let was = false;
  st.stalled = null;
  if (st.pending) {
    const sched = schedOf(ctx);
    was = sched.stopTimer(st.pending);
    st.pending = null;
    const m = sched.monitor;
    if (was && m !== null) m.timerStop(st);
  }
  if (st.ch && st.ch.len > 0) { st.ch.tryRecv(); was = true; }
  return was;
}

function newTimer(ctx: NativeCtx, d: GoInt, f: GoFunc | null, period: number): Pointer<StructValue> {
  const sched = schedOf(ctx);
  const ch = f ? null : new TimerChannel(1, () => [0, 0, null], sched);
  const s: StructValue = [ch, 0];
  const st = new TimerState(ch, f, period);
  if (ch) {
    ch.onDrain = () => {
      if (st.stalled === null) return;
      // Resume at the first tick after now, as Go advances a late ticker.
      const due = st.stalled, p = st.period;
      st.stalled = null;
      arm(ctx, st, due > sched.now ? due : due + p * (Math.floor((sched.now - due) / p) + 1));
    };
  }
  timerStates.set(s, st);
  arm(ctx, st, sched.now + Math.max(0, Number(d)));
  return newPointer(s);
}

function timerState(ctx: NativeCtx, p: Pointer<StructValue> | null, what: string, type = 'Timer'): TimerState {
  if (p === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  const st = timerStates.get(p.load());
  if (!st) ctx.panic(stringValue(`time: ${what} called on uninitialized ${type}`));
  return st;
}

Object.assign(natives, {
  'time.NewTimer': (ctx: NativeCtx, d: GoInt) => newTimer(ctx, d, null, 0),
  'time.AfterFunc': (ctx: NativeCtx, d: GoInt, f: GoFunc) => newTimer(ctx, d, f, 0),
  'time.After': (ctx: NativeCtx, d: GoInt) => newTimer(ctx, d, null, 0).load()[0],
  'time.NewTicker': (ctx: NativeCtx, d: GoInt) => {
    if (d <= 0) ctx.panic(stringValue('non-positive interval for NewTicker'));
    return newTimer(ctx, d, null, Number(d));
  },
  'time.Tick': (ctx: NativeCtx, d: GoInt) => (d <= 0 ? null : newTimer(ctx, d, null, Number(d)).load()[0]),
  'time.Timer.Stop': (ctx: NativeCtx, p: Pointer<StructValue> | null) => stopTimer(ctx, timerState(ctx, p, 'Stop')),
  'time.Timer.Reset': (ctx: NativeCtx, p: Pointer<StructValue> | null, d: GoInt) => {
    const st = timerState(ctx, p, 'Reset');
    const was = stopTimer(ctx, st);
    arm(ctx, st, schedOf(ctx).now + Math.max(0, Number(d)));
    return was;
  },
  'time.Ticker.Stop': (ctx: NativeCtx, p: Pointer<StructValue> | null) => {
    // A zero Ticker's Stop does nothing, as in Go.
    const st = p && timerStates.get(p.load());
    if (st) stopTimer(ctx, st);
  },
  'time.Ticker.Reset': (ctx: NativeCtx, p: Pointer<StructValue> | null, d: GoInt) => {
    if (d <= 0) ctx.panic(stringValue('non-positive interval for Ticker.Reset'));
    const st = timerState(ctx, p, 'Reset', 'Ticker');
    stopTimer(ctx, st);
    st.period = Number(d);
    arm(ctx, st, schedOf(ctx).now + st.period);
  },
} satisfies Record<string, Native>);
