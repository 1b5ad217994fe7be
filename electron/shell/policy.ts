// The Electron shell's security decisions as plain functions: which pages may call the API,
// where they may navigate, and which file an app:// URL names.
import path from 'node:path';
import { appHost, contentType, isAppPage, resolveInside } from '../security.ts';

export { contentSecurityPolicy, isAppPage } from '../security.ts';

/** IPC is answered only for frames showing our own page. */
export function senderAllowed(frameUrl: string | undefined | null): boolean {
  return isAppPage(frameUrl);
}

/** The page is a single screen: navigating anywhere, even to another app:// page, is refused. */
export function navigationAllowed(_url: string): boolean {
  return false;
}

/**
 * The address to hand to the system browser for a link in a card, or null to ignore the click.
 * Only http and https, with a host and no user name or password (which can disguise where a
 * link goes), and not this machine; anything else (file:, javascript:, app:, custom schemes that start programs) is
 * never passed to shell.openExternal.
 */
export function externalLink(raw: string): string | null {
  if (raw.length > 2048 || /[\s\u0000-\u001f\u007f]/.test(raw)) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.hostname === '' || u.username !== '' || u.password !== '') return null;
  // A deck has no business sending the learner to services on this machine or the local
  // network (the web host, a router's admin page): no bare names, no private or loopback IPv4
  // addresses, and no IPv6 literals at all (a card links to sites by name).
  const host = u.hostname.toLowerCase();
  if (!host.includes('.') || host === 'localhost' || host.endsWith('.localhost') || host.startsWith('[')) return null;
  if (privateAddress(host)) return null;
  return u.href;
}

/**
 * Whether a host is an IPv4 address of this machine, the local network or the link (loopback,
 * 0/8, 10/8, 172.16/12, 192.168/16, 169.254/16, carrier-grade NAT 100.64/10). The URL parser has
 * already turned every spelling of such an address (hex, octal, short forms) into dotted decimal.
 */
function privateAddress(host: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 127 || a === 0 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

/** The file an app:// request names inside the built page folder, or null (not found / refused). */
export function appFileFor(requestUrl: string, rendererDir: string): { file: string; type: string } | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (!isAppPage(requestUrl) || u.host !== appHost) return null;
  const file = resolveInside(rendererDir, u.pathname);
  return file ? { file, type: contentType(file) } : null;
}

/** userData and the database live together, so two data dirs never share Chromium's profile. */
export function userDataFor(dataDir: string): string {
  return path.resolve(dataDir);
}
