// The page's view of both hosts over one real backend: the Electron bridge (the preload's real
// bridge over the real dispatcher, only the IPC hop replaced by a direct call) and the real web
// host over HTTP. Whichever host serves a call, the page must see the same result or error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../api/contract.ts';
import { dispatch } from '../../electron/api/dispatch.ts';
import { Backend } from '../../electron/backend.ts';
import { channelPrefix, makeTrainerApi } from '../../electron/shell/bridge.ts';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { ApiError, bridgeApi, httpApi } from '../../renderer/api.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trainer-bridge-'));
const backend = new Backend({ dataDir, decksDir: path.join(here, '..', 'e2e', 'fixtures', 'decks'), host: 'electron', version: 't' });
const api = bridgeApi(makeTrainerApi((channel, args) => dispatch(backend, channel.slice(channelPrefix.length), args)));
let web: WebHost;
let overHttp: Api;

beforeAll(async () => {
  web = await startWebHost({ api: backend, staticDir: path.join(here, '..', 'electron', 'fixtures', 'page'), log: () => {} });
  overHttp = httpApi(web.token, (url, init) => fetch(url, init), `http://127.0.0.1:${web.port}`);
});

afterAll(async () => {
  await web.close();
  backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** What the page can see of a failed call. */
async function refusal(call: Promise<unknown>): Promise<Pick<ApiError, 'method' | 'status' | 'message' | 'issues'>> {
  const err = await call.then(
    () => expect.fail('the call should have been refused'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  const { method, status, message, issues } = err as ApiError;
  return { method, status, message, issues };
}

describe('the page over the Electron bridge', () => {
  it('gets results as plain values', async () => {
    const next = await api.nextCard({});
    expect(next?.card.key).toBe('e2e-basics/goroutine');
    expect(next?.previews.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
  });

  it('turns a refused call into an ApiError with the backend\'s method, message, status and issues', async () => {
    const bad = await refusal(api.updateSettings({ dayStartHour: 30 }));
    expect(bad).toMatchObject({ method: 'updateSettings', status: 400, issues: [{ path: 'dayStartHour' }] });
    expect(bad.message).toMatch(/^Invalid arguments for updateSettings: dayStartHour: /);
    const missing = await refusal(api.answer({ cardId: 999_999, rating: 3, durationMs: 1 }));
    expect(missing).toEqual({ method: 'answer', status: 404, message: 'Card 999999 does not exist or was removed from its deck.', issues: [] });
  });

  it('says so when the IPC hop itself fails, naming the method', async () => {
    const hopless = bridgeApi(makeTrainerApi(() => Promise.reject(new Error("No handler registered for 'api:today'"))));
    expect(await refusal(hopless.today({}))).toEqual({
      method: 'today',
      status: 0,
      message: "The app's main process did not answer today: No handler registered for 'api:today'",
      issues: [],
    });
  });
});

describe('both hosts', () => {
  it('report the same refusal the same way', async () => {
    const calls: ((a: Api) => Promise<unknown>)[] = [
      (a) => a.updateSettings({ dayStartHour: 30 }),
      (a) => a.answer({ cardId: 999_999, rating: 3, durationMs: 1 }),
      (a) => a.useDataDir({ dir: 'relative/place' }),
      (a) => a.today('please' as never),
    ];
    for (const call of calls) {
      const viaBridge = await refusal(call(api));
      expect(viaBridge.status).toBeGreaterThanOrEqual(400);
      expect(await refusal(call(overHttp))).toEqual(viaBridge);
    }
  });

  it('give the same result', async () => {
    expect(await overHttp.getSettings({})).toEqual(await api.getSettings({}));
  });
});
