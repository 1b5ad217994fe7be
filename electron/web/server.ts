// The web host: the built page and the API over HTTP, for a browser on this machine only.
// Three locks: it listens on 127.0.0.1, every API call must carry the per-launch token, and
// the Host header must name 127.0.0.1 or localhost (which defeats DNS rebinding).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Api, ApiErrorBody } from '../../api/contract.ts';
import { dispatch } from '../api/dispatch.ts';
import { contentSecurityPolicy, contentType, resolveInside } from '../security.ts';

export interface WebHostOptions {
  api: Api;
  /** Folder with the built page (index.html and its assets). */
  staticDir: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  token?: string;
  log?: (msg: string) => void;
}

export interface WebHost {
  /** The address actually bound: always 127.0.0.1. */
  address: string;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

export const maxBodyBytes = 1024 * 1024;

/**
 * The most of one request body the server reads at all. A client sends its whole body before it
 * reads the answer, so a body over maxBodyBytes is still read to its end (and dropped) for the
 * client to get its 413 rather than a reset; one longer than this has its connection cut.
 */
const maxDrainBytes = 64 * maxBodyBytes;

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(data),
  });
  res.end(data);
}

function errorBody(method: string, message: string): ApiErrorBody {
  return { error: { method, message } };
}

/** The body, or null when it is over maxBodyBytes; no more than maxBodyBytes of it is ever kept. */
function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | null = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBodyBytes) chunks = null;
      if (size > maxDrainBytes) req.destroy();
      else chunks?.push(c);
    });
    req.on('end', () => resolve(chunks && Buffer.concat(chunks)));
    // Also settles a request cut off above, which never ends; after 'end' it changes nothing.
    req.on('close', () => resolve(null));
    req.on('error', reject);
  });
}

export function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  let port = 0;

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void => {
    const file = resolveInside(opts.staticDir, pathname);
    const common = {
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    };
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...common, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const data = fs.readFileSync(file);
    res.writeHead(200, {
      ...common,
      'content-type': contentType(file),
      'content-length': data.length,
      'cache-control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const host = req.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      sendJson(res, 403, errorBody('', `Refused: this server only answers to 127.0.0.1:${port}.`));
      return;
    }
    const pathname = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).pathname;
    if (pathname.startsWith('/api/')) {
      const method = pathname.slice('/api/'.length);
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        sendJson(res, 405, errorBody(method, 'API calls are POST requests.'));
        return;
      }
      if (!sameToken(req.headers['x-app-token'], token)) {
        sendJson(res, 401, errorBody(method, 'Missing or wrong app token: open the address the app printed at start.'));
        return;
      }
      const raw = await readBody(req);
      if (raw === null) {
        sendJson(res, 413, errorBody(method, `The request is larger than ${maxBodyBytes} bytes.`));
        return;
      }
      let args: unknown = {};
      if (raw.length > 0) {
        try {
          args = JSON.parse(raw.toString('utf8'));
        } catch {
          sendJson(res, 400, errorBody(method, 'The request body is not valid JSON.'));
          return;
        }
      }
      const out = await dispatch(opts.api, method, args, log);
      sendJson(res, out.status, out.body);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    serveStatic(req, res, pathname);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`request failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, errorBody('', 'The server failed to answer.'));
      else res.destroy();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const bound = server.address() as AddressInfo;
      port = bound.port;
      resolve({
        address: bound.address,
        port,
        token,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
