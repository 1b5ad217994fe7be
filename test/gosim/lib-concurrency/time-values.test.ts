// Duration and Time natives against golden/durations.stdout, recorded from the real Go toolchain
// (scripts/record-goldens.sh --playground): every line the Go program prints is rebuilt here
// from gosim's natives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { natives } from '../../../gosim/lib/timer.ts';
import type { NativeCtx } from '../../../gosim/runtime/native.ts';
import { Named, TypeName, type Type } from '../../../gosim/types/types.ts';
import { jsString, type GoInt } from '../../../gosim/runtime/values.ts';

const golden = readFileSync(new URL('./golden/durations.stdout', import.meta.url), 'utf8').split('\n');

// The checker is not needed to build error values; a named type with the right name is.
const named = new Map<string, Type>();
const ctx = {
  typeOf: (name: string): Type => {
    if (!named.has(name)) {
      const dot = name.lastIndexOf('.');
      named.set(name, new Named(new TypeName(name.slice(dot + 1), null as unknown as Type, null, name.slice(0, dot)), name.slice(0, dot)));
    }
    return named.get(name)!;
  },
  panic: (v: unknown) => { throw new Error(`panic ${JSON.stringify(v)}`); },
} as unknown as NativeCtx;

function call(name: string, ...args: unknown[]): unknown {
  const fn = natives[name];
  if (!fn) throw new Error(`no native ${name}`);
  return (fn as (c: NativeCtx, ...a: unknown[]) => unknown)(ctx, ...args);
}
const dstr = (d: unknown) => jsString(call('time.Duration.String', d) as string);
const tstr = (t: unknown) => jsString(call('time.Time.String', t) as string);

const SEC = 1_000_000_000;
const durations: GoInt[] = [
  0, 1, 999, 1000, 1001, 1500, 450e6, 1e6 + 1, 1500e6, 90 * SEC, 7380 * SEC, -2 * SEC, -1, 59999e6, 360000 * SEC,
  (1n << 63n) - 1n, -(1n << 63n), 1234567890, 180 * SEC + 7, -5400 * SEC, 25000,
];

describe('time.Duration', () => {
  it('prints and converts every duration as Go does', () => {
    durations.forEach((d, i) => {
      const want = golden[i]!.split('|');
      const [raw, str] = want[0]!.split(' ');
      expect(raw).toBe(String(d));
      expect(dstr(d)).toBe(str);
      expect(String(call('time.Duration.Nanoseconds', d))).toBe(want[2]);
      expect(String(call('time.Duration.Microseconds', d))).toBe(want[3]);
      expect(String(call('time.Duration.Milliseconds', d))).toBe(want[4]);
      expect(call('time.Duration.Seconds', d)).toBe(parseFloat(want[5]!));
      expect(call('time.Duration.Minutes', d)).toBe(parseFloat(want[6]!));
      expect(call('time.Duration.Hours', d)).toBe(parseFloat(want[7]!));
      expect(dstr(call('time.Duration.Truncate', d, SEC))).toBe(want[8]);
      expect(dstr(call('time.Duration.Round', d, SEC))).toBe(want[9]);
      expect(dstr(call('time.Duration.Round', d, 1e6))).toBe(want[10]);
      expect(dstr(call('time.Duration.Round', d, 420 * SEC))).toBe(want[11]);
      expect(dstr(call('time.Duration.Abs', d))).toBe(want[12]);
    });
  });

  it('parses durations and reports Go\'s errors', () => {
    // '1\xc2\xb5s' is 1µs as the UTF-8 bytes of a Go string.
    const inputs = ['1.5s', '1m30s', '2h3m', '-2s', '300ms', '1us', '1\xc2\xb5s', '0', '', '1', '1x',
      '+5ns', '.5s', '1.s', '1h1h', '3.000000001s'];
    inputs.forEach((s, k) => {
      const [d, err] = call('time.ParseDuration', s) as [GoInt, { v: { load(): unknown[] } } | null];
      const line = golden[durations.length + k]!;
      const msg = err ? jsString(err.v.load()[0] as string) : '<nil>';
      expect(line.slice(line.indexOf('" ') + 2)).toBe(`${dstr(d)} ${msg}`);
    });
  });
});

