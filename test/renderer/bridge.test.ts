// The page's view of the Electron host, without Electron: the preload's real bridge over the
// real dispatcher and backend, with only the IPC hop replaced by a direct call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import { Backend } from '../../electron/backend.ts';
import { channelPrefix, makeTrainerApi } from '../../electron/shell/bridge.ts';
import { ApiError, bridgeApi } from '../../renderer/api.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trainer-bridge-'));
const backend = new Backend({ dataDir, decksDir: path.join(here, '..', 'e2e', 'fixtures', 'decks'), host: 'electron', version: 't' });
const api = bridgeApi(makeTrainerApi((channel, args) => dispatch(backend, channel.slice(channelPrefix.length), args)));

afterAll(() => {
  backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the page over the Electron bridge', () => {
  it('gets results as plain values', async () => {
    const next = await api.nextCard({});
    expect(next?.card.key).toBe('e2e-basics/goroutine');
    expect(next?.previews.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
  });

  it('turns a refused call into an ApiError carrying the backend message for the banner', async () => {
    const err = await api.updateSettings({ dayStartHour: 30 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).method).toBe('updateSettings');
    expect((err as ApiError).message).toMatch(/dayStartHour/);
    const missing = await api.answer({ cardId: 999_999, rating: 3, durationMs: 1 }).catch((e: unknown) => e);
    expect((missing as ApiError).message).toMatch(/Card 999999 does not exist/);
  });
});
