// Property: on small generated programs, the reduced search (held goroutines, DPOR, sleep sets)
// finds exactly the outcomes of the unreduced one, which runs every interleaving of turns.
//
// Programs are drawn from a seed: two or three goroutines and main, each one or two operations
// on two channels of random capacity (send, receive, select with or without default, close), a
// mutex, prints, and a WaitGroup the first goroutine releases when it ends; main waits for the
// goroutines with another WaitGroup. Only programs whose unreduced search finishes within
// FULL_RUNS are compared (runs decide it, never time, so the same programs are compared on every
// machine); the test checks that 145 and more are (149 of 300). A failing
// program is shrunk (dropping operations and goroutines, unbuffering channels, while the
// outcome sets still differ) and printed. A second set adds sleeps of 1 or 2 ms and receives
// racing time.After, so that timers fall due at one instant with goroutines ready to move, and
// holds the two searches to the same outcomes there too (virtual time's moves). A third set
// prints len(ch) among the operations, which reads what buffered sends and receives change. A
// fourth sends 0 or 1 instead of a tag, mostly on one buffered channel, so that sends and
// receives of equal values (which commute when the buffer keeps room or a value) meet unequal
// ones; it fails if values are not compared, or if a send that filled the buffer commutes. A
// fifth starts its first goroutine two or three times from one loop (twins, which the reduced
// search lets begin only in the order they were created), some of them telling themselves apart
// by the loop's variable or by an argument, which must keep them from counting as twins.
import { describe, expect, it } from 'vitest';
import { explore } from '../../../gosim/index.ts';
import { seededRandom } from '../../../gosim/runtime/random.ts';

/** Programs per run, and the seed of the first. */
const PROGRAMS = 300;
const FIRST_SEED = 1;
/** The unreduced search's run cap; programs it cannot finish within it are not compared. */
const FULL_RUNS = 800;
/** Programs with sleeps and timers, and how many of them the unreduced search must finish (109 of 200 do). */
const TIMED_PROGRAMS = 200;
const TIMED_COMPARED = 100;
/** Programs that also print len(c0) or len(c1), and how many the unreduced search must finish (83 of 300 do). */
const LEN_PROGRAMS = 300;
const LEN_COMPARED = 75;
/** Programs whose sends send 0 or 1, and how many the unreduced search must finish (168 of 300 do). */
const EQUAL_PROGRAMS = 300;
const EQUAL_COMPARED = 120;
/** Programs whose first goroutine is started several times from a loop, and how many the unreduced search must finish (77 of 300 do). */
const TWIN_PROGRAMS = 300;
const TWIN_COMPARED = 70;
/** Only a hung search gets near this; every search here is capped by runs. */
const MAX_MS = 60_000;

type Op =
  | { k: 'print' }
  | { k: 'send'; ch: number }
  | { k: 'recv'; ch: number }
  | { k: 'selRecv'; def: boolean }
  | { k: 'selSend'; ch: number; def: boolean }
  | { k: 'close'; ch: number }
  | { k: 'lock' }
  | { k: 'wait' }
  /** With timers: a sleep, or a receive racing a timer of the same length as the others' sleeps. */
  | { k: 'sleep'; ms: number }
  | { k: 'after'; ms: number }
  /** A read of how many values wait in a channel's buffer. */
  | { k: 'len'; ch: number };

/**
 * Which operations a set draws from: the plain ones, with sleeps and timers, with len(ch), or
 * the plain ones sending equal values (0 or 1, so that buffered sends and receives of one value
 * race: the search lets those commute when the buffer keeps room or a value).
 */
type Kind = 'plain' | 'timed' | 'len' | 'equal' | 'twins';

interface Prog {
  caps: [number, number];
  /** Sends send 0 or 1 rather than their tag. */
  equal?: boolean;
  /**
   * The first goroutine is started this many times from a loop; `by` says how its copies differ:
   * not at all (twins), by the loop's variable they capture and print, or by an argument (1 for
   * the first copy, 2 for the others, so that only those are twins).
   */
  twins?: { n: number; by: 'none' | 'loopVar' | 'arg' };
  /** The goroutines' operations; the last list is main's (run after starting them). */
  bodies: Op[][];
}