describe('time.Month, time.Weekday and time.Time', () => {
  const base = durations.length + 16;
  it('names months and weekdays, with Go\'s fallback for others', () => {
    const months = Array.from({ length: 14 }, (_, m) => call('time.Month.String', m)).join(' ') + ' ';
    expect(months).toBe(golden[base]);
    const days = Array.from({ length: 9 }, (_, w) => call('time.Weekday.String', w - 1)).join(' ') + ' ';
    expect(days).toBe(golden[base + 1]);
  });

  it('treats the zero Time as year 1', () => {
    const z = [0, 0, null];
    const got = [tstr(z), call('time.Time.IsZero', z), call('time.Time.Unix', z), call('time.Time.Year', z),
      call('time.Weekday.String', call('time.Time.Weekday', z))].join(' ');
    expect(got).toBe(golden[base + 2]);
  });

  it('formats, splits and compares times exactly as Go', () => {
    const utc = call('time.UTC');
    const date = (...a: number[]) => call('time.Date', ...a, utc);
    const t = date(2009, 11, 10, 23, 0, 0, 0);
    const times = [
      t, call('time.Time.Add', t, 1500e6), call('time.Time.Add', t, -36 * 3600 * SEC), call('time.Time.AddDate', t, 0, 3, 25),
      date(2024, 2, 29, 7, 5, 9, 123456789), date(2023, 14, 35, 25, 61, 61, 0),
      call('time.Time.UTC', call('time.Unix', 0, 0)), call('time.Time.UTC', call('time.UnixMilli', 1700000000123)),
      date(1999, 12, 31, 12, 0, 0, 5000),
    ];
    const layouts = ["01/02 03:04:05PM '06 -0700", 'Mon Jan _2 15:04:05 2006', 'Mon Jan _2 15:04:05 MST 2006',
      '02 Jan 06 15:04 MST', 'Mon, 02 Jan 2006 15:04:05 MST', '2006-01-02T15:04:05Z07:00',
      '2006-01-02T15:04:05.999999999Z07:00', '3:04PM', 'Jan _2 15:04:05', 'Jan _2 15:04:05.000', '2006-01-02 15:04:05',
      '2006-01-02', '15:04:05', 'Monday January 2 2006 3:04:05 pm .000 .999 ,000 002 __2 Z0700 -07 -07:00'];
    let line = base + 3;
    for (const tt of times) {
      expect(tstr(tt)).toBe(golden[line++]);
      for (const l of layouts) expect('  ' + call('time.Time.Format', tt, l)).toBe(golden[line++]);
      const m = (name: string, ...a: unknown[]) => call(`time.Time.${name}`, tt, ...a);
      const fields = [m('Year'), call('time.Month.String', m('Month')), m('Day'), call('time.Weekday.String', m('Weekday')),
        m('Hour'), m('Minute'), m('Second'), m('Nanosecond'), m('YearDay'), m('Unix'), m('UnixMilli'), m('UnixMicro'),
        m('UnixNano'), dstr(m('Sub', t)), dstr(call('time.Time.Sub', t, tt)), m('Before', t), m('After', t), m('Equal', t),
        m('Compare', t), tstr(m('Truncate', 3600 * SEC)), tstr(m('Round', 3600 * SEC)), tstr(m('Truncate', 86400 * SEC))];
      expect('  ' + fields.join(' ')).toBe(golden[line++]);
    }
  });

  it('prints time.Now as the playground does, with its monotonic reading', () => {
    const withClock = { ...ctx, sched: { now: 1500 } } as unknown as NativeCtx;
    const nowFn = natives['time.Now'] as (c: NativeCtx) => unknown;
    const n = nowFn(withClock);
    expect(tstr(n)).toBe('2009-11-10 23:00:00.0000015 +0000 UTC m=+0.000001501');
    expect(tstr(call('time.Time.Round', n, 0))).toBe('2009-11-10 23:00:00.0000015 +0000 UTC');
  });
});
