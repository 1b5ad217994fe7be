// The web host against a hostile page or a careless client: foreign origins, oversized and
// slow requests, content sniffing; and as a program: its address between launches, --help,
// and stopping when whatever started it stops.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { portFileName } from '../../electron/web/main.ts';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { cleanTemp, fixtureDecks, fixtures, tempDir, testBackend } from './helpers.ts';
import { request, type Reply } from './http.ts';

afterAll(cleanTemp);

function post(host: WebHost, method: string, headers: Record<string, string>, body = '{}'): Promise<Reply> {
  return request(host.port, { method: 'POST', path: `/api/${method}`, headers, body });
}

/** Writes raw bytes and collects what comes back until the server closes the connection. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let got = '';
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => (got += c));
    socket.on('close', () => resolve(got));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? resolve(got) : reject(e)));
    socket.write(bytes);
  });
}

async function withHost<T>(fn: (host: WebHost) => Promise<T>, requestTimeoutMs?: number): Promise<T> {
  const backend = testBackend(tempDir());
  const host = await startWebHost({ api: backend, staticDir: path.join(fixtures, 'page'), log: () => {}, requestTimeoutMs });
  try {
    return await fn(host);
  } finally {
    await host.close();
    backend.close();
  }
}

describe('requests', () => {
  it('refuses a call from another origin even with the right token', async () => {
    await withHost(async (host) => {
      const token = { 'x-app-token': host.token };
      for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`, 'null']) {
        const r = await post(host, 'status', { ...token, origin });
        expect(r.status, origin).toBe(403);
        expect(JSON.parse(r.text).error.message).toContain('own page');
      }
      expect((await post(host, 'status', { ...token, origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
      expect((await post(host, 'status', { ...token, origin: `http://localhost:${host.port}` })).status).toBe(200);
      // A client that is not a browser sends no Origin: the token alone admits it.
      expect((await post(host, 'status', token)).status).toBe(200);
    });
  });

  it('marks every API answer nosniff and keeps the token out of the query', async () => {
    await withHost(async (host) => {
      for (const r of [await post(host, 'status', { 'x-app-token': host.token }), await post(host, 'status', {}), await post(host, 'nope', { 'x-app-token': host.token })]) {
        expect(r.headers['x-content-type-options']).toBe('nosniff');
        expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      }
      expect(new URL(host.url).search).toBe('');
      expect(new URL(host.url).hash).toBe(`#token=${host.token}`);
      const viaQuery = await request(host.port, { method: 'POST', path: `/api/status?token=${host.token}`, body: '{}' });
      expect(viaQuery.status).toBe(401);
    });
  });

  it('answers a body declared too large with 413 at once, before the client has sent it', async () => {
    await withHost(async (host) => {
      const reply = await raw(
        host.port,
        `POST /api/answer HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nx-app-token: ${host.token}\r\ncontent-type: application/json\r\ncontent-length: 209715200\r\n\r\n{"cardId":`,
      );
      // Only a few bytes of the 200 MB were sent; the answer came anyway, then the close.
      expect(reply).toMatch(/^HTTP\/1\.1 413 /);
      expect(reply).toContain('The request is larger than');
    });
  });

  it('ends a request that does not arrive within its time limit with 408', async () => {
    await withHost(async (host) => {
      // Headers begun and never finished: the server gives up after its limit (400 ms here).
      const reply = await raw(host.port, `POST /api/status HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
      expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    }, 400);
  });
});

interface Launched {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
}

function launchWeb(args: string[]): Promise<Launched> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(fixtures, 'run-web.mts'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^Open http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve({ child, port: Number(m[1]), exited });
    });
    void exited.then((code) => reject(new Error(`the web host exited (${code}) without an address: ${err}`)));
  });
}

describe('the web host as a program', () => {
  it('keeps its port between launches while it is free, and remembers a new one when it is not', async () => {
    const dataDir = tempDir();
    const args = ['--data-dir', dataDir, '--decks-dir', fixtureDecks];
    const first = await launchWeb(args);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, portFileName), 'utf8'))).toEqual({ port: first.port });

    const second = await launchWeb(args);
    expect(second.port).toBe(first.port);

    // While the second holds it, a third launch takes a free port and remembers that one.
    const third = await launchWeb(args);
    expect(third.port).not.toBe(first.port);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, portFileName), 'utf8'))).toEqual({ port: third.port });
    for (const l of [second, third]) {
      l.child.kill('SIGTERM');
      expect(await l.exited).toBe(0);
    }
  });

  it('explains its options with --help', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(fixtures, 'run-web.mts'), '--help'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('Usage: npm run web -- [options]');
    for (const flag of ['--data-dir DIR', '--decks-dir DIR', '--port N', '--help']) expect(out).toContain(flag);
  });

  it('stops when whatever started it is killed, as npm\'s shell is on SIGTERM', async () => {
    const dataDir = tempDir();
    // A parent that starts the host and prints its pid, like `sh -c "node scripts/web.mjs"` under npm.
    const script = `
      const { spawn } = require('node:child_process');
      const c = spawn(process.execPath, ${JSON.stringify(['--import', 'tsx', path.join(fixtures, 'run-web.mts'), '--data-dir', dataDir, '--decks-dir', fixtureDecks, '--port', '0'])}, { stdio: ['ignore', 'pipe', 'inherit'] });
      c.stdout.once('data', () => console.log(c.pid));
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const hostPid = await new Promise<number>((resolve) => parent.stdout.once('data', (c: Buffer) => resolve(Number(c.toString().trim()))));
    expect(hostPid).toBeGreaterThan(0);
    parent.kill('SIGKILL');
    // The test's own timeout bounds this wait; the host notices within about a second.
    for (;;) {
      try {
        process.kill(hostPid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});