function draw(seed: number, kind: Kind): Prog {
  const r = seededRandom(seed);
  const n = (k: number) => Math.floor(r() * k);
  const op = (inMain: boolean): Op => {
    const ch = n(2);
    // Sleeps of 1 or 2 ms, so that timers often fall due at one instant.
    if (kind === 'timed' && r() < 0.4) return r() < 0.6 ? { k: 'sleep', ms: 1 + n(2) } : { k: 'after', ms: 1 + n(2) };
    if (kind === 'len' && r() < 0.3) return { k: 'len', ch };
    // Mostly sends and receives on c0, so that sends of equal and unequal values meet in its buffer.
    if (kind === 'equal') {
      const x = r(), on = r() < 0.75 ? 0 : 1;
      return x < 0.45 ? { k: 'send', ch: on } : x < 0.8 ? { k: 'recv', ch: on } : x < 0.9 ? { k: 'selSend', ch: on, def: r() < 0.5 } : { k: 'print' };
    }
    switch (n(inMain ? 7 : 8)) {
      case 0: return { k: 'print' };
      case 1: return { k: 'send', ch };
      case 2: return { k: 'recv', ch };
      case 3: return { k: 'selRecv', def: r() < 0.5 };
      case 4: return { k: 'selSend', ch, def: r() < 0.5 };
      case 5: return { k: 'close', ch };
      case 6: return { k: 'lock' };
      default: return { k: 'wait' };
    }
  };
  const bodies: Op[][] = [];
  // len(ch) tells buffers apart only after a send and a receive: longer bodies, buffered channels.
  const long = kind === 'len' || kind === 'equal' ? 0.6 : 0.35;
  // Twins: a copy or two of the first goroutine stand for the others.
  for (let g = kind === 'twins' ? 1 + n(2) : r() < 0.15 ? 3 : 2; g > 0; g--) bodies.push(Array.from({ length: r() < long ? 2 : 1 }, () => op(false)));
  bodies.push(Array.from({ length: r() < 0.4 ? 1 : 0 }, () => op(true)));
  if (kind === 'equal') return { caps: [1 + n(2), n(3)], bodies, equal: true };
  if (kind === 'twins') {
    const x = r();
    return { caps: [n(3), n(2)], bodies, twins: { n: r() < 0.75 ? 2 : 3, by: x < 0.6 ? 'none' : x < 0.8 ? 'loopVar' : 'arg' } };
  }
  return { caps: kind === 'len' ? [1 + n(2), 1 + n(2)] : [n(3), n(2)], bodies };
}

/** Go for one operation; `tag` tells the goroutine and operation apart in the output. */
function stmt(o: Op, tag: number, equal = false): string {
  const c = (ch: number) => `c${ch}`;
  // Equal values: 0 or 1, the first operations of neighbouring goroutines differing.
  const v = equal ? (Math.floor(tag / 10) + tag) % 2 : tag;
  switch (o.k) {
    case 'print': return `fmt.Print("p${tag} ")`;
    case 'send': return `${c(o.ch)} <- ${v}`;
    case 'recv': return `if v, ok := <-${c(o.ch)}; ok { fmt.Print("r", v, " ") } else { fmt.Print("z${tag} ") }`;
    case 'selRecv': return `select { case v := <-c0: fmt.Print("a", v, " "); case v := <-c1: fmt.Print("b", v, " ")${o.def ? `; default: fmt.Print("d${tag} ")` : ''} }`;
    case 'selSend': return `select { case ${c(o.ch)} <- ${v}: fmt.Print("s${tag} ")${o.def ? `; default: fmt.Print("n${tag} ")` : ''} }`;
    case 'close': return `close(${c(o.ch)})`;
    case 'lock': return `mu.Lock(); fmt.Print("L${tag} "); mu.Unlock()`;
    case 'wait': return `done.Wait(); fmt.Print("w${tag} ")`;
    case 'sleep': return `time.Sleep(${o.ms} * time.Millisecond); fmt.Print("S${tag} ")`;
    case 'after': return `select { case v := <-c0: fmt.Print("a", v, " "); case <-time.After(${o.ms} * time.Millisecond): fmt.Print("t${tag} ") }`;
    case 'len': return `fmt.Print("n${tag}=", len(${c(o.ch)}), " ")`;
  }
}

function source(p: Prog): string {
  const main = p.bodies[p.bodies.length - 1]!;
  const gs = p.bodies.slice(0, -1);
  // The WaitGroup `done` only when someone waits on it.
  const waits = p.bodies.some((ops) => ops.some((o) => o.k === 'wait'));
  const tw = p.twins;
  const copies = tw?.n ?? 1;
  let body = `${waits ? `\tdone.Add(${copies})\n` : ''}\twg.Add(${gs.length - 1 + copies})\n`;
  gs.forEach((ops, g) => {
    const inner = `\t\tdefer wg.Done()\n${g === 0 && waits ? '\t\tdefer done.Done()\n' : ''}${ops.map((o, i) => `\t\t${stmt(o, (g + 1) * 10 + i, p.equal)}\n`).join('')}`;
    if (g > 0 || tw === undefined) body += `\tgo func() {\n${inner}\t}()\n`;
    else if (tw.by === 'none') body += `\tfor range ${tw.n} {\n\tgo func() {\n${inner}\t}()\n\t}\n`;
    else if (tw.by === 'loopVar') body += `\tfor k := range ${tw.n} {\n\tgo func() {\n\t\tfmt.Print("k", k, " ")\n${inner}\t}()\n\t}\n`;
    else body += `\tfor k := range ${tw.n} {\n\tgo func(a int) {\n\t\tfmt.Print("a", a, " ")\n${inner}\t}(min(k, 1) + 1)\n\t}\n`;
  });
  body += main.map((o, i) => `\t${stmt(o, 90 + i, p.equal)}\n`).join('');
  const timed = p.bodies.some((ops) => ops.some((o) => o.k === 'sleep' || o.k === 'after'));
  return `package main

import (
	"fmt"
	"sync"${timed ? '\n\t"time"' : ''}
)

func main() {
	c0 := make(chan int, ${p.caps[0]})
	c1 := make(chan int, ${p.caps[1]})
	var mu sync.Mutex
	var wg sync.WaitGroup
	var done sync.WaitGroup
	_, _, _, _ = c0, c1, &mu, &done
${body}	wg.Wait()
	fmt.Println()
}
`;
}

