// The gosim command's explore, and run with --replay, --explain and --trace, spawned as a user
// would run them: `node gosim/cli/gosim.cjs ...`.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as P from './programs.ts';

const gosim = resolve(import.meta.dirname, '../../../gosim/cli/gosim.cjs');
let dir = '';

function file(name: string, src: string): string {
  const f = join(dir, name);
  writeFileSync(f, src);
  return f;
}

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [gosim, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gosim-explore-cli-'));
});

describe('gosim explore', () => {
  it('prints the summary and every outcome with its replay command', () => {
    const f = file('sel.go', P.selectTwoReady);
    const r = cli('explore', f);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 distinct outcomes in 2 runs \(every schedule covered\); \d+ scheduling states, \d+\.\d\d s\n/);
    expect(r.stdout).toContain('outcome 1: exit status 0');
    expect(r.stdout).toContain('outcome 2: exit status 0');
    expect(r.stdout).toContain('    | a 1\n');
    expect(r.stdout).toContain('    | b 2\n');
    expect(r.stdout.match(/replay: gosim run .*sel\.go --replay v1:\S*\n/g)).toHaveLength(2);
  });

  it('names the crash of an outcome', () => {
    const f = file('race.go', P.sendRacesClose);
    const r = cli('explore', f);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('exit status 2, panic: send on closed channel');
  });

  it('says when the budget stopped it', () => {
    const f = file('many.go', P.unsyncPrinters(3, 3));
    const r = cli('explore', f, '--budget', '10');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/ in 10 runs \(not exhaustive: stopped by its budget; \d+ of the runs used random schedules\)/);
  });

  it('--json prints the result as JSON', () => {
    const f = file('sel-json.go', P.selectTwoReady);
    const r = cli('explore', f, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { exhaustive: boolean; outcomes: { stdout: string; witness: string }[]; buildErrors: null };
    expect(j.exhaustive).toBe(true);
    expect(j.buildErrors).toBeNull();
    expect(j.outcomes.map((o) => o.stdout).sort()).toEqual(['a 1\n', 'b 2\n']);
  });

  it('exits 1 with go build\'s message for a program that does not build', () => {
    const f = file('prog.go', 'package main\n\nfunc main() {\n\tx := 1\n}\n');
    const r = cli('explore', f);
    expect(r).toEqual({ code: 1, stdout: '', stderr: '# command-line-arguments\n./prog.go:4:2: declared and not used: x\n' });
  });
});

describe('gosim run', () => {
  it('--replay reproduces each outcome explore printed', () => {
    const src = P.sendRacesClose;
    const f = file('replay.go', src);
    const j = JSON.parse(cli('explore', f, '--json').stdout) as { outcomes: { stdout: string; exitCode: number; fullStderr: string; witness: string }[] };
    expect(j.outcomes).toHaveLength(2);
    for (const o of j.outcomes) {
      const r = cli('run', f, '--replay', o.witness);
      expect(r, o.witness).toEqual({ code: o.exitCode, stdout: o.stdout, stderr: o.fullStderr });
    }
  });

  it('--replay with a malformed witness exits 2 with a message', () => {
    const f = file('bad.go', P.selectTwoReady);
    const r = cli('run', f, '--replay', 'abc');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gosim: bad replay witness: /);
  });

  it('--replay with a witness that does not fit says so', () => {
    const f = file('misfit.go', P.selectTwoReady);
    const r = cli('run', f, '--replay', 'v1:9.9.9');
    expect(r.stderr).toContain('the replay witness does not fit this program');
  });

  it('--random-schedule runs a schedule drawn from the seed and prints the witness that replays it', () => {
    const f = file('random.go', P.selectTwoReady);
    const outputs = new Set<string>();
    for (const seed of ['1', '2', '3', '4', '5', '6']) {
      const r = cli('run', f, '--random-schedule', '--seed', seed);
      expect(r.code).toBe(0);
      const m = /^gosim: schedule (v1:\S*) \(replay it with --replay \1\)\n$/.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      expect(cli('run', f, '--replay', m![1]!).stdout).toBe(r.stdout);
      outputs.add(r.stdout);
    }
    expect(outputs.size).toBe(2);
  });

  it('--explain explains a deadlock', () => {
    const f = file('dead.go', P.deadlockSometimes);
    const j = JSON.parse(cli('explore', f, '--json').stdout) as { outcomes: { crash: string | null; witness: string }[] };
    const dead = j.outcomes.find((o) => o.crash !== null);
    expect(dead, 'explore found the deadlock').toBeDefined();
    const r = cli('run', f, '--replay', dead!.witness, '--explain');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fatal error: all goroutines are asleep - deadlock!\n/);
    expect(r.stderr).toMatch(/\ngosim explains:\n {2}- Goroutine 1 \(main\) is blocked at dead\.go:\d+: .*deadlock/);
  });

  it('--trace writes the trace as JSON, version 1', () => {
    const f = file('traced.go', P.pingPong);
    const out = join(dir, 'out.json');
    const r = cli('run', f, '--trace', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ping 0\npong 0\nping 1\npong 1\nping 2\npong 2\nend 3 false\n');
    expect(existsSync(out)).toBe(true);
    const t = JSON.parse(readFileSync(out, 'utf8')) as { version: number; events: unknown[] };
    expect(t.version).toBe(1);
    expect(t.events.length).toBeGreaterThan(0);
  });
});
