// gosim's memory budget (RunOptions.maxMemoryBytes, runtime/memory.ts): a program that allocates
// without end is stopped the way Go stops one that runs out of memory, before the JS heap of
// the page or the command gives out; programs that allocate and drop a lot are not.
import { describe, expect, it } from 'vitest';
import { explore, run, type RunOptions, type RunResult } from '../../../gosim/index.ts';
import { appendBomb, appendBombLine, outOfMemory } from './bombs.ts';

const MiB = 1 << 20;
// Small budgets keep these runs short; the step and wall-clock budgets are generous, so that
// only memory can end them.
const go = (src: string, options: RunOptions = {}) => run(src, { maxWallMs: 120_000, maxSteps: 1e9, ...options });

/** A program whose main runs `lines` (indented one level), importing the packages they name, then `rest`. */
function program(lines: string[], rest = ''): string {
  const body = lines.join('\n');
  const used = ['bytes', 'fmt', 'math/rand', 'slices', 'strings', 'sync', 'time'].filter((p) => body.includes(p.split('/').pop()! + '.'));
  const imports = used.length === 0 ? '' : `import (\n${used.map((p) => `\t"${p}"\n`).join('')})\n\n`;
  return `package main\n\n${imports}func main() {\n${lines.map((l) => '\t' + l).join('\n')}\n}\n${rest}`;
}

/** The run ended in Go's out-of-memory report in goroutine 1, in `func` at `line` when given. */
function expectOutOfMemory(r: RunResult, line?: number, func = 'main.main()'): { block: number; inUse: number } {
  expect(r.stderr).toMatch(outOfMemory);
  expect(r.exitCode).toBe(2);
  const [, block, inUse] = outOfMemory.exec(r.stderr)!;
  const top = r.stderr.slice(outOfMemory.exec(r.stderr)![0].length).split('\n').slice(0, 3);
  expect(top[0]).toBe('goroutine 1 [running]:');
  expect(top[1]).toBe(func);
  if (line !== undefined) expect(top[2]).toBe(`\t/tmp/sandbox/prog.go:${line}`);
  return { block: Number(block), inUse: Number(inUse) };
}

describe('the memory budget stops programs that allocate without end', () => {
  it('stops appending 1 MB slices with Go\'s out-of-memory report, keeping what was printed', () => {
    const r = go(appendBomb, { maxMemoryBytes: 64 * MiB });
    const { block, inUse } = expectOutOfMemory(r, appendBombLine);
    // A []byte element is a JS array slot: 8 bytes each.
    expect(block).toBeGreaterThanOrEqual(8 * MiB);
    expect(inUse).toBeLessThanOrEqual(64 * MiB);
    expect(r.stdout).toBe('0\n');
  });

  it('ends the same way every time (the count never looks at the JS heap)', () => {
    const a = go(appendBomb, { maxMemoryBytes: 32 * MiB });
    const b = go(appendBomb, { maxMemoryBytes: 32 * MiB });
    expect(b.stderr).toBe(a.stderr);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stats).toEqual(a.stats);
  });

  it('refuses a string that doubles past the budget, naming the block as Go does', () => {
    const r = go(program(['s := "x"', 'for i := 0; i < 40; i++ {', '\ts = s + s', '}', 'fmt.Println(len(s))']));
    // The default budget is 256 MiB: the 256 MiB string after 128 MiB is the one refused.
    expect(expectOutOfMemory(r, 10).block).toBe(268435456);
  });

  it('counts small objects, so a linked list grown forever is stopped', () => {
    const r = go(program(['var head *node', 'for i := 0; ; i++ {', '\thead = &node{i, head}', '}'], 'type node struct {\n\tv    int\n\tnext *node\n}\n'), { maxMemoryBytes: 4 * MiB });
    expectOutOfMemory(r, 6);
  });

  it('counts closures, boxes of captured variables, map entries, channels, timers and structs behind interfaces', () => {
    const loops = [
      ['var fs []func() int', 'for i := 0; ; i++ {', '\tfs = append(fs, func() int { return i })', '}'],
      ['m := map[int]string{}', 'for i := 0; ; i++ {', '\tm[i] = "v"', '}'],
      ['var cs []chan int', 'for {', '\tcs = append(cs, make(chan int))', '}'],
      ['for {', '\ttime.After(time.Hour)', '}'],
      ['var ps []*int', 'for i := 0; ; i++ {', '\tx := i', '\tps = append(ps, &x)', '}'],
      ['var xs []any', 'for i := 0; ; i++ {', '\txs = append(xs, struct{ a, b int }{i, i})', '}'],
      // A chain of values behind interfaces needs no pointer at all.
      ['type link struct{ next any }', 'var head any', 'for {', '\thead = link{head}', '}'],
    ];
    for (const lines of loops) expectOutOfMemory(go(program(lines), { maxMemoryBytes: 2 * MiB }));
  });

  it('refuses one huge allocation before making it: a slice, a channel buffer, an array value', () => {
    expectOutOfMemory(go(program(['_ = make([]int, 1<<25)'])), 4);
    expectOutOfMemory(go(program(['_ = make(chan int, 1<<40)'])), 4);
    // A frame too big to fit fails in its function's prologue, shown at its declaration (like a stack overflow).
    expectOutOfMemory(go(program(['var a [1 << 30]int', 'a[0] = 1', '_ = a'])), 3);
  });

  it('counts what library functions build: Repeat, Builder, Buffer, Sprint, Join, slices, rand.Perm', () => {
    const bodies = [
      ['_ = strings.Repeat("x", 1<<40)'],
      ['var b strings.Builder', 'for {', '\tb.WriteString("hello")', '}'],
      ['var b bytes.Buffer', 'for {', '\tb.WriteString("hello")', '}'],
      ['s := "x"', 'for {', '\ts = fmt.Sprint(s, s)', '}'],
      ['xs := []string{"ab"}', 'for {', '\txs = append(xs, strings.Join(xs, ","))', '}'],
      ['xs := []int{1}', 'for {', '\txs = slices.Concat(xs, xs)', '}'],
      ['_ = rand.Perm(1 << 40)'],
      ['s := "a"', 'for {', '\ts = strings.ReplaceAll(s, "a", "aa")', '}'],
    ];
    for (const lines of bodies) expectOutOfMemory(go(program(lines), { maxMemoryBytes: 4 * MiB }));
  });

  it('counts goroutine stacks, replacing the old limit on goroutines with an out-of-memory error', () => {
    const forever = program(['for {', '\tgo func() {', '\t\tselect {}', '\t}()', '}']);
    expectOutOfMemory(go(forever, { maxMemoryBytes: 16 * MiB }), 5);
    // An explicit cap on live goroutines ends the program the same way.
    const r = go(forever, { maxGoroutines: 100 });
    expectOutOfMemory(r, 5);
    expect(r.stats.maxLiveGoroutines).toBe(100);
  });

  it('counts deep recursion (stack growth), pending deferred calls and big frames', () => {
    const f = 'func f(n int) int {\n\tif n == 0 {\n\t\tselect {}\n\t}\n\treturn f(n-1) + 1\n}\n';
    const deep = go(program(['for {', '\tgo f(40000)', '}'], f), { maxMemoryBytes: 64 * MiB });
    // Whichever goroutine is growing its stack when the budget runs out reports it.
    expect(deep.stderr).toMatch(outOfMemory);
    expect(deep.exitCode).toBe(2);
    expectOutOfMemory(go(program(['for {', '\tdefer func() {}()', '}']), { maxMemoryBytes: 2 * MiB }), 5);
    const g = 'func g(n int) int {\n\tvar a [1 << 16]int\n\ta[0] = n\n\tif n == 0 {\n\t\treturn 0\n\t}\n\treturn g(n-1) + a[0]\n}\n';
    const big = go(program(['println(g(1000))'], g), { maxMemoryBytes: 32 * MiB });
    expectOutOfMemory(big, 7, 'main.g(...)');
  });
});