const key = (o: { stdout: string; exitCode: number; crash: string | null; stderr: string }) => JSON.stringify([o.stdout, o.exitCode, o.crash, o.stderr]);

/** null: the unreduced search does not finish within FULL_RUNS; else whether both agree, and the sets. */
function compare(p: Prog): { same: boolean; reduced: string[]; full: string[]; reducedExhaustive: boolean } | null {
  const src = source(p);
  const full = explore(src, { budget: FULL_RUNS, maxMs: MAX_MS, reduce: false });
  expect(full.buildErrors, src).toBeNull();
  if (!full.exhaustive) return null;
  const reduced = explore(src, { budget: FULL_RUNS, maxMs: MAX_MS });
  const a = reduced.outcomes.map(key).sort(), b = full.outcomes.map(key).sort();
  return { same: reduced.exhaustive && JSON.stringify(a) === JSON.stringify(b), reduced: a, full: b, reducedExhaustive: reduced.exhaustive };
}

/** Smaller programs than p: one operation or one goroutine fewer, or an unbuffered channel. */
function smaller(p: Prog): Prog[] {
  const out: Prog[] = [];
  p.bodies.forEach((ops, g) => {
    ops.forEach((_, i) => out.push({ ...p, bodies: p.bodies.map((b, h) => (h === g ? b.filter((_, j) => j !== i) : b)) }));
    if (g < p.bodies.length - 1) out.push({ ...p, bodies: p.bodies.filter((_, h) => h !== g) });
  });
  for (const c of [0, 1] as const) if (p.caps[c] > 0) out.push({ ...p, caps: c === 0 ? [0, p.caps[1]] : [p.caps[0], 0] });
  if (p.twins !== undefined && p.twins.n > 2) out.push({ ...p, twins: { ...p.twins, n: p.twins.n - 1 } });
  return out;
}

/** Shrinks a program on which the searches disagree, while they still do. */
function shrink(p: Prog): Prog {
  for (let changed = true; changed;) {
    changed = false;
    for (const q of smaller(p)) {
      const c = compare(q);
      if (c !== null && !c.same) { p = q; changed = true; break; }
    }
  }
  return p;
}

/**
 * Compares the two searches on `count` programs drawn from seeds (times `spread`), failing with a
 * shrunk program on the first disagreement; returns how many the unreduced search finished.
 */
function compareGenerated(count: number, spread: number, kind: Kind): number {
  let compared = 0;
  for (let seed = FIRST_SEED; seed < FIRST_SEED + count; seed++) {
    const p = draw(seed * spread, kind);
    const c = compare(p);
    if (c === null) continue;
    compared++;
    if (!c.same) {
      const small = shrink(p);
      const s = compare(small)!;
      expect.fail(`${kind === 'plain' ? '' : `${kind} `}seed ${seed}: the searches differ${s.reducedExhaustive ? '' : ' (the reduced one did not finish)'}; shrunk to:\n${source(small)}\nreduced: ${s.reduced.join('\n         ')}\nfull:    ${s.full.join('\n         ')}`);
    }
  }
  return compared;
}

describe('explore: the reduced search finds exactly the outcomes of every interleaving', () => {
  it(`on ${PROGRAMS} generated programs (seeds ${FIRST_SEED}..${FIRST_SEED + PROGRAMS - 1})`, () => {
    // Most of them (145 and more) are small enough for the unreduced search: the property is tested on those.
    expect(compareGenerated(PROGRAMS, 104729, 'plain')).toBeGreaterThanOrEqual(145);
  }, 600_000);

  it(`on ${TIMED_PROGRAMS} generated programs with sleeps and timers due at the same instants`, () => {
    expect(compareGenerated(TIMED_PROGRAMS, 7561, 'timed')).toBeGreaterThanOrEqual(TIMED_COMPARED);
  }, 600_000);

  it(`on ${LEN_PROGRAMS} generated programs that read len(ch) between sends and receives`, () => {
    expect(compareGenerated(LEN_PROGRAMS, 6151, 'len')).toBeGreaterThanOrEqual(LEN_COMPARED);
  }, 600_000);

  it(`on ${EQUAL_PROGRAMS} generated programs whose sends race with equal values`, () => {
    expect(compareGenerated(EQUAL_PROGRAMS, 3571, 'equal')).toBeGreaterThanOrEqual(EQUAL_COMPARED);
  }, 600_000);

  it(`on ${TWIN_PROGRAMS} generated programs starting one goroutine several times from a loop`, () => {
    expect(compareGenerated(TWIN_PROGRAMS, 2357, 'twins')).toBeGreaterThanOrEqual(TWIN_COMPARED);
  }, 600_000);
});
