// The web host: the built page and the API over HTTP, for a browser on this machine only.
// Four locks: it listens on 127.0.0.1, every API call must carry the per-launch token, the Host
// header must name 127.0.0.1 or localhost (which defeats DNS rebinding), and a call a browser
// makes from any other page (its Origin header) is refused even with the token.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Api, ApiErrorBody } from '../../api/contract.ts';
import { ExportKind } from '../../api/contract.ts';
import type { ExportedFile } from '../transfer/service.ts';
import { dispatch, failure } from '../api/dispatch.ts';
import { contentSecurityPolicy, contentType, mediaFileFor, resolveInside } from '../security.ts';

export interface WebHostOptions {
  api: Api;
  /** Folder with the built page (index.html and its assets). */
  staticDir: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  /** With a port: when it is taken, take a free one instead of failing (a remembered port). */
  portIsPreference?: boolean;
  /** How long one request may take to arrive whole, headers and body (default 10 s). */
  requestTimeoutMs?: number;
  token?: string;
  log?: (msg: string) => void;
  /** Import and export routes: uploads go to `stage`, downloads come from `exportFile`, images from `mediaDir`. */
  transfer?: {
    stage(name: string, bytes: Uint8Array): { importId: string };
    exportFile(what: ExportKind, deckId?: string): Promise<ExportedFile>;
    mediaDir: string;
  };
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
/** An import's upload may be far bigger than an API call (an Anki package with images). */
export const maxUploadBytes = 256 * 1024 * 1024;

/**
 * How far past its limit a request body is still read. A client sends its whole body before it
 * reads the answer, so a body over its limit is still read to its end (and dropped) for the
 * client to get its 413 rather than a reset; one longer than its limit plus this has its
 * connection cut.
 */
const maxDrainBytes = 64 * maxBodyBytes;

export const defaultRequestTimeoutMs = 10_000;

/** Headers every answer carries, the API's JSON as much as the page. */
const baseHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    ...baseHeaders,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(data),
  });
  res.end(data);
}

/**
 * Whether a request's Origin, if it has one, is this host's own page. Browsers send Origin on
 * every POST, so a page elsewhere that learned the token still cannot call the API; a client
 * that is not a browser sends none and is held by the token alone.
 */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function errorBody(method: string, message: string): ApiErrorBody {
  return { error: { method, message } };
}

/** The body, or null when it is over `limit`; no more than `limit` of it is ever kept. */
function readBody(req: http.IncomingMessage, limit = maxBodyBytes): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | null = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) chunks = null;
      if (size > limit + maxDrainBytes) req.destroy();
      else chunks?.push(c);
    });
    req.on('end', () => resolve(chunks && Buffer.concat(chunks)));
    // Also settles a request cut off above, which never ends; after 'end' it changes nothing.
    req.on('close', () => resolve(null));
    req.on('error', reject);
  });
}

/** An image an import kept (electron/transfer/): only names the import itself makes are served. */
function serveMedia(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, mediaDir: string): void {
  const name = pathname.slice('/media/'.length);
  const file = mediaFileFor(mediaDir, name);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  const data = fs.readFileSync(file);
  res.writeHead(200, {
    'content-type': contentType(file),
    'content-length': data.length,
    'content-security-policy': "default-src 'none'",
    'x-content-type-options': 'nosniff',
    'cache-control': 'max-age=86400, immutable',
  });
  res.end(req.method === 'HEAD' ? undefined : data);
}