describe('the memory budget leaves alone programs that allocate and drop', () => {
  it('lets s += "x" run 100k times: concatenation counts the bytes added', () => {
    const r = go(program(['s := ""', 'for i := 0; i < 100000; i++ {', '\ts += "x"', '}', 'fmt.Println(len(s))']), { maxMemoryBytes: 16 * MiB });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('100000\n');
  });

  it('lets a slice be emptied and refilled without end: only its growth counts', () => {
    const refill = ['s := make([]int, 0, 10000)', 'total := 0', 'for round := 0; round < 300; round++ {', '\ts = s[:0]',
      '\tfor i := 0; i < 10000; i++ {', '\t\ts = append(s, i)', '\t}', '\ttotal += len(s)', '}', 'fmt.Println(total)'];
    const r = go(program(refill), { maxMemoryBytes: 1 * MiB });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('3000000\n');
  });

  it('gives back deleted map entries and the stacks of goroutines that ended', () => {
    const churn = ['m := map[int]int{}', 'for i := 0; i < 200000; i++ {', '\tm[i] = i', '\tdelete(m, i)', '}', 'var wg sync.WaitGroup',
      'for round := 0; round < 20; round++ {', '\tfor i := 0; i < 1000; i++ {', '\t\twg.Add(1)', '\t\tgo work(&wg)', '\t}', '\twg.Wait()', '}',
      'fmt.Println(len(m), "done")'];
    const r = go(program(churn, '\nfunc work(wg *sync.WaitGroup) { wg.Done() }\n'), { maxMemoryBytes: 4 * MiB });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0 done\n');
  });

  it('still runs 100k goroutines blocked at once under the default budget', () => {
    const blocked = ['ch := make(chan int)', 'for i := 0; i < 100000; i++ {', '\tgo func() { <-ch }()', '}', 'fmt.Println("started")', 'select {}'];
    const r = go(program(blocked));
    expect(r.stdout).toBe('started\n');
    expect(r.stderr).toMatch(/^fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 \[select \(no cases\)\]:\n/);
    expect(r.exitCode).toBe(2);
    expect(r.stats.maxLiveGoroutines).toBe(100001);
  });
});

describe('explore honours the memory budget', () => {
  it('ends each explored execution that allocates past it with the out-of-memory crash', () => {
    const src = program(['done := make(chan bool)', 'go func() {', '\tbuf := make([]byte, 1<<18)', '\tfmt.Println(len(buf))',
      '\tdone <- true', '}()', '<-done']);
    const small = explore(src, { maxMemoryBytes: 1 * MiB, budget: 20 });
    expect(small.outcomes.length).toBeGreaterThan(0);
    for (const o of small.outcomes) {
      expect(o.crash).toBe('fatal error: out of memory');
      // Go's line before the crash belongs to the report, not to what the program wrote.
      expect(o.stderr).toBe('');
      expect(o.exitCode).toBe(2);
    }
    const enough = explore(src, { maxMemoryBytes: 8 * MiB, budget: 20 });
    expect(enough.outcomes.map((o) => [o.exitCode, o.stdout])).toEqual([[0, '262144\n']]);
  });
});
