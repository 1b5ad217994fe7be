// The page's one way to reach the backend. Under Electron the preload exposes `trainerApi`;
// in a plain browser the same methods are served over HTTP by the local web host, guarded by a
// per-launch token that arrives in the URL hash. Screens only ever see the `Api` type.
// Both hosts hand back the same envelope (`ApiEnvelope`: a status and `{result}` or
// `{error: {method, message, issues}}`), and `settle` alone turns it into a result or an ApiError
// (`refusalOf` also reads the error bodies of the file routes in transfer.ts).
import type { Api, ApiErrorBody, WireApi } from '../api/contract.ts';

declare global {
  interface Window {
    trainerApi?: WireApi;
  }
}

/** A failed call, with the message the backend wrote for the learner. */
export class ApiError extends Error {
  readonly method: string;
  readonly status: number;
  readonly issues: { path: string; message: string }[];
  constructor(method: string, status: number, message: string, issues: { path: string; message: string }[] = []) {
    super(message);
    this.name = 'ApiError';
    this.method = method;
    this.status = status;
    this.issues = issues;
  }
}

export const tokenKey = 'trainer.token';

/** Minimal views of the browser objects the token handling touches, so tests can pass their own. */
export interface TokenEnv {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  sessionStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
}

/**
 * Takes the token out of `#token=...` (keeping it for reloads in sessionStorage) and removes it
 * from the address bar, so it is not left visible or copied along with the URL.
 */
export function takeToken(env: TokenEnv): string | null {
  const params = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    env.sessionStorage.setItem(tokenKey, fromHash);
    params.delete('token');
    const rest = params.toString();
    env.history.replaceState(null, '', env.location.pathname + env.location.search + (rest ? `#${rest}` : ''));
    return fromHash;
  }
  return env.sessionStorage.getItem(tokenKey);
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';
}

/**
 * The ApiError an envelope stands for, with the backend's method, message, issues and status, or
 * null when it carries a result. A reply that is neither is reported as such.
 */
export function refusalOf(method: string, status: number, body: unknown): ApiError | null {
  if (isErrorBody(body)) return new ApiError(body.error.method || method, status, body.error.message, body.error.issues);
  if (status !== 200 || typeof body !== 'object' || body === null || !('result' in body)) {
    return new ApiError(method, status, `The app answered ${method} with status ${status} and no result.`);
  }
  return null;
}

/** One call's envelope, from either host, as its result or a thrown ApiError. */
export function settle(method: string, status: number, body: unknown): unknown {
  const refused = refusalOf(method, status, body);
  if (refused) throw refused;
  return (body as { result: unknown }).result;
}

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  status: number;
  json(): Promise<unknown>;
}>;

/** The HTTP host: `POST /api/<method>` with the arguments as JSON and the token in a header. */
export function httpApi(token: string | null, doFetch: Fetch, base = ''): Api {
  const call = async (method: string, args: unknown): Promise<unknown> => {
    let res: Awaited<ReturnType<Fetch>>;
    try {
      res = await doFetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-app-token': token ?? '' },
        body: JSON.stringify(args ?? {}),
      });
    } catch (err) {
      throw new ApiError(method, 0, `Cannot reach the app's local server. Is it still running? (${(err as Error).message})`);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new ApiError(method, res.status, `The app's server answered ${method} with something that is not JSON (HTTP ${res.status}).`);
    }
    return settle(method, res.status, body);
  };
  // One function per property name, so the method list lives only in the contract.
  return new Proxy({} as Api, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (args: unknown) => call(name, args);
    },
  });
}

/** The Electron host: the preload's functions return the envelope main produced, as data. */
export function bridgeApi(bridge: WireApi): Api {
  return new Proxy({} as Api, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      const fn = (bridge as unknown as Record<string, ((args: unknown) => Promise<{ status: number; body: unknown }>) | undefined>)[name];
      return async (args: unknown) => {
        if (!fn) throw new ApiError(name, 0, `This version of the app has no "${name}" method.`);
        let out: { status: number; body: unknown };
        try {
          out = await fn(args);
        } catch (err) {
          // Main never throws across IPC, so this is the hop itself failing (no handler, window closing).
          throw new ApiError(name, 0, `The app's main process did not answer ${name}: ${err instanceof Error ? err.message : String(err)}`);
        }
        return settle(name, out.status, out.body);
      };
    },
  });
}

/** Picks the host once, at startup. */
export function connect(): Api {
  if (window.trainerApi) return bridgeApi(window.trainerApi);
  const token = takeToken(window);
  return httpApi(token, (url, init) => fetch(url, init));
}