export function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  let port = 0;

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void => {
    const file = resolveInside(opts.staticDir, pathname);
    const common = {
      ...baseHeaders,
      'content-security-policy': contentSecurityPolicy,
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
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const pathname = url.pathname;
    if (opts.transfer && (pathname === '/upload/import' || pathname.startsWith('/download/'))) {
      await fileRoute(req, res, url, opts.transfer);
      return;
    }
    if (opts.transfer && pathname.startsWith('/media/') && (req.method === 'GET' || req.method === 'HEAD')) {
      serveMedia(req, res, pathname, opts.transfer.mediaDir);
      return;
    }
    if (pathname.startsWith('/api/')) {
      const method = pathname.slice('/api/'.length);
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        sendJson(res, 405, errorBody(method, 'API calls are POST requests.'));
        return;
      }
      if (!originAllowed(req.headers.origin, port)) {
        sendJson(res, 403, errorBody(method, `Refused: API calls come only from this app's own page, not from ${req.headers.origin}.`));
        return;
      }
      if (!sameToken(req.headers['x-app-token'], token)) {
        sendJson(res, 401, errorBody(method, 'Missing or wrong app token: open the address the app printed at start.'));
        return;
      }
      if (Number(req.headers['content-length']) > maxBodyBytes) {
        // Declared too large: answer at once, then read and drop what the client still sends,
        // so it gets the 413 rather than a connection closed under it.
        res.setHeader('connection', 'close');
        sendJson(res, 413, errorBody(method, `The request is larger than ${maxBodyBytes} bytes.`));
        await readBody(req);
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

  /** Uploads and downloads: POST with the token, as API calls are. */
  const fileRoute = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL, transfer: NonNullable<WebHostOptions['transfer']>): Promise<void> => {
    const what = url.pathname === '/upload/import' ? 'import' : url.pathname.slice('/download/'.length);
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, errorBody(what, 'Uploads and downloads are POST requests.'));
      return;
    }
    if (!originAllowed(req.headers.origin, port)) {
      sendJson(res, 403, errorBody(what, `Refused: uploads and downloads come only from this app's own page, not from ${req.headers.origin}.`));
      return;
    }
    if (!sameToken(req.headers['x-app-token'], token)) {
      sendJson(res, 401, errorBody(what, 'Missing or wrong app token: open the address the app printed at start.'));
      return;
    }
    if (what === 'import') {
      const name = (url.searchParams.get('name') ?? 'upload').slice(0, 255);
      const tooBig = () => errorBody('import', `${name} is larger than ${maxUploadBytes / 1048576} MB, the most an import can upload. Split it (export fewer decks from Anki) or import it in the desktop app.`);
      if (Number(req.headers['content-length']) > maxUploadBytes) {
        // Declared too large: answered at once, as API calls are, then the rest is drained.
        res.setHeader('connection', 'close');
        sendJson(res, 413, tooBig());
        await readBody(req, maxUploadBytes);
        return;
      }
      const body = await readBody(req, maxUploadBytes);
      if (body === null) {
        sendJson(res, 413, tooBig());
        return;
      }
      sendJson(res, 200, { result: transfer.stage(name, new Uint8Array(body.buffer, body.byteOffset, body.byteLength)) });
      return;
    }
    const kind = ExportKind.safeParse(what);
    if (!kind.success) {
      sendJson(res, 404, errorBody(what, `There is no export "${what}".`));
      return;
    }
    await readBody(req);
    let file: ExportedFile;
    try {
      file = await transfer.exportFile(kind.data, url.searchParams.get('deckId') ?? undefined);
    } catch (err) {
      const out = failure(what, err, log);
      sendJson(res, out.status, out.body);
      return;
    }
    res.writeHead(200, {
      'content-type': file.mime,
      'content-length': file.bytes.length,
      'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(file.bytes);
  };

  const timeout = opts.requestTimeoutMs ?? defaultRequestTimeoutMs;
  const server = http.createServer(
    {
      // Node's default lets a request trickle in for 300 s; a local page sends its calls at once.
      requestTimeout: timeout,
      headersTimeout: Math.min(timeout, 60_000),
      // How often Node looks for requests past those limits (its default is every 30 s).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(timeout / 4))),
    },
    (req, res) => {
      handle(req, res).catch((err: unknown) => {
        log(`request failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        if (!res.headersSent) sendJson(res, 500, errorBody('', 'The server failed to answer.'));
        else res.destroy();
      });
    },
  );

  const listen = (wanted: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const failed = (err: NodeJS.ErrnoException): void => reject(err);
      server.once('error', failed);
      server.listen(wanted, '127.0.0.1', () => {
        server.off('error', failed);
        resolve();
      });
    });

  const bind = async (): Promise<void> => {
    const wanted = opts.port ?? 0;
    try {
      await listen(wanted);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (!opts.portIsPreference || wanted === 0 || (code !== 'EADDRINUSE' && code !== 'EACCES')) throw err;
      log(`web: port ${wanted} is taken; using a free one`);
      await listen(0);
    }
  };

  return bind().then(
    () =>
      new Promise((resolve) => {
        const bound = server.address() as AddressInfo;
        port = bound.port;
        resolve({
          address: bound.address,
          port,
          token,
          // The token rides in the fragment, which a browser never sends to any server or puts
          // in a Referer; the page moves it to sessionStorage and clears the address bar.
          url: `http://127.0.0.1:${port}/#token=${token}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            }),
        });
      }),
  );
}
