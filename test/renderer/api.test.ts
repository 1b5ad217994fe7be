// The HTTP client against a real local server: what goes over the wire, and what the learner
// sees when the server refuses.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, httpApi } from '../../renderer/api.ts';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  token: string | undefined;
  body: string;
}

let server: http.Server;
let base = '';
const seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, token: req.headers['x-app-token'] as string | undefined, body });
      res.setHeader('content-type', 'application/json');
      if (req.headers['x-app-token'] !== 'secret-1') {
        res.statusCode = 403;
        res.end(JSON.stringify({ error: { method: req.url?.slice(5), message: 'This page is not allowed to use the app: wrong token.' } }));
        return;
      }
      if (req.url === '/api/updateSettings') {
        res.statusCode = 400;
        res.end(
          JSON.stringify({
            error: {
              method: 'updateSettings',
              message: 'Invalid arguments for updateSettings: dayStartHour: Too big',
              issues: [{ path: 'dayStartHour', message: 'Too big' }],
            },
          }),
        );
        return;
      }
      if (req.url === '/api/listBackups') {
        res.statusCode = 502;
        res.end(JSON.stringify({ oops: true }));
        return;
      }
      res.end(JSON.stringify({ result: { echo: JSON.parse(body) as unknown, url: req.url } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('HTTP API client', () => {
  it('POSTs the arguments as JSON to /api/<method> with the token header, and returns the result', async () => {
    const api = httpApi('secret-1', (url, init) => fetch(url, init), base);
    const result: unknown = await api.nextCard({ deckId: 'go-concurrency' });
    expect(result).toEqual({ echo: { deckId: 'go-concurrency' }, url: '/api/nextCard' });
    const last = seen.at(-1);
    expect(last).toMatchObject({ method: 'POST', url: '/api/nextCard', token: 'secret-1' });
    expect(JSON.parse(last?.body ?? '')).toEqual({ deckId: 'go-concurrency' });
  });

  it('turns an error body into an ApiError with the server message and field issues', async () => {
    const api = httpApi('secret-1', (url, init) => fetch(url, init), base);
    const err = await api.updateSettings({ dayStartHour: 30 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ method: 'updateSettings', status: 400, issues: [{ path: 'dayStartHour', message: 'Too big' }] });
    expect((err as ApiError).message).toMatch(/dayStartHour/);
  });

  it('reports a reply that is neither a result nor an error body, with its status', async () => {
    const api = httpApi('secret-1', (url, init) => fetch(url, init), base);
    const err = await api.listBackups({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ method: 'listBackups', status: 502, message: 'The app answered listBackups with status 502 and no result.', issues: [] });
  });

  it('reports a wrong token as the server words it', async () => {
    const api = httpApi('stale', (url, init) => fetch(url, init), base);
    await expect(api.today({})).rejects.toThrow(/wrong token/);
  });

  it('says the server is unreachable rather than failing silently', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const api = httpApi('secret-1', (url, init) => fetch(url, init), `http://127.0.0.1:${port}`);
    await expect(api.status({})).rejects.toThrow(/Cannot reach the app's local server/);
  });
});
