// Rules both hosts enforce on the page they serve, kept free of Electron and HTTP so they can
// be tested directly.
import fs from 'node:fs';
import path from 'node:path';

export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null when it would leave it (`..`, encoded
 * slashes or backslashes, NUL bytes). "/" is the page itself.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  if (parts.length === 0) parts.push('index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...parts);
  return file.startsWith(base + path.sep) ? file : null;
}

/**
 * The file behind `/media/<name>`: an image an import stored, named by its content hash. Any
 * other name (a path, another extension) is refused, so nothing else in the data folder is served.
 */
export function mediaFileFor(mediaDir: string, name: string): string | null {
  if (!/^[0-9a-f]{32}\.(png|jpg|jpeg|gif|webp|avif|bmp)$/.test(name)) return null;
  const file = path.join(mediaDir, name);
  return fs.existsSync(file) ? file : null;
}

export const appScheme = 'app';
export const appHost = 'trainer';
export const appOrigin = `${appScheme}://${appHost}`;
export const appIndexUrl = `${appOrigin}/index.html`;

/** True only for a page the app itself served: our scheme and host, nothing else. */
export function isAppPage(url: string | undefined | null): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${appScheme}:` && u.host === appHost && u.username === '' && u.password === '' && u.port === '';
}
