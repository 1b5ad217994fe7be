import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/backend.ts';
import { maxBodyBytes, startWebHost, type WebHost } from '../../electron/web/server.ts';
import { cleanTemp, fixtureDecks, fixtures, tempDir, testBackend } from './helpers.ts';
import { request, type Reply } from './http.ts';

afterAll(cleanTemp);

async function call(host: WebHost, method: string, args: unknown, token = host.token): Promise<Reply> {
  return request(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'x-app-token': token, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
}

async function launch(dataDir: string): Promise<{ host: WebHost; backend: Backend; stop: () => Promise<void> }> {
  const backend = testBackend(dataDir);
  const host = await startWebHost({ api: backend, staticDir: path.join(fixtures, 'page'), log: () => {} });
  return {
    host,
    backend,
    stop: async () => {
      await host.close();
      backend.close();
    },
  };
}

describe('web host', () => {
  it('serves the page with the CSP at its 127.0.0.1 address, and never outside its folder', async () => {
    const { host, stop } = await launch(tempDir());
    try {
      expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{20,}$`));
      const page = await request(host.port, { path: '/' });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain("default-src 'none'; script-src 'self'");
      expect(page.text).toContain('Trainer fixture page');
      const js = await request(host.port, { path: '/assets/app.js' });
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
      for (const evil of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/..%5coutside.txt']) {
        const r = await request(host.port, { path: evil });
        expect(r.status, evil).toBe(404);
        expect(r.text).not.toContain('secret');
      }
    } finally {
      await stop();
    }
  });

  it('listens on the loopback address 127.0.0.1 alone, so no other address of the machine answers', async () => {
    // What the listening socket itself is bound to, asked of the server object rather than taken
    // from the host's own report, and without probing this machine's network interfaces.
    const listen = vi.spyOn(net.Server.prototype, 'listen');
    try {
      const { host, stop } = await launch(tempDir());
      try {
        const servers = listen.mock.contexts as net.Server[];
        expect(servers).toHaveLength(1);
        expect(servers[0]!.address()).toEqual({ address: '127.0.0.1', family: 'IPv4', port: host.port });
        expect(host.address).toBe('127.0.0.1');
      } finally {
        await stop();
      }
    } finally {
      listen.mockRestore();
    }
  });

  it('refuses API calls without the right token, and any request with a foreign Host header', async () => {
    const { host, stop } = await launch(tempDir());
    try {
      const none = await request(host.port, { method: 'POST', path: '/api/status', body: '{}' });
      expect(none.status).toBe(401);
      const wrong = await call(host, 'status', {}, 'x'.repeat(host.token.length));
      expect(wrong.status).toBe(401);
      const rebound = await request(host.port, {
        method: 'POST',
        path: '/api/status',
        host: `evil.example:${host.port}`,
        headers: { 'x-app-token': host.token },
        body: '{}',
      });
      expect(rebound.status).toBe(403);
      expect((await request(host.port, { path: '/', host: 'evil.example' })).status).toBe(403);
      const viaLocalhost = await request(host.port, {
        method: 'POST',
        path: '/api/status',
        host: `localhost:${host.port}`,
        headers: { 'x-app-token': host.token },
        body: '{}',
      });
      expect(viaLocalhost.status).toBe(200);
      expect(JSON.parse(viaLocalhost.text).result.host).toBe('web');
    } finally {
      await stop();
    }
  });

  it('answers 400 for bad arguments and 404 for unknown methods', async () => {
    const { host, stop } = await launch(tempDir());
    try {
      const bad = await call(host, 'answer', { cardId: 'one', rating: 7, durationMs: 5 });
      expect(bad.status).toBe(400);
      const body = JSON.parse(bad.text);
      expect(body.error.method).toBe('answer');
      expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['cardId', 'rating']));
      expect((await call(host, 'dropTables', {})).status).toBe(404);
    } finally {
      await stop();
    }
  });

  describe('a request body over the limit', () => {
    const post = (host: WebHost, body: string) =>
      request(host.port, { method: 'POST', path: '/api/answer', headers: { 'x-app-token': host.token }, body });
    /** The reply must be the server's own 413 with its JSON error, not a connection cut short. */
    const expectTooLarge = (reply: Reply): void => {
      expect(reply.status).toBe(413);
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(reply.text)).toEqual({ error: { method: 'answer', message: `The request is larger than ${maxBodyBytes} bytes.` } });
    };

    it('is answered 413 from one byte past the limit, while a body of exactly the limit is read', async () => {
      const { host, stop } = await launch(tempDir());
      try {
        const exact = await post(host, '{}'.padEnd(maxBodyBytes, ' '));
        expect(exact.status).toBe(400);
        expect(JSON.parse(exact.text).error.message).toContain('cardId');
        expectTooLarge(await post(host, '{}'.padEnd(maxBodyBytes + 1, ' ')));
      } finally {
        await stop();
      }
    });

    it('is answered 413 when it is many times the limit, too', async () => {
      const { host, stop } = await launch(tempDir());
      try {
        expectTooLarge(await post(host, 'x'.repeat(32 * maxBodyBytes)));
        // The host goes on answering after it.
        expect((await call(host, 'status', {})).status).toBe(200);
      } finally {
        await stop();
      }
    });
  });

  it('keeps progress when the host restarts on the same data dir', async () => {
    const dataDir = tempDir();
    const first = await launch(dataDir);
    let answeredKey: string;
    try {
      const next = JSON.parse((await call(first.host, 'nextCard', {})).text).result;
      answeredKey = next.card.key;
      const answered = await call(first.host, 'answer', { cardId: next.card.id, rating: 4, durationMs: 1200 });
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.text).result.state).toBe(2);
    } finally {
      await first.stop();
    }
    const second = await launch(dataDir);
    try {
      expect(second.host.token).not.toBe(first.host.token);
      const old = await call(second.host, 'today', {}, first.host.token);
      expect(old.status).toBe(401);
      const today = JSON.parse((await call(second.host, 'today', {})).text).result;
      expect(today.reviewedToday).toBe(1);
      expect(today.decks[0].newCount).toBe(4);
      const next = JSON.parse((await call(second.host, 'nextCard', {})).text).result;
      expect(next.card.key).not.toBe(answeredKey);
    } finally {
      await second.stop();
    }
  });

  it('prints exactly one line to stdout and closes cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(fixtures, 'run-web.mts'), '--data-dir', dataDir, '--decks-dir', fixtureDecks, '--port', '0'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait for the first line, or for the process to end without one; the test's timeout bounds the wait.
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (out.includes('\n')) resolve();
      };
      child.stdout.on('data', check);
      check();
      void exited.then(() => resolve());
    });
    expect(out, err).toMatch(/^Open http:\/\/127\.0\.0\.1:(\d+)\/#token=\S+\n$/);
    const port = Number(/:(\d+)\//.exec(out)?.[1]);
    const token = /#token=(\S+)/.exec(out)?.[1] ?? '';
    const r = await request(port, { method: 'POST', path: '/api/today', headers: { 'x-app-token': token }, body: '{}' });
    expect(JSON.parse(r.text).result.decks[0].deckId).toBe('basics');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err).toContain('closing');
  });
});
