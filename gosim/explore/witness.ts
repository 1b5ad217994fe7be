// The choices of a run, as explore() numbers, writes and follows them. A move is a goroutine,
// or a goroutine with the held partner its operation completes with, as one number. Every
// outcome comes with a witness: its run's choices, which `run(src, { replay })` (and
// `gosim run --replay`) follows to reproduce it exactly (ReplayRun). Only choices with more
// than one option are written, as indexes into the options (parseWitness); `v1:` versions the
// format. Past the choices a run explores or a witness holds, a run follows a fair default
// schedule (Streak). RandomRun draws one schedule at random, keeping its witness.
import type { Goroutine } from '../runtime/goroutine.ts';
import type { Explorer } from '../runtime/footprint.ts';

export const WITNESS_PREFIX = 'v1:';

/**
 * A move: a goroutine, or a goroutine with the held partner its operation completes with
 * (Scheduler.pickExplored), as one number: g + partner * MOVE.
 */
const MOVE = 2 ** 24;
const moveOf = (g: number, partner: number): number => g + partner * MOVE;
export const goroutineOf = (m: number): number => m % MOVE;
export const partnerOf = (m: number): number => Math.floor(m / MOVE);

/** The moves of runnable goroutines, with their partners when there are (Explorer.pickGoroutine). */
export function movesOf(runnable: readonly Goroutine[], partners?: readonly (Goroutine | null)[]): number[] {
  return runnable.map((g, i) => moveOf(g.id, partners?.[i]?.id ?? 0));
}

/**
 * The default schedule where nothing is explored (past maxDepth, or after a replayed witness
 * ends; both must agree): the goroutine that just ran goes on, but at most FAIR_TURNS turns in
 * a row while others are runnable, as a plain run's quantum would have it. Without that, a
 * goroutine polling a channel in a loop would keep the one that would answer it from running.
 */
const FAIR_TURNS = 64;
export class Streak {
  private last = -1;
  private n = 0;
  /** Every goroutine pick, explored or not, so that two runs with the same picks agree. */
  note(id: number): void {
    if (id === this.last) this.n++;
    else { this.last = id; this.n = 1; }
  }
  /** The default pick: an index into ids (ids[0] is the goroutine that just yielded, if runnable). */
  pick(ids: readonly number[]): number {
    return ids.length > 1 && ids[0] === this.last && this.n >= FAIR_TURNS ? 1 : 0;
  }
}

/**
 * A run that follows one schedule (drawn at random, or replayed) rather than searching: it makes
 * the choices and ignores what the scheduler reports for the search's bookkeeping.
 */
export abstract class FollowingRun implements Explorer {
  abstract pickGoroutine(runnable: readonly Goroutine[], partners?: readonly (Goroutine | null)[]): number;
  abstract pickValue(n: number): number;
  touch(): void {}
  blocked(): void {}
  tookClosed(): void {}
  waitDisabled(): void {}
  onlyRead(): void {}
  buffered(): void {}
  ended(): void {}
  runtimeTurn(): void {}
  enabled(): void {}
  follows(): void {}
  disabled(): void {}
  readonly holdsBlocked = true;
}

/**
 * Makes every choice at random (one schedule drawn from all of them, not uniformly over
 * schedules but each option equally likely at each choice), keeping the choices as a witness.
 * Past `limit` choices it takes the default ones, exactly as a replay does once its witness
 * ends, so the witness stays short (a long run makes millions of choices) and still replays
 * the whole run.
 */
export class RandomRun extends FollowingRun {
  private readonly choices: number[] = [];
  private readonly streak = new Streak();
  constructor(
    private readonly random: () => number,
    private readonly limit = 5000,
  ) {
    super();
  }

  private choose(options: readonly number[], g: boolean): number {
    if (options.length < 2) return options[0]!;
    if (this.choices.length >= this.limit) return options[g ? this.streak.pick(options) : 0]!;
    const k = Math.min(options.length - 1, Math.floor(this.random() * options.length));
    this.choices.push(k);
    return options[k]!;
  }

  pickGoroutine(runnable: readonly Goroutine[], partners?: readonly (Goroutine | null)[]): number {
    const ids = movesOf(runnable, partners);
    const id = this.choose(ids, true);
    this.streak.note(id);
    return ids.indexOf(id);
  }

  pickValue(n: number): number {
    return this.choose(Array.from({ length: n }, (_, i) => i), false);
  }


  /** The schedule run, as `run(source, { replay })` takes it. */
  get witness(): string {
    return formatWitness(this.choices);
  }
}

/** Replays a witness: its choices in order wherever there is more than one option, defaults elsewhere. */
export class ReplayRun extends FollowingRun {
  private i = 0;
  /** Set when the witness does not fit the program: the choice number where it stopped fitting. */
  misfit: number | null = null;
  constructor(private readonly choices: number[]) {
    super();
  }

  private readonly streak = new Streak();

  /** `g`: a goroutine pick (the default then follows Streak), else a select's case. */
  private take(options: number[], g: boolean): number {
    const x = this.choose(options, g);
    if (g) this.streak.note(x);
    return x;
  }

  private choose(options: number[], g: boolean): number {
    const fallback = () => options[g ? this.streak.pick(options) : 0]!;
    if (options.length < 2) return options[0]!;
    if (this.i >= this.choices.length) return fallback();
    const k = this.choices[this.i++]!;
    if (k < options.length) return options[k]!;
    if (this.misfit === null) this.misfit = this.i;
    return fallback();
  }

  get finished(): boolean { return this.i >= this.choices.length; }

  pickGoroutine(runnable: readonly Goroutine[], partners?: readonly (Goroutine | null)[]): number {
    const ids = movesOf(runnable, partners);
    return ids.indexOf(this.take(ids, true));
  }

  pickValue(n: number): number {
    return this.take(Array.from({ length: n }, (_, i) => i), false);
  }
}

/**
 * The choices of a witness string, or an error message. A witness is `v1:` and the choices at
 * points with more than one option, as indexes into the options (0: the goroutine that was
 * running, or the first ready case), separated by dots; `k*n` stands for n choices of k.
 */
export function parseWitness(w: string): number[] | string {
  const s = w.trim();
  if (!s.startsWith(WITNESS_PREFIX)) return `a witness starts with "${WITNESS_PREFIX}" (got "${s.slice(0, 20)}")`;
  const body = s.slice(WITNESS_PREFIX.length);
  if (body === '') return [];
  const out: number[] = [];
  for (const p of body.split('.')) {
    const m = /^(\d+)(?:\*(\d+))?$/.exec(p);
    if (m === null) return `"${p.slice(0, 20)}" in the witness is neither a number nor number*count`;
    const n = m[2] === undefined ? 1 : Number(m[2]);
    if (out.length + n > 10_000_000) return 'the witness is too long';
    for (let i = 0; i < n; i++) out.push(Number(m[1]));
  }
  return out;
}

export function formatWitness(choices: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < choices.length;) {
    let j = i + 1;
    while (j < choices.length && choices[j] === choices[i]) j++;
    const n = j - i;
    if (n >= 3) parts.push(`${choices[i]}*${n}`);
    else for (let k = 0; k < n; k++) parts.push(String(choices[i]));
    i = j;
  }
  return WITNESS_PREFIX + parts.join('.');
}
