// The installed `gosim` command run the way a shell runs it (node_modules/.bin/gosim, through its
// first line), not through `node file`: what it starts with is part of what it does.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = resolve(import.meta.dirname, '../../../node_modules/.bin/gosim');

describe('the gosim command', () => {
  it('runs a program from the shell, and starts without NODE_EXTRA_CA_CERTS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gosim-command-'));
    const prog = join(dir, 'prog.go');
    writeFileSync(prog, 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi")\n}\n');
    // Node warns on stderr about a certificate file it cannot read; the command must not even
    // look for it (loading the certificates is a sixth of a short run's time).
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'no-such-file.pem') };
    const r = spawnSync(bin, ['run', prog], { encoding: 'utf8', env, timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hi\n');
    expect(r.status).toBe(0);
    // The same check fails for plain node, so the test can tell.
    const plain = spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8', env });
    expect(plain.stderr).toContain('no-such-file.pem');
  });

  it('runs a program again in a worker thread when library calls back into Go run out of JS stack', () => {
    // fmt calling String calling fmt, 3000 deep: more JS stack than the main thread has. The
    // command starts the worker (loading node:worker_threads only then) and prints what Go does.
    const dir = mkdtempSync(join(tmpdir(), 'gosim-command-'));
    const prog = join(dir, 'deep.go');
    writeFileSync(prog, `package main

import "fmt"

type node struct {
	v    int
	next *node
}

func (n *node) String() string {
	if n.next == nil {
		return fmt.Sprint(n.v)
	}
	return fmt.Sprintf("%d %v", n.v%10, n.next)
}

func main() {
	var head *node
	for i := 0; i < 3000; i++ {
		head = &node{i, head}
	}
	fmt.Println(len(head.String()))
}
`);
    const r = spawnSync(bin, ['run', prog], { encoding: 'utf8', env: { ...process.env, GOSIM_DEBUG: '1' }, timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('5999\n');
    expect(r.status).toBe(0);
  });
});
