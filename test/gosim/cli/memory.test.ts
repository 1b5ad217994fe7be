// The installed `gosim` command on a program that allocates without end: the memory budget
// ends it with Go's out-of-memory report while the process stays far below 1 GB, where without
// the budget Node grew to its 4 GB heap limit and aborted.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appendBomb, appendBombLine, outOfMemory } from '../runtime/bombs.ts';

const bin = resolve(import.meta.dirname, '../../../node_modules/.bin/gosim');

describe('the gosim command under the memory budget', () => {
  it('stops appending 1 MB slices with exit 2 and the out-of-memory lines, its peak RSS under 1 GB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gosim-memory-'));
    const prog = join(dir, 'append.go');
    writeFileSync(prog, appendBomb);
    // The command's own peak resident set, as the kernel counts it, written when it exits.
    const rssFile = join(dir, 'maxrss');
    const preload = join(dir, 'maxrss.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
    const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim() };
    const r = spawnSync(bin, ['run', prog], { encoding: 'utf8', env, timeout: 120_000 });
    expect(r.stderr).toMatch(outOfMemory);
    expect(r.stderr).toContain(`\n\ngoroutine 1 [running]:\nmain.main()\n\t${prog}:${appendBombLine}\n`);
    expect(r.stdout).toBe('0\n');
    expect(r.status).toBe(2);
    const maxRssKb = Number(readFileSync(rssFile, 'utf8'));
    expect(maxRssKb).toBeGreaterThan(0);
    expect(maxRssKb).toBeLessThan(1024 * 1024);
  });
});
