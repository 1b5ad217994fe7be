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
